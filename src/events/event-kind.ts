import { registerEnumType } from '@nestjs/graphql';

/** What kind of gathering an event is. */
export enum EventKind {
  MEETING_OF_STATES_PARTIES = 'MEETING_OF_STATES_PARTIES',
  FIRST_COMMITTEE = 'FIRST_COMMITTEE',
  REGIONAL_CONFERENCE = 'REGIONAL_CONFERENCE',
  WORKSHOP = 'WORKSHOP',
  OTHER = 'OTHER',
}

registerEnumType(EventKind, {
  name: 'EventKind',
  valuesMap: {
    MEETING_OF_STATES_PARTIES: { description: 'A Meeting of States Parties (of this Convention or another treaty)' },
    FIRST_COMMITTEE: { description: "The UN General Assembly's First Committee" },
    REGIONAL_CONFERENCE: { description: 'A regional conference' },
    WORKSHOP: { description: 'A workshop or seminar' },
  },
});
