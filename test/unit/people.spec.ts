import type { Viewer } from '../../src/auth/viewer.js';
import { Role } from '../../src/common/enums.js';
import { maySeeAccount, ownProfile } from '../../src/users/people.js';
import type { User } from '../../src/users/user.model.js';

const viewer = (id: string, role: Role, organizationId: string): Viewer => ({
  id,
  email: `${id}@example.org`,
  displayName: id,
  role,
  organizationId,
});
const user = (id: string, role: Role, organizationId: string): User => ({
  id,
  email: `${id}@example.org`,
  displayName: id,
  role,
  organizationId,
});

const amina = user('amina', Role.COORDINATOR, 'france');

describe("who sees a user's account fields (e-mail, role, disabled)", () => {
  it('shows them to the user themself, whatever their role', () => {
    expect(maySeeAccount(viewer('amina', Role.COORDINATOR, 'france'), amina)).toBe(true);
    expect(maySeeAccount(viewer('paul', Role.PARTNER, 'cmc'), user('paul', Role.PARTNER, 'cmc'))).toBe(true);
  });

  it('shows them to admins, of any organization', () => {
    expect(maySeeAccount(viewer('root', Role.ADMIN, 'isu'), amina)).toBe(true);
  });

  it('shows them to the coordinators of the same organization only', () => {
    expect(maySeeAccount(viewer('bruno', Role.COORDINATOR, 'france'), amina)).toBe(true);
    expect(maySeeAccount(viewer('carla', Role.COORDINATOR, 'panama'), amina)).toBe(false);
  });

  it("hides them from partners, even of the user's own organization", () => {
    expect(maySeeAccount(viewer('paul', Role.PARTNER, 'france'), amina)).toBe(false);
    expect(maySeeAccount(viewer('paul', Role.PARTNER, 'cmc'), user('rita', Role.PARTNER, 'cmc'))).toBe(false);
  });

  it('hides them when there is no viewer, unless the user is returned to themself (the answer to login)', () => {
    expect(maySeeAccount(null, amina)).toBe(false);
    expect(maySeeAccount(null, ownProfile(user('amina', Role.COORDINATOR, 'france')))).toBe(true);
    expect(maySeeAccount(viewer('carla', Role.COORDINATOR, 'panama'), ownProfile(user('amina', Role.COORDINATOR, 'france')))).toBe(true);
  });

  it('marks the object it is given, and only that one', () => {
    const profile = user('amina', Role.COORDINATOR, 'france');
    expect(ownProfile(profile)).toBe(profile);
    expect(maySeeAccount(null, user('amina', Role.COORDINATOR, 'france'))).toBe(false);
  });
});
