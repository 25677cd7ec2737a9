import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Posting, Visibility } from '../common/enums.js';
import { ConnectionType } from '../common/paging/connection.js';
import { VersionedModel } from '../common/versioned.model.js';
import { Contact } from '../contacts/contact.model.js';
import { DateScalar } from '../graphql/scalars.js';
import { Organization } from '../organizations/organization.model.js';
import { State } from '../states/state.model.js';
import { type EnumValue, graphqlEnum } from '../common/enum.js';

/** Where a letter stands. The three are exclusive: a reply settles a letter whatever else happened. */
export const LetterStatus = graphqlEnum('LetterStatus', {
  AWAITING_REPLY: 'No reply recorded and no follow-up done',
  REPLIED: 'The reply was recorded',
  FOLLOWED_UP: 'No reply, but the follow-up was done',
});
export type LetterStatus = EnumValue<typeof LetterStatus>;

/** How to follow up a letter that got no reply. */
export const FollowUpChannel = graphqlEnum(
  'FollowUpChannel',
  ['CAPITAL', 'GENEVA_MISSION', 'NEW_YORK_MISSION', 'OTHER_MISSION', 'OTHER', 'PARTNER_ORGANIZATION'],
  'Another contact of the State, by posting, or a partner organization that works with it',
);
export type FollowUpChannel = EnumValue<typeof FollowUpChannel>;

@ObjectType('LetterCampaign', { description: 'A letter sent on one date to many States: one LETTER interaction per State' })
export class LetterCampaign extends VersionedModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: "Where the letter's text lives (a document reference)" })
  templateRef: string;

  @Field(() => DateScalar)
  sendingDate: string;

  @Field(() => Visibility, { description: 'Of the campaign and of its letters' })
  visibility: Visibility;

  organizationId: string;

  @Field(() => ID, { nullable: true, description: 'The mandate whose work it is (its organizations share it), if any' })
  mandateId: string | null;
  ownerId: string;
}

@ObjectType()
export class LetterCampaignConnection extends ConnectionType(LetterCampaign, 'LetterCampaign') {}

/** One State's letter. `interaction` is the LETTER itself (reply, follow-up, version). */
@ObjectType('CampaignLetter')
export class CampaignLetter {
  campaignId: string;
  stateIso3: string;
  interactionId: string;

  @Field(() => LetterStatus)
  status: LetterStatus;

  @Field(() => DateScalar)
  sentOn: string;

  @Field(() => DateScalar, { nullable: true })
  replyReceivedOn: string | null;

  @Field(() => String, { nullable: true, description: 'What the reply said (the interaction outcome)' })
  replyNote: string | null;

  @Field(() => Posting, {
    nullable: true,
    description: 'The posting of the contacts it went to; null when none was on file or they were chosen by hand',
  })
  addressedPosting: Posting | null;

  @Field({ description: 'Who it was addressed to, in words, as at sending' })
  addressedTo: string;

  @Field(() => Int, { description: 'The version of the letter (its interaction): pass it as expectedVersion' })
  version: number;
}

@ObjectType('CampaignProgress', { description: 'Every letter is in exactly one of replied, noReply and followUpDone' })
export class CampaignProgress {
  @Field(() => Int)
  sent: number;

  @Field(() => Int)
  replied: number;

  @Field(() => Int, { description: 'No reply and no follow-up done yet' })
  noReply: number;

  @Field(() => Int, { description: 'No reply, follow-up done' })
  followUpDone: number;

  @Field(() => [State])
  sentStates: State[];

  @Field(() => [State])
  repliedStates: State[];

  @Field(() => [State])
  noReplyStates: State[];

  @Field(() => [State])
  followUpDoneStates: State[];
}

@ObjectType('SuggestedFollowUp')
export class SuggestedFollowUp {
  @Field(() => FollowUpChannel)
  channel: FollowUpChannel;

  @Field(() => Contact, { nullable: true, description: 'Another contact of the State' })
  contact: Contact | null;

  @Field(() => Organization, { nullable: true, description: 'A partner organization that logged SHARED interactions with the State' })
  organization: Organization | null;

  @Field()
  reason: string;
}

@ObjectType('UnansweredLetter')
export class UnansweredLetter {
  @Field(() => State)
  state: State;

  @Field(() => CampaignLetter)
  letter: CampaignLetter;

  @Field(() => Int, { description: 'Days since the letter was sent' })
  daysWithoutReply: number;

  @Field(() => [SuggestedFollowUp], { description: 'Other contacts first (by posting), then partner organizations' })
  suggestedFollowUps: SuggestedFollowUp[];
}
