/**
 * The digest's words in the users' working languages (the web app's catalogs are the browser's;
 * these few are the e-mail's). `{n}` is a count; plural forms by Intl.PluralRules.
 */
export type DigestLanguage = 'en' | 'fr' | 'es';

interface Plural {
  one: string;
  other: string;
}

export interface DigestWords {
  /** Before the counts, with the language's punctuation. */
  subjectPrefix: string;
  followUps: Plural;
  awaiting: Plural;
  activity: Plural;
  greeting: (name: string) => string;
  followUpsTitle: string;
  awaitingTitle: string;
  activityTitle: string;
  due: (date: string) => string;
  overdue: (date: string) => string;
  sent: (date: string, days: number) => string;
  open: string;
  footer: string;
}

export const WORDS: Record<DigestLanguage, DigestWords> = {
  en: {
    subjectPrefix: 'Ratify: ',
    followUps: { one: '{n} follow-up due', other: '{n} follow-ups due' },
    awaiting: { one: '{n} letter without reply', other: '{n} letters without reply' },
    activity: { one: '{n} update on the States you follow', other: '{n} updates on the States you follow' },
    greeting: (name) => `Hello ${name}, here is your day in Ratify.`,
    followUpsTitle: 'Your follow-ups due',
    awaitingTitle: 'Letters without a reply',
    activityTitle: 'On the States you follow',
    due: (date) => `due ${date}`,
    overdue: (date) => `overdue since ${date}`,
    sent: (date, days) => `sent ${date}, ${days} days ago`,
    open: 'Open Ratify',
    footer: 'You receive this digest because you asked for it in Ratify. To stop it, sign in and turn it off in your settings.',
  },
  fr: {
    subjectPrefix: 'Ratify : ',
    followUps: { one: '{n} suivi à faire', other: '{n} suivis à faire' },
    awaiting: { one: '{n} lettre sans réponse', other: '{n} lettres sans réponse' },
    activity: { one: '{n} nouvelle des États que vous suivez', other: '{n} nouvelles des États que vous suivez' },
    greeting: (name) => `Bonjour ${name}, voici votre journée dans Ratify.`,
    followUpsTitle: 'Vos suivis à faire',
    awaitingTitle: 'Lettres sans réponse',
    activityTitle: 'Les États que vous suivez',
    due: (date) => `prévu le ${date}`,
    overdue: (date) => `en retard depuis le ${date}`,
    sent: (date, days) => `envoyée le ${date}, il y a ${days} jours`,
    open: 'Ouvrir Ratify',
    footer:
      'Vous recevez ce résumé parce que vous l’avez demandé dans Ratify. Pour l’arrêter, connectez-vous et désactivez-le dans vos paramètres.',
  },
  es: {
    subjectPrefix: 'Ratify: ',
    followUps: { one: '{n} seguimiento pendiente', other: '{n} seguimientos pendientes' },
    awaiting: { one: '{n} carta sin respuesta', other: '{n} cartas sin respuesta' },
    activity: { one: '{n} novedad de los Estados que sigue', other: '{n} novedades de los Estados que sigue' },
    greeting: (name) => `Hola ${name}, este es su día en Ratify.`,
    followUpsTitle: 'Sus seguimientos pendientes',
    awaitingTitle: 'Cartas sin respuesta',
    activityTitle: 'Los Estados que sigue',
    due: (date) => `previsto el ${date}`,
    overdue: (date) => `atrasado desde el ${date}`,
    sent: (date, days) => `enviada el ${date}, hace ${days} días`,
    open: 'Abrir Ratify',
    footer: 'Recibe este resumen porque lo pidió en Ratify. Para detenerlo, inicie sesión y desactívelo en su configuración.',
  },
};

export function languageOf(preferred: string | null | undefined): DigestLanguage {
  return preferred === 'fr' || preferred === 'es' ? preferred : 'en';
}

export function plural(language: DigestLanguage, forms: Plural, n: number): string {
  const form = new Intl.PluralRules(language).select(n) === 'one' ? forms.one : forms.other;
  return form.replace('{n}', new Intl.NumberFormat(language).format(n));
}

/** "a, b and c" in the language. */
export function listOf(language: DigestLanguage, parts: string[]): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(parts);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
