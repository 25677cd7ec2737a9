/** The numbers of the progress report an indicator may follow (IndicatorMetric). */
export const METRICS = [
  'INTERACTIONS',
  'STATES_CONTACTED',
  'LETTERS_SENT',
  'LETTERS_ANSWERED',
  'STAGE_MOVES_FORWARD',
  'OBSTACLES_ADDRESSED',
  'SIGNATURES',
  'RATIFICATIONS',
] as const;
export type Metric = (typeof METRICS)[number];

interface Tally {
  count: number;
}

/** The parts of a progress report the metrics read. */
export interface ReportCounts {
  interactions: Tally;
  statesContacted: Tally;
  letters: { sent: Tally; answered: Tally };
  stageMoves: { forward: Tally };
  obstacles: { addressed: Tally };
  treaty: { signatures: Tally; ratifications: Tally };
}

/** The value of `metric` in a report, as the service computes an indicator's (metricValue). */
export function metricValue(report: ReportCounts, metric: Metric): number {
  switch (metric) {
    case 'INTERACTIONS':
      return report.interactions.count;
    case 'STATES_CONTACTED':
      return report.statesContacted.count;
    case 'LETTERS_SENT':
      return report.letters.sent.count;
    case 'LETTERS_ANSWERED':
      return report.letters.answered.count;
    case 'STAGE_MOVES_FORWARD':
      return report.stageMoves.forward.count;
    case 'OBSTACLES_ADDRESSED':
      return report.obstacles.addressed.count;
    case 'SIGNATURES':
      return report.treaty.signatures.count;
    case 'RATIFICATIONS':
      return report.treaty.ratifications.count;
  }
}

/** Whether the viewer may change a mandate: its coordinators and admins (canEditMandate on the service). */
export function canEditMandate(
  viewer: { role?: string | null; organization: { id: string } } | null | undefined,
  mandate: { organizations: { id: string }[] },
): boolean {
  if (!viewer) return false;
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'COORDINATOR' && mandate.organizations.some((o) => o.id === viewer.organization.id);
}

/** The progress report's download path for the same mandate and period. */
export function reportExportPath(format: 'csv' | 'md', mandateId: string, from: string, to: string): string {
  const params = new URLSearchParams({ mandateId });
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return `/exports/progress-report.${format}?${params.toString()}`;
}
