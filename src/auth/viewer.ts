import { Role } from '../common/enums.js';

/** The signed-in user on whose behalf a request runs. */
export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  /** The token the request came with: its id (absent from tokens issued before ids were) and expiry (seconds since the epoch). */
  token?: { id?: string; expiresAt: number };
}

export const canWrite = (viewer: Viewer) => viewer.role === Role.ADMIN || viewer.role === Role.COORDINATOR;
