import { registerEnumType } from '@nestjs/graphql';

/** What a planned activity of a work plan is. */
export enum PlannedActivityKind {
  LETTER_CAMPAIGN = 'LETTER_CAMPAIGN',
  BILATERAL_MEETING = 'BILATERAL_MEETING',
  DEMARCHE = 'DEMARCHE',
  WORKSHOP = 'WORKSHOP',
  EVENT = 'EVENT',
  REVIEW = 'REVIEW',
  REPORT = 'REPORT',
  OTHER = 'OTHER',
}

export enum PlannedActivityStatus {
  PLANNED = 'PLANNED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

/** A number of the progress report that an indicator follows. */
export enum IndicatorMetric {
  STATES_CONTACTED = 'STATES_CONTACTED',
  INTERACTIONS = 'INTERACTIONS',
  LETTERS_SENT = 'LETTERS_SENT',
  LETTERS_ANSWERED = 'LETTERS_ANSWERED',
  STAGE_MOVES_FORWARD = 'STAGE_MOVES_FORWARD',
  OBSTACLES_ADDRESSED = 'OBSTACLES_ADDRESSED',
  SIGNATURES = 'SIGNATURES',
  RATIFICATIONS = 'RATIFICATIONS',
}

registerEnumType(PlannedActivityKind, { name: 'PlannedActivityKind' });
registerEnumType(PlannedActivityStatus, { name: 'PlannedActivityStatus' });
registerEnumType(IndicatorMetric, {
  name: 'IndicatorMetric',
  description: "A number of the mandate's progress report, computed for the viewer",
  valuesMap: {
    STATES_CONTACTED: { description: 'States with at least one interaction in the period' },
    INTERACTIONS: { description: 'Interactions in the period' },
    LETTERS_SENT: { description: 'LETTER interactions in the period' },
    LETTERS_ANSWERED: { description: 'LETTER interactions in the period whose reply is recorded' },
    STAGE_MOVES_FORWARD: { description: 'Ratification stage moves towards joining in the period' },
    OBSTACLES_ADDRESSED: { description: 'Obstacles addressed in the period' },
    SIGNATURES: { description: 'Signatures of the Convention in the period (treaty record)' },
    RATIFICATIONS: { description: 'Deposits of ratification, accession, acceptance or approval in the period (treaty record)' },
  },
});
