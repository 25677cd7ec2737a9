import { describe, expect, it } from 'vitest';
import { explainStatus, votesOldestFirst } from './explain';

describe("a State page's treaty status and votes", () => {
  it('explains each status from the dates it rests on', () => {
    expect(
      explainStatus({ treatyStatus: 'STATE_PARTY', consentDate: '2010-03-04', entryIntoForceDate: '2010-09-01', statusAsOf: '2026-11-01' }),
    ).toEqual({
      key: 'treaty.explain.STATE_PARTY',
      values: { signed: '', deposited: '2010-03-04', inForce: '2010-09-01', withdrawn: '', asOf: '2026-11-01' },
    });
    expect(explainStatus({ treatyStatus: 'NOT_SIGNED' }).key).toBe('treaty.explain.NOT_SIGNED');
    expect(explainStatus({ treatyStatus: 'SIGNATORY', signatureDate: '2008-12-03' }).key).toBe('treaty.explain.SIGNATORY');
    expect(explainStatus({ treatyStatus: 'DEPOSITED', consentDate: '2026-10-10' }).key).toBe('treaty.explain.DEPOSITED');
    expect(explainStatus({ treatyStatus: 'WITHDRAWN', withdrawalDate: '2025-01-01' }).key).toBe('treaty.explain.WITHDRAWN');
  });

  it('puts the newest resolution last', () => {
    const votes = [
      { choice: 'YES', resolution: { symbol: 'A/RES/79/58', adoptedOn: '2024-12-02' } },
      { choice: 'NO', resolution: { symbol: 'A/RES/71/45', adoptedOn: '2016-12-05' } },
      { choice: 'ABSTAIN', resolution: { symbol: 'A/RES/72/54', adoptedOn: '2017-12-04' } },
    ];
    expect(votesOldestFirst(votes).map((v) => v.resolution.symbol)).toEqual(['A/RES/71/45', 'A/RES/72/54', 'A/RES/79/58']);
    expect(votes[0].resolution.symbol).toBe('A/RES/79/58');
  });
});
