import i18n from './index';
import later from './later/en.json';

/**
 * The English messages of the pages a user opens later (letter campaigns, events, work plans,
 * surveys, import, administration): not in the bundle that signs in and shows the dashboard, but
 * added when one of those pages loads (each imports this module). French and Spanish carry them in
 * their own chunks.
 */
i18n.addResourceBundle('en', 'translation', later, true, false);

export type LaterMessages = typeof later;
