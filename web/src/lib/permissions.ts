/**
 * What the signed-in user may change, as the service decides it (README, "Who sees what"), so that
 * a page shows no button that would be refused.
 */
export interface ViewerLike {
  id: string;
  role?: string | null;
  organization: { id: string };
}

/** Contacts, ratification stages, obstacles, groupings, merges: coordinators and admins. */
export const canWrite = (viewer: ViewerLike | null | undefined) => viewer?.role === 'ADMIN' || viewer?.role === 'COORDINATOR';

/** An interaction is changed or deleted by its organization (admins: any they see). */
export function canEditInteraction(viewer: ViewerLike | null | undefined, interaction: { organization: { id: string } }): boolean {
  if (!viewer) return false;
  return viewer.role === 'ADMIN' || interaction.organization.id === viewer.organization.id;
}

/** The visibilities the user may give an interaction: partners' are always SHARED. */
export function allowedVisibilities(viewer: ViewerLike | null | undefined): ('ORGANIZATION' | 'COORDINATORS' | 'SHARED')[] {
  return viewer?.role === 'PARTNER' ? ['SHARED'] : ['ORGANIZATION', 'COORDINATORS', 'SHARED'];
}
