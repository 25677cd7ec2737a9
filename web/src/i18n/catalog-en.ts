import base from './en.json';
import pages from './pages/en.json';
import workspace from './workspace/en.json';

// The pages' messages (targets, State, contacts, logging) live in pages/*.json, beside the shell's;
// those of the activity, administration and notifications in workspace/*.json.
/** The English messages, always in the bundle: the language to fall back on. */
export default { ...base, ...pages, ...workspace };
