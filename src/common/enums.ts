import { registerEnumType } from '@nestjs/graphql';

/** The five UN regional groups of Member States (UN DGACM). */
export enum RegionalGroup {
  AFRICAN = 'AFRICAN',
  ASIA_PACIFIC = 'ASIA_PACIFIC',
  EASTERN_EUROPEAN = 'EASTERN_EUROPEAN',
  LATIN_AMERICAN_AND_CARIBBEAN = 'LATIN_AMERICAN_AND_CARIBBEAN',
  WESTERN_EUROPEAN_AND_OTHERS = 'WESTERN_EUROPEAN_AND_OTHERS',
}

/** A State's standing under the Convention on a given date, computed from its treaty actions. */
export enum TreatyStatus {
  STATE_PARTY = 'STATE_PARTY',
  DEPOSITED = 'DEPOSITED',
  SIGNATORY = 'SIGNATORY',
  NOT_SIGNED = 'NOT_SIGNED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum ConsentType {
  RATIFICATION = 'RATIFICATION',
  ACCESSION = 'ACCESSION',
  ACCEPTANCE = 'ACCEPTANCE',
  APPROVAL = 'APPROVAL',
}

/** A treaty action as the depositary records it: a signature, the deposit of an instrument, or a withdrawal. */
export enum TreatyActionKind {
  SIGNATURE = 'SIGNATURE',
  RATIFICATION = 'RATIFICATION',
  ACCESSION = 'ACCESSION',
  ACCEPTANCE = 'ACCEPTANCE',
  APPROVAL = 'APPROVAL',
  WITHDRAWAL = 'WITHDRAWAL',
}

/** The coordinators' assessment of where a State stands on the way to joining. */
export enum RatificationStage {
  NOT_ENGAGED = 'NOT_ENGAGED',
  ENGAGED = 'ENGAGED',
  SUPPORTIVE = 'SUPPORTIVE',
  DOMESTIC_PROCESS = 'DOMESTIC_PROCESS',
  APPROVED = 'APPROVED',
  DEPOSITED = 'DEPOSITED',
  JOINED = 'JOINED',
  DECLINED = 'DECLINED',
}

export enum VoteChoice {
  YES = 'YES',
  NO = 'NO',
  ABSTAIN = 'ABSTAIN',
  NON_VOTING = 'NON_VOTING',
}

export enum Posting {
  CAPITAL = 'CAPITAL',
  GENEVA_MISSION = 'GENEVA_MISSION',
  NEW_YORK_MISSION = 'NEW_YORK_MISSION',
  OTHER_MISSION = 'OTHER_MISSION',
  OTHER = 'OTHER',
}

export enum InteractionType {
  LETTER = 'LETTER',
  BILATERAL_MEETING = 'BILATERAL_MEETING',
  PHONE_CALL = 'PHONE_CALL',
  EMAIL = 'EMAIL',
  DEMARCHE = 'DEMARCHE',
  WORKSHOP = 'WORKSHOP',
  EVENT_MEETING = 'EVENT_MEETING',
  OTHER = 'OTHER',
}

/** Who may see an interaction besides its author's organization. */
export enum Visibility {
  ORGANIZATION = 'ORGANIZATION',
  MANDATE = 'MANDATE',
  COORDINATORS = 'COORDINATORS',
  SHARED = 'SHARED',
}

export enum OrganizationKind {
  GOVERNMENT = 'GOVERNMENT',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  INTERNATIONAL_ORGANIZATION = 'INTERNATIONAL_ORGANIZATION',
  SECRETARIAT = 'SECRETARIAT',
}

export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  PARTNER = 'PARTNER',
}

