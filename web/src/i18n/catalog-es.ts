import base from './es.json';
import pages from './pages/es.json';
import later from './later/es.json';
import workspace from './workspace/es.json';

/** The Spanish messages: their own chunk, loaded when the interface is in Spanish. */
export default { ...base, ...pages, ...workspace, ...later };
