import base from './catalog-en';
import es from './catalog-es';
import fr from './catalog-fr';
import type { Language } from './index';
import later from './later/en.json';

const en = { ...base, ...later };

/** Every catalog at once, for the tests that compare them (the app loads one language at a time). */
export const catalogs: Record<Language, typeof en> = { en, fr, es };