registerEnumType(RegionalGroup, { name: 'RegionalGroup', description: 'UN regional groups of Member States' });
registerEnumType(TreatyStatus, { name: 'TreatyStatus', description: "A State's standing under the Convention on a date" });
registerEnumType(ConsentType, { name: 'ConsentType', description: 'How a State expressed its consent to be bound' });
registerEnumType(TreatyActionKind, {
  name: 'TreatyActionKind',
  description: 'A treaty action: a signature, the deposit of an instrument of consent, or a withdrawal (the date it took effect)',
});
registerEnumType(RatificationStage, {
  name: 'RatificationStage',
  description: "The coordinators' assessment of a State's path to joining",
});
registerEnumType(VoteChoice, { name: 'VoteChoice' });
registerEnumType(Posting, { name: 'Posting', description: 'Where a contact is posted' });
registerEnumType(InteractionType, { name: 'InteractionType' });
registerEnumType(Visibility, {
  name: 'Visibility',
  valuesMap: {
    ORGANIZATION: { description: "Only the author's organization" },
    MANDATE: {
      description: "The author's organization and the organizations of the item's mandate (and of the mandates that took over from it)",
    },
    COORDINATORS: { description: 'Every coordinator and admin' },
    SHARED: { description: 'Coordinators, admins and partners' },
  },
});
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(Role, { name: 'Role' });

export enum ObstacleCategory {
  SUBSTANTIVE = 'SUBSTANTIVE',
  PROCEDURAL = 'PROCEDURAL',
  TECHNICAL = 'TECHNICAL',
}

export enum ObstacleStatus {
  OPEN = 'OPEN',
  ADDRESSED = 'ADDRESSED',
}

/** How a target list is ranked. */
export enum TargetOrder {
  SCORE = 'SCORE',
  NAME = 'NAME',
  LAST_CONTACT = 'LAST_CONTACT',
  STAGE = 'STAGE',
}

registerEnumType(ObstacleCategory, { name: 'ObstacleCategory', description: 'What kind of obstacle a State has raised' });
registerEnumType(ObstacleStatus, { name: 'ObstacleStatus' });
registerEnumType(TargetOrder, {
  name: 'TargetOrder',
  valuesMap: {
    SCORE: { description: 'Highest score first; ties by name' },
    NAME: { description: 'By name' },
    LAST_CONTACT: { description: 'Least recently contacted first (never contacted before all)' },
    STAGE: { description: 'Closest to joining first; ties by score, then name' },
  },
});

/** What happened, in the shared activity feed. */
export enum ActivityKind {
  INTERACTION_LOGGED = 'INTERACTION_LOGGED',
  INTERACTION_UPDATED = 'INTERACTION_UPDATED',
  STAGE_CHANGED = 'STAGE_CHANGED',
  OBSTACLE_RECORDED = 'OBSTACLE_RECORDED',
  CONTACT_ADDED = 'CONTACT_ADDED',
  CAMPAIGN_CREATED = 'CAMPAIGN_CREATED',
  LETTER_REPLY_LOGGED = 'LETTER_REPLY_LOGGED',
  EVENT_RECORDED = 'EVENT_RECORDED',
  MEETING_PLANNED = 'MEETING_PLANNED',
  MANDATE_STARTED = 'MANDATE_STARTED',
  WORK_PLAN_CHANGED = 'WORK_PLAN_CHANGED',
  CONTACT_POSTING_CHANGED = 'CONTACT_POSTING_CHANGED',
  CONTACTS_MERGED = 'CONTACTS_MERGED',
  SPREADSHEET_IMPORTED = 'SPREADSHEET_IMPORTED',
  EVENT_CHANGED = 'EVENT_CHANGED',
  EVENT_DELETED = 'EVENT_DELETED',
  CAMPAIGN_CHANGED = 'CAMPAIGN_CHANGED',
  CAMPAIGN_DELETED = 'CAMPAIGN_DELETED',
  MEETING_CHANGED = 'MEETING_CHANGED',
  MEETING_DELETED = 'MEETING_DELETED',
}

registerEnumType(ActivityKind, { name: 'ActivityKind' });
