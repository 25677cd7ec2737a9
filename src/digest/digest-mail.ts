import { escapeHtml, listOf, plural, WORDS, type DigestLanguage } from './digest-text.js';

export interface DigestContent {
  followUps: { subject: string; date: string; overdue: boolean; stateIso3s: string[] }[];
  awaiting: { subject: string; date: string; stateIso3s: string[] }[];
  activity: { summary: string; at: Date; stateIso3s: string[] }[];
}

export interface Digest {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
}

interface Compose {
  to: string;
  from: string;
  name: string;
  language: DigestLanguage;
  timeZone: string;
  today: string;
  publicUrl: string;
  stateName(this: void, iso3: string): string;
  content: DigestContent;
}

interface Line {
  text: string;
  detail: string;
  states: { name: string; url: string }[];
}

const DAY_MS = 86_400_000;

/** The digest as an e-mail: a subject that counts what is in it, and the same items as plain text and HTML, each linked into the web app. */
export function composeDigest({ to, from, name, language, timeZone, today, publicUrl, stateName, content }: Compose): Digest {
  const words = WORDS[language];
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  const dayOf = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));
  const moment = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const states = (iso3s: string[]) => iso3s.map((iso3) => ({ name: stateName(iso3), url: `${publicUrl}/states/${iso3}` }));

  const sections: { title: string; lines: Line[] }[] = [
    {
      title: words.followUpsTitle,
      lines: content.followUps.map((item) => ({
        text: item.subject,
        detail: item.overdue ? words.overdue(dayOf(item.date)) : words.due(dayOf(item.date)),
        states: states(item.stateIso3s),
      })),
    },
    {
      title: words.awaitingTitle,
      lines: content.awaiting.map((item) => ({
        text: item.subject,
        detail: words.sent(
          dayOf(item.date),
          Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${item.date}T00:00:00Z`)) / DAY_MS),
        ),
        states: states(item.stateIso3s),
      })),
    },
    {
      title: words.activityTitle,
      lines: content.activity.map((item) => ({ text: item.summary, detail: moment.format(item.at), states: states(item.stateIso3s) })),
    },
  ].filter((section) => section.lines.length);

  const counts = [
    content.followUps.length && plural(language, words.followUps, content.followUps.length),
    content.awaiting.length && plural(language, words.awaiting, content.awaiting.length),
    content.activity.length && plural(language, words.activity, content.activity.length),
  ].filter((part): part is string => !!part);
  const subject = `${words.subjectPrefix}${listOf(language, counts)}`;

  const text = [
    words.greeting(name),
    ...sections.flatMap((section) => [
      '',
      section.title,
      '-'.repeat(section.title.length),
      ...section.lines.map(
        (line) => `- ${line.text} (${line.detail})${line.states.map((state) => `\n  ${state.name}: ${state.url}`).join('')}`,
      ),
    ]),
    '',
    `${words.open}: ${publicUrl}/`,
    '',
    words.footer,
  ].join('\n');

  const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const html = [
    `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<p>${escapeHtml(words.greeting(name))}</p>`,
    ...sections.map(
      (section) =>
        `<h2>${escapeHtml(section.title)}</h2><ul>${section.lines
          .map(
            (line) =>
              `<li>${escapeHtml(line.text)} <small>(${escapeHtml(line.detail)})</small>${line.states.length ? ` · ${line.states.map((state) => link(state.url, state.name)).join(', ')}` : ''}</li>`,
          )
          .join('')}</ul>`,
    ),
    `<p>${link(`${publicUrl}/`, words.open)}</p>`,
    `<p><small>${escapeHtml(words.footer)}</small></p>`,
    '</body></html>',
  ].join('\n');

  return { to, from, subject, text, html };
}
