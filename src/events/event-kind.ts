import { type EnumValue, graphqlEnum } from '../common/enum.js';

/** What kind of gathering an event is. */
export const EventKind = graphqlEnum('EventKind', {
  MEETING_OF_STATES_PARTIES: 'A Meeting of States Parties (of this Convention or another treaty)',
  FIRST_COMMITTEE: "The UN General Assembly's First Committee",
  REGIONAL_CONFERENCE: 'A regional conference',
  WORKSHOP: 'A workshop or seminar',
  OTHER: null,
});
export type EventKind = EnumValue<typeof EventKind>;
