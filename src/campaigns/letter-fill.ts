import Docxtemplater from 'docxtemplater';
import countries, { type LocaleData } from 'i18n-iso-countries';
import { createRequire } from 'node:module';
import PizZip from 'pizzip';
import { Posting, VoteChoice } from '../common/enums.js';

const require = createRequire(import.meta.url);
/** docxtemplater's inspect module (a factory at run time), which lists the placeholders a template uses. */
type Inspector = Docxtemplater.DXT.Module & { getAllTags(): Record<string, unknown> };
const newInspector = require('docxtemplater/js/inspect-module.js') as () => Inspector;
countries.registerLocale(require('i18n-iso-countries/langs/fr.json') as LocaleData);
countries.registerLocale(require('i18n-iso-countries/langs/es.json') as LocaleData);

/** The languages of letters (the UN's English, French and Spanish), as stored: en, fr, es. */
export const LETTER_LANGUAGES = ['en', 'fr', 'es'] as const;
export type LetterLanguageCode = (typeof LETTER_LANGUAGES)[number];

export const isLetterLanguage = (code: string | null | undefined): code is LetterLanguageCode =>
  (LETTER_LANGUAGES as readonly string[]).includes(code ?? '');

/** Every placeholder a template may use, written `{name}` in the document, with what it is filled with. */
export const PLACEHOLDERS = {
  recipient_title: "The recipient's title (H.E. Ms)",
  recipient_name: "The recipient's full name",
  recipient_position: "The recipient's position (Permanent Representative)",
  recipient_posting: "Where the recipient is posted (the Permanent Mission in Geneva, the capital), in the letter's language",
  state_name: "The State's name in the letter's language",
  date: "The campaign's sending date, written out in the letter's language",
  coordinators: "The coordinators' names: the campaign's mandate's organizations (else its organization), joined with 'and'",
  sender_name: "The campaign owner's name",
  sender_organization: "The campaign's organization",
  campaign_name: "The campaign's name",
  last_vote: "The State's vote on the newest General Assembly resolution on the Convention, in words",
  last_vote_resolution: 'The symbol of that resolution (A/RES/80/...)',
  yes_streak: 'How many of the newest resolutions in a row the State voted yes on',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as Placeholder[];

export type LetterValues = Partial<Record<Placeholder, string | null>>;

const POSTINGS: Record<LetterLanguageCode, Record<Posting, string>> = {
  en: {
    [Posting.CAPITAL]: 'the capital',
    [Posting.GENEVA_MISSION]: 'the Permanent Mission in Geneva',
    [Posting.NEW_YORK_MISSION]: 'the Permanent Mission in New York',
    [Posting.OTHER_MISSION]: 'a diplomatic mission',
    [Posting.OTHER]: 'another posting',
  },
  fr: {
    [Posting.CAPITAL]: 'la capitale',
    [Posting.GENEVA_MISSION]: 'la Mission permanente à Genève',
    [Posting.NEW_YORK_MISSION]: 'la Mission permanente à New York',
    [Posting.OTHER_MISSION]: 'une mission diplomatique',
    [Posting.OTHER]: 'un autre poste',
  },
  es: {
    [Posting.CAPITAL]: 'la capital',
    [Posting.GENEVA_MISSION]: 'la Misión Permanente en Ginebra',
    [Posting.NEW_YORK_MISSION]: 'la Misión Permanente en Nueva York',
    [Posting.OTHER_MISSION]: 'una misión diplomática',
    [Posting.OTHER]: 'otro destino',
  },
};

const VOTES: Record<LetterLanguageCode, Record<VoteChoice, string>> = {
  en: { [VoteChoice.YES]: 'yes', [VoteChoice.NO]: 'no', [VoteChoice.ABSTAIN]: 'abstained', [VoteChoice.NON_VOTING]: 'did not vote' },
  fr: { [VoteChoice.YES]: 'pour', [VoteChoice.NO]: 'contre', [VoteChoice.ABSTAIN]: 'abstention', [VoteChoice.NON_VOTING]: "n'a pas voté" },
  es: { [VoteChoice.YES]: 'a favor', [VoteChoice.NO]: 'en contra', [VoteChoice.ABSTAIN]: 'abstención', [VoteChoice.NON_VOTING]: 'no votó' },
};

export const postingIn = (language: LetterLanguageCode, posting: Posting | null): string | null =>
  posting ? POSTINGS[language][posting] : null;
export const voteIn = (language: LetterLanguageCode, choice: VoteChoice | null): string | null => (choice ? VOTES[language][choice] : null);

/** "15 January 2018", "15 janvier 2018", "15 de enero de 2018". */
export function dateIn(language: LetterLanguageCode, isoDate: string): string {
  const locale = language === 'en' ? 'en-GB' : language;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** "France and Panama", "France et Panama", "France y Panama". */
export const listIn = (language: LetterLanguageCode, names: string[]): string =>
  new Intl.ListFormat(language, { type: 'conjunction' }).format(names);

/** The State's name: its UN name in English, the ISO 3166 name (i18n-iso-countries) in French and Spanish. */
export function stateNameIn(language: LetterLanguageCode, iso3: string, unName: string): string {
  return language === 'en' ? unName : (countries.getName(iso3, language) ?? unName);
}

/** Why a template was refused, one problem a line. */
export class TemplateProblems extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

function docxtemplaterProblems(error: unknown): string[] {
  const details = (error as { properties?: { errors?: { properties?: { explanation?: string } }[]; explanation?: string } }).properties;
  const list = details?.errors?.map((e) => e.properties?.explanation).filter((text): text is string => Boolean(text));
  if (list?.length) return list;
  return [details?.explanation ?? (error instanceof Error ? error.message : String(error))];
}

function open(content: Buffer, modules: Inspector[] = []): Docxtemplater {
  let zip: PizZip;
  try {
    zip = new PizZip(content);
  } catch {
    throw new TemplateProblems(['The file is not a Word document (.docx): it is not a ZIP archive']);
  }
  if (!zip.file('word/document.xml')) throw new TemplateProblems(['The file is not a Word document (.docx): it has no word/document.xml']);
  try {
    return new Docxtemplater(zip, { modules, paragraphLoop: true, linebreaks: true, nullGetter: (part) => `[missing: ${part.value}]` });
  } catch (error) {
    throw new TemplateProblems(docxtemplaterProblems(error));
  }
}

/**
 * The placeholders a template uses, in the order of first use. A file that is not a .docx, whose
 * placeholders do not parse, or that uses a placeholder not in PLACEHOLDERS (or a loop, a
 * condition) is refused with every problem.
 */
export function readTemplate(content: Buffer): string[] {
  const inspect = newInspector();
  open(content, [inspect]);
  const used = Object.entries(inspect.getAllTags());
  const problems = used
    .filter(([name, inner]) => !PLACEHOLDER_NAMES.includes(name as Placeholder) || (inner && Object.keys(inner).length > 0))
    .map(([name]) => `Unknown placeholder {${name}}: use ${PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(', ')}`);
  if (problems.length) throw new TemplateProblems(problems);
  return used.map(([name]) => name);
}

/** The template's placeholders that have no value here: listed in the dry run, and written `[missing: name]` in the letter. */
export const missingIn = (placeholders: readonly string[], values: LetterValues): string[] =>
  placeholders.filter((name) => !values[name as Placeholder]);

/** The filled letter, as a .docx file. */
export function fillTemplate(content: Buffer, values: LetterValues): Buffer {
  const doc = open(content);
  const present = Object.fromEntries(Object.entries(values).filter(([, value]) => value));
  doc.render(present);
  return doc.toBuffer({ compression: 'DEFLATE' });
}
