import { describe, expect, it } from 'vitest';
import { canEditMandate, METRICS, metricValue, reportExportPath, type ReportCounts } from './metrics';

const tally = (count: number) => ({ count });

/** A report whose every number differs, so that a metric read from the wrong one shows. */
const report: ReportCounts = {
  interactions: tally(1),
  statesContacted: tally(2),
  letters: { sent: tally(3), answered: tally(4) },
  stageMoves: { forward: tally(5) },
  obstacles: { addressed: tally(6) },
  treaty: { signatures: tally(7), ratifications: tally(8) },
};

describe('the numbers an indicator follows', () => {
  it('reads each metric from its own number of the report', () => {
    expect(Object.fromEntries(METRICS.map((metric) => [metric, metricValue(report, metric)]))).toEqual({
      INTERACTIONS: 1,
      STATES_CONTACTED: 2,
      LETTERS_SENT: 3,
      LETTERS_ANSWERED: 4,
      STAGE_MOVES_FORWARD: 5,
      OBSTACLES_ADDRESSED: 6,
      SIGNATURES: 7,
      RATIFICATIONS: 8,
    });
  });

  it('downloads the report of the same mandate and period', () => {
    expect(reportExportPath('csv', 'm-1', '2026-01-01', '2026-06-30')).toBe(
      '/exports/progress-report.csv?mandateId=m-1&from=2026-01-01&to=2026-06-30',
    );
    expect(reportExportPath('md', 'm-1', '', '')).toBe('/exports/progress-report.md?mandateId=m-1');
  });

  it('offers changes to admins and to the coordinators of its organizations only', () => {
    const mandate = { organizations: [{ id: 'fr' }, { id: 'pa' }] };
    expect(canEditMandate({ role: 'ADMIN', organization: { id: 'x' } }, mandate)).toBe(true);
    expect(canEditMandate({ role: 'COORDINATOR', organization: { id: 'pa' } }, mandate)).toBe(true);
    expect(canEditMandate({ role: 'COORDINATOR', organization: { id: 'x' } }, mandate)).toBe(false);
    expect(canEditMandate({ role: 'PARTNER', organization: { id: 'fr' } }, mandate)).toBe(false);
    expect(canEditMandate(null, mandate)).toBe(false);
  });
});
