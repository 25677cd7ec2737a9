import type { Viewer } from '../auth/viewer.js';
import { Role } from '../common/enums.js';
import type { User } from './user.model.js';

const OWN_PROFILE = Symbol('own profile');

/**
 * Marks a user returned to that user themself where the request has no viewer yet (the answer to
 * `login`): their own e-mail and role are theirs to see.
 */
export function ownProfile<T extends object>(user: T): T {
  return Object.assign(user, { [OWN_PROFILE]: true });
}

/**
 * Who sees what about people: everyone signed in sees a user's id, display name and organization;
 * the e-mail address, role and whether the account is disabled are for the user themself, the
 * coordinators of the same organization, and admins. Applied by the User type's own field
 * resolvers, so it holds wherever a user is returned (author, createdBy, changedBy, owner, actor,
 * recordedBy, the live feed), over HTTP and WebSocket alike.
 */
export function maySeeAccount(viewer: Viewer | null, user: User): boolean {
  if ((user as { [OWN_PROFILE]?: boolean })[OWN_PROFILE]) return true;
  if (!viewer) return false;
  if (viewer.id === user.id || viewer.role === Role.ADMIN) return true;
  return viewer.role === Role.COORDINATOR && viewer.organizationId === user.organizationId;
}
