import base from './fr.json';
import pages from './pages/fr.json';
import later from './later/fr.json';
import workspace from './workspace/fr.json';

/** The French messages: their own chunk, loaded when the interface is in French. */
export default { ...base, ...pages, ...workspace, ...later };
