import { type EnumValue, graphqlEnum } from '../common/enum.js';

/** What a planned activity of a work plan is. */
export const PlannedActivityKind = graphqlEnum('PlannedActivityKind', [
  'LETTER_CAMPAIGN',
  'BILATERAL_MEETING',
  'DEMARCHE',
  'WORKSHOP',
  'EVENT',
  'REVIEW',
  'REPORT',
  'OTHER',
]);
export type PlannedActivityKind = EnumValue<typeof PlannedActivityKind>;

export const PlannedActivityStatus = graphqlEnum('PlannedActivityStatus', ['PLANNED', 'DONE', 'CANCELLED']);
export type PlannedActivityStatus = EnumValue<typeof PlannedActivityStatus>;

/** A number of the progress report that an indicator follows. */
export const IndicatorMetric = graphqlEnum(
  'IndicatorMetric',
  {
    STATES_CONTACTED: 'States with at least one interaction in the period',
    INTERACTIONS: 'Interactions in the period',
    LETTERS_SENT: 'LETTER interactions in the period',
    LETTERS_ANSWERED: 'LETTER interactions in the period whose reply is recorded',
    STAGE_MOVES_FORWARD: 'Ratification stage moves towards joining in the period',
    OBSTACLES_ADDRESSED: 'Obstacles addressed in the period',
    SIGNATURES: 'Signatures of the Convention in the period (treaty record)',
    RATIFICATIONS: 'Deposits of ratification, accession, acceptance or approval in the period (treaty record)',
  },
  "A number of the mandate's progress report, computed for the viewer",
);
export type IndicatorMetric = EnumValue<typeof IndicatorMetric>;
