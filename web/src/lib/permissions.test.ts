import { describe, expect, it } from 'vitest';
import { allowedVisibilities, canEditInteraction, canWrite } from './permissions';

const coordinator = { id: 'u1', role: 'COORDINATOR', organization: { id: 'panama' } };
const admin = { id: 'u2', role: 'ADMIN', organization: { id: 'secretariat' } };
const partner = { id: 'u3', role: 'PARTNER', organization: { id: 'cmc' } };

describe('what the signed-in user may change', () => {
  it('lets coordinators and admins write, not partners', () => {
    expect([coordinator, admin, partner, null].map(canWrite)).toEqual([true, true, false, false]);
  });

  it("lets an interaction's organization and admins edit it, no one else", () => {
    const panamas = { organization: { id: 'panama' } };
    const cmcs = { organization: { id: 'cmc' } };
    expect(canEditInteraction(coordinator, panamas)).toBe(true);
    expect(canEditInteraction(coordinator, cmcs)).toBe(false);
    expect(canEditInteraction(admin, cmcs)).toBe(true);
    expect(canEditInteraction(partner, cmcs)).toBe(true);
    expect(canEditInteraction(partner, panamas)).toBe(false);
    expect(canEditInteraction(null, panamas)).toBe(false);
  });

  it('offers partners only SHARED', () => {
    expect(allowedVisibilities(partner)).toEqual(['SHARED']);
    expect(allowedVisibilities(coordinator)).toEqual(['ORGANIZATION', 'COORDINATORS', 'SHARED']);
  });
});
