import type { Viewer } from '../../src/auth/viewer.js';
import { editableRow, editableTeamRow, mayChange, teamOf, toTeam, type Team } from '../../src/common/editable.js';
import { canEditMandate } from '../../src/auth/visibility.js';
import { Role } from '../../src/common/enums.js';
import type { AppError } from '../../src/common/errors.js';
import { fakeDb } from '../support/fake-db.js';

const viewer = (role: Role, organizationId: string): Viewer => ({
  id: `${role}-${organizationId}`,
  email: 'someone@example.org',
  displayName: 'Someone',
  role,
  organizationId,
});

const admin = viewer(Role.ADMIN, 'isu');
const france = viewer(Role.COORDINATOR, 'france');
const panama = viewer(Role.COORDINATOR, 'panama');
const chile = viewer(Role.COORDINATOR, 'chile');
const coalition = viewer(Role.PARTNER, 'cmc');

/** Panama's item of the mandate Panama and France share; Chile's mandate took it over. */
const item = { id: 'item-1', organizationId: 'panama', version: 3 };
const team: Team = { members: ['panama', 'france', 'cmc'], successors: ['chile', 'cmc'] };

function failure(call: () => unknown): AppError {
  try {
    call();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

describe('who may change a piece of work (mayChange)', () => {
  it('lets admins change anything, with or without a team', () => {
    expect(mayChange(admin, item, null, 'EDIT')).toBe(true);
    expect(mayChange(admin, { organizationId: null }, null, 'EDIT')).toBe(true);
  });

  it("lets the item's own organization change it, whatever its role", () => {
    expect(mayChange(panama, item, null, 'EDIT')).toBe(true);
    expect(mayChange(viewer(Role.PARTNER, 'panama'), item, null, 'EDIT')).toBe(true);
  });

  it('treats an item without an organization (the data import) as no one’s but the admins’', () => {
    expect(mayChange(panama, { organizationId: null }, null, 'EDIT')).toBe(false);
    expect(mayChange(panama, { organizationId: null }, { members: ['france'], successors: [] }, 'CLOSE')).toBe(false);
    expect(mayChange(viewer(Role.COORDINATOR, null as unknown as string), { organizationId: null }, null, 'CLOSE')).toBe(false);
  });

  it("lets a mandate's co-coordinators edit and close it as their own", () => {
    expect(mayChange(france, item, team, 'EDIT')).toBe(true);
    expect(mayChange(france, item, team, 'CLOSE')).toBe(true);
    expect(mayChange(france, item, null, 'EDIT')).toBe(false);
  });

  it('lets the successors close it but not rewrite it', () => {
    expect(mayChange(chile, item, team, 'CLOSE')).toBe(true);
    expect(mayChange(chile, item, team, 'EDIT')).toBe(false);
    expect(mayChange(chile, item, { members: ['chile'], successors: [] }, 'EDIT')).toBe(true);
  });

  it('gives partners nothing through a team, as member or successor', () => {
    expect(mayChange(coalition, item, team, 'EDIT')).toBe(false);
    expect(mayChange(coalition, item, team, 'CLOSE')).toBe(false);
  });

  it('gives nothing to an organization outside the team', () => {
    const uruguay = viewer(Role.COORDINATOR, 'uruguay');
    expect(mayChange(uruguay, item, team, 'EDIT')).toBe(false);
    expect(mayChange(uruguay, item, team, 'CLOSE')).toBe(false);
  });
});

describe('a row about to change (editableRow)', () => {
  const ref = { what: 'Interaction', id: 'item-1', expectedVersion: 3, forbidden: 'Only its organization may change it' };

  it('returns the row when the viewer may change it at the version it read', () => {
    expect(editableRow(panama, item, ref)).toBe(item);
    expect(editableRow(france, item, ref, team)).toBe(item);
    expect(editableRow(chile, item, ref, team, 'CLOSE')).toBe(item);
    expect(editableRow(panama, item, { ...ref, expectedVersion: undefined })).toBe(item);
  });

  it('says NOT_FOUND for a row the viewer may not see, revealing nothing', () => {
    const error = failure(() => editableRow(panama, null, ref));
    expect([error.code, error.message, error.details]).toEqual(['NOT_FOUND', 'Interaction "item-1" was not found', { id: 'item-1' }]);
  });

  it('says FORBIDDEN, with the message given, when the viewer may see it but not change it', () => {
    const error = failure(() => editableRow(france, item, ref));
    expect([error.code, error.message]).toEqual(['FORBIDDEN', 'Only its organization may change it']);
    expect(failure(() => editableRow(chile, item, ref, team)).code).toBe('FORBIDDEN');
    expect(failure(() => editableRow(chile, item, ref, team, 'EDIT')).code).toBe('FORBIDDEN');
  });

  it('says CONFLICT, with both versions, when the version read is stale', () => {
    const error = failure(() => editableRow(panama, item, { ...ref, expectedVersion: 2 }));
    expect([error.code, error.details]).toEqual(['CONFLICT', { id: 'item-1', expectedVersion: 2, actualVersion: 3 }]);
  });

  it('checks the right before the version: a stale version from someone who may not change it is FORBIDDEN', () => {
    expect(failure(() => editableRow(france, item, { ...ref, expectedVersion: 2 })).code).toBe('FORBIDDEN');
  });
});

describe('the team of an item', () => {
  it('reads it in one statement from the table named, by id', async () => {
    const { db, sent } = fakeDb([{ members: ['panama', 'france'], successors: null }]);
    expect(await teamOf(db, 'letter_campaigns', 'item-1')).toEqual({ members: ['panama', 'france'], successors: [] });
    expect(sent).toHaveLength(1);
    expect(sent[0].sql).toMatch(/ FROM letter_campaigns t WHERE t\.id = \$1$/);
    expect(sent[0].values).toEqual(['item-1']);
  });

  it('is empty for an item without a mandate or a row', () => {
    expect(toTeam(undefined)).toEqual({ members: [], successors: [] });
    expect(toTeam({ members: null, successors: ['chile'] })).toEqual({ members: [], successors: ['chile'] });
  });

  it('is read only when the viewer is not already allowed without it', async () => {
    const own = fakeDb();
    expect(await editableTeamRow(panama, item, { what: 'Event', id: 'item-1', forbidden: 'no' }, own.db, 'events')).toBe(item);
    expect(own.sent).toEqual([]);
    const other = fakeDb([{ members: ['panama', 'france'], successors: [] }]);
    expect(await editableTeamRow(france, item, { what: 'Event', id: 'item-1', forbidden: 'no' }, other.db, 'events')).toBe(item);
    expect(other.sent).toHaveLength(1);
    const closing = fakeDb([{ members: ['panama'], successors: ['chile'] }]);
    await expect(
      editableTeamRow(chile, item, { what: 'Event', id: 'item-1', forbidden: 'no' }, closing.db, 'events'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const closed = fakeDb([{ members: ['panama'], successors: ['chile'] }]);
    expect(await editableTeamRow(chile, item, { what: 'Event', id: 'item-1', forbidden: 'no' }, closed.db, 'events', 'CLOSE')).toBe(item);
    const missing = fakeDb();
    await expect(
      editableTeamRow(chile, null, { what: 'Event', id: 'item-1', forbidden: 'no' }, missing.db, 'events'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(missing.sent).toEqual([]);
  });
});

describe('who edits a mandate and its work plan (canEditMandate)', () => {
  const mandate = { organizationIds: ['panama', 'france'] };

  it("lets admins and the coordinators of the mandate's organizations edit it", () => {
    expect(canEditMandate(admin, mandate)).toBe(true);
    expect(canEditMandate(panama, mandate)).toBe(true);
    expect(canEditMandate(france, mandate)).toBe(true);
  });

  it('refuses coordinators of other organizations, and partners even of its organizations', () => {
    expect(canEditMandate(chile, mandate)).toBe(false);
    expect(canEditMandate(viewer(Role.PARTNER, 'panama'), mandate)).toBe(false);
  });
});
