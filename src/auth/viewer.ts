import { Role } from '../common/enums.js';

/** The signed-in user on whose behalf a request runs. */
export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
}

export const canWrite = (viewer: Viewer) => viewer.role === Role.ADMIN || viewer.role === Role.COORDINATOR;
