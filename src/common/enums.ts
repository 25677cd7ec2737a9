import { type EnumValue, graphqlEnum } from './enum.js';

/** The five UN regional groups of Member States (UN DGACM). */
export const RegionalGroup = graphqlEnum(
  'RegionalGroup',
  ['AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'LATIN_AMERICAN_AND_CARIBBEAN', 'WESTERN_EUROPEAN_AND_OTHERS'],
  'UN regional groups of Member States',
);
export type RegionalGroup = EnumValue<typeof RegionalGroup>;

/** A State's standing under the Convention on a given date, computed from its treaty actions. */
export const TreatyStatus = graphqlEnum(
  'TreatyStatus',
  ['STATE_PARTY', 'DEPOSITED', 'SIGNATORY', 'NOT_SIGNED', 'WITHDRAWN'],
  "A State's standing under the Convention on a date",
);
export type TreatyStatus = EnumValue<typeof TreatyStatus>;

export const ConsentType = graphqlEnum(
  'ConsentType',
  ['RATIFICATION', 'ACCESSION', 'ACCEPTANCE', 'APPROVAL'],
  'How a State expressed its consent to be bound',
);
export type ConsentType = EnumValue<typeof ConsentType>;

/** A treaty action as the depositary records it: a signature, the deposit of an instrument, or a withdrawal. */
export const TreatyActionKind = graphqlEnum(
  'TreatyActionKind',
  ['SIGNATURE', 'RATIFICATION', 'ACCESSION', 'ACCEPTANCE', 'APPROVAL', 'WITHDRAWAL'],
  'A treaty action: a signature, the deposit of an instrument of consent, or a withdrawal (the date it took effect)',
);
export type TreatyActionKind = EnumValue<typeof TreatyActionKind>;

/** The coordinators' assessment of where a State stands on the way to joining. */
export const RatificationStage = graphqlEnum(
  'RatificationStage',
  ['NOT_ENGAGED', 'ENGAGED', 'SUPPORTIVE', 'DOMESTIC_PROCESS', 'APPROVED', 'DEPOSITED', 'JOINED', 'DECLINED'],
  "The coordinators' assessment of a State's path to joining",
);
export type RatificationStage = EnumValue<typeof RatificationStage>;

export const VoteChoice = graphqlEnum('VoteChoice', ['YES', 'NO', 'ABSTAIN', 'NON_VOTING']);
export type VoteChoice = EnumValue<typeof VoteChoice>;

export const Posting = graphqlEnum(
  'Posting',
  ['CAPITAL', 'GENEVA_MISSION', 'NEW_YORK_MISSION', 'OTHER_MISSION', 'OTHER'],
  'Where a contact is posted',
);
export type Posting = EnumValue<typeof Posting>;

export const InteractionType = graphqlEnum('InteractionType', [
  'LETTER',
  'BILATERAL_MEETING',
  'PHONE_CALL',
  'EMAIL',
  'DEMARCHE',
  'WORKSHOP',
  'EVENT_MEETING',
  'OTHER',
]);
export type InteractionType = EnumValue<typeof InteractionType>;

/** Who may see an interaction besides its author's organization. */
export const Visibility = graphqlEnum('Visibility', {
  ORGANIZATION: "Only the author's organization",
  MANDATE: "The author's organization and the organizations of the item's mandate (and of the mandates that took over from it)",
  COORDINATORS: 'Every coordinator and admin',
  SHARED: 'Coordinators, admins and partners',
});
export type Visibility = EnumValue<typeof Visibility>;

export const OrganizationKind = graphqlEnum('OrganizationKind', [
  'GOVERNMENT',
  'CIVIL_SOCIETY',
  'INTERNATIONAL_ORGANIZATION',
  'SECRETARIAT',
]);
export type OrganizationKind = EnumValue<typeof OrganizationKind>;

export const Role = graphqlEnum('Role', ['ADMIN', 'COORDINATOR', 'PARTNER']);
export type Role = EnumValue<typeof Role>;

export const ObstacleCategory = graphqlEnum(
  'ObstacleCategory',
  ['SUBSTANTIVE', 'PROCEDURAL', 'TECHNICAL'],
  'What kind of obstacle a State has raised',
);
export type ObstacleCategory = EnumValue<typeof ObstacleCategory>;

export const ObstacleStatus = graphqlEnum('ObstacleStatus', ['OPEN', 'ADDRESSED']);
export type ObstacleStatus = EnumValue<typeof ObstacleStatus>;

/** How a target list is ranked. */
export const TargetOrder = graphqlEnum('TargetOrder', {
  SCORE: 'Highest score first; ties by name',
  NAME: 'By name',
  LAST_CONTACT: 'Least recently contacted first (never contacted before all)',
  STAGE: 'Closest to joining first; ties by score, then name',
});
export type TargetOrder = EnumValue<typeof TargetOrder>;

/** What happened, in the shared activity feed. */
export const ActivityKind = graphqlEnum('ActivityKind', [
  'INTERACTION_LOGGED',
  'INTERACTION_UPDATED',
  'STAGE_CHANGED',
  'OBSTACLE_RECORDED',
  'CONTACT_ADDED',
  'CAMPAIGN_CREATED',
  'LETTER_REPLY_LOGGED',
  'EVENT_RECORDED',
  'MEETING_PLANNED',
  'MANDATE_STARTED',
  'WORK_PLAN_CHANGED',
  'CONTACT_POSTING_CHANGED',
  'CONTACTS_MERGED',
  'SPREADSHEET_IMPORTED',
  'EVENT_CHANGED',
  'EVENT_DELETED',
  'CAMPAIGN_CHANGED',
  'CAMPAIGN_DELETED',
  'MEETING_CHANGED',
  'MEETING_DELETED',
]);
export type ActivityKind = EnumValue<typeof ActivityKind>;
