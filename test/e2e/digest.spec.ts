import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { DigestScheduler } from '../../src/digest/digest.scheduler.js';
import { ADMIN, codes, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const SUBSCRIBE = `mutation($input: SubscribeToDigestInput!) { subscribeToDigest(input: $input) { timeZone sendHour noReplyAfterDays lastSentOn } }`;
const FOLLOW = `mutation($iso3: String!) { followState(iso3: $iso3) { iso3 } }`;
const PUBLIC_URL = 'https://ratify.example';

/** A real SMTP server on a free port that keeps what it receives, and refuses the recipients in `refuse`. */
async function startMailServer() {
  const received: ParsedMail[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) callback(new Error('mailbox unavailable'));
      else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, refuse, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).map((address) => address?.text).join(', ');
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('the daily digest by e-mail', () => {
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let t: TestApp;
  let cast: Cast;
  let scheduler: DigestScheduler;
  const env = () => ({ SMTP_URL: mail.url, DIGEST_CHECK_SECONDS: '3600', PUBLIC_URL, MAIL_FROM: 'Ratify <digest@ratify.example>' });

  beforeAll(async () => {
    mail = await startMailServer();
    t = await startTestApp(env());
    cast = await createCast(t);
    scheduler = t.app.get(DigestScheduler);
    const log = async (token: string, input: Record<string, unknown>) => {
      const logged = await t.gql(LOG, { input: { stateIso3s: ['KIR'], ...input } }, token);
      if (!logged.data) throw new Error(JSON.stringify(logged.errors));
    };
    // France: a letter of 40 days ago still without reply, its follow-up overdue; another follow-up not due yet.
    await log(cast.france.token, {
      type: 'LETTER',
      occurredOn: isoDay(-40),
      followUpOn: isoDay(-2),
      subject: 'Letter to the Minister of Foreign Affairs',
      visibility: 'ORGANIZATION',
    });
    await log(cast.france.token, {
      type: 'PHONE_CALL',
      occurredOn: isoDay(-1),
      followUpOn: isoDay(10),
      subject: 'Call with the Permanent Mission',
      visibility: 'ORGANIZATION',
    });
    // Panama, on the same State: one for Panama only, one for the coordinators, one shared with partners.
    await log(cast.panama.token, {
      type: 'BILATERAL_MEETING',
      occurredOn: isoDay(-1),
      subject: 'Panama only: internal debrief',
      visibility: 'ORGANIZATION',
    });
    await log(cast.panama.token, {
      type: 'BILATERAL_MEETING',
      occurredOn: isoDay(-1),
      subject: 'Coordinators: meeting in Geneva',
      visibility: 'COORDINATORS',
    });
    await log(cast.panama.token, {
      type: 'WORKSHOP',
      occurredOn: isoDay(-1),
      subject: 'Shared: regional workshop with the Coalition',
      visibility: 'SHARED',
    });
  });

  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  it('keeps each user’s settings and followed States to themselves, and refuses an unknown time zone or State', async () => {
    const bad = await t.gql(SUBSCRIBE, { input: { timeZone: 'Mars/Olympus_Mons' } }, cast.france.token);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.details).toMatchObject({ problems: [{ field: 'timeZone' }] });
    expect(codes(await t.gql(SUBSCRIBE, { input: { timeZone: 'Europe/Paris', sendHour: 24 } }, cast.france.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await t.gql(FOLLOW, { iso3: 'XXX' }, cast.france.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql('{ myDigest { timeZone } }'))).toEqual(['UNAUTHENTICATED']);

    const settings = await t.gql(SUBSCRIBE, { input: { timeZone: 'Pacific/Tarawa', sendHour: 0 } }, cast.france.token);
    expect(settings.data.subscribeToDigest).toEqual({ timeZone: 'Pacific/Tarawa', sendHour: 0, noReplyAfterDays: 30, lastSentOn: null });
    expect((await t.gql(FOLLOW, { iso3: 'kir' }, cast.france.token)).data.followState).toEqual([{ iso3: 'KIR' }]);
    expect((await t.gql('{ myDigest { timeZone } followedStates { iso3 } }', {}, cast.panama.token)).data).toEqual({
      myDigest: null,
      followedStates: [],
    });
  });

  it('sends a coordinator the follow-ups due, the letters without reply and the activity they may see on the States they follow, once a day', async () => {
    expect(await scheduler.check()).toBe(1);
    expect(mail.received).toHaveLength(1);
    const [digest] = mail.received;
    expect(to(digest)).toBe('coordinator@france.example');
    expect(digest.from?.value).toEqual([{ name: 'Ratify', address: 'digest@ratify.example' }]);
    // The letter logged by France, and Panama's coordinators' meeting and shared workshop: not Panama's own.
    expect(digest.subject).toBe('Ratify: 1 follow-up due, 1 letter without reply, and 4 updates on the States you follow');
    const text = digest.text!;
    const section = (title: string) => text.split('\n\n').find((block) => block.startsWith(`${title}\n`)) ?? '';
    // France's own follow-up overdue (the one due in 10 days is not yet), with a link to the State.
    expect(section('Your follow-ups due').split('\n').slice(2)).toEqual([
      expect.stringMatching(/^- Letter to the Minister of Foreign Affairs \(overdue since .+\)$/),
      `  Kiribati: ${PUBLIC_URL}/states/KIR`,
    ]);
    expect(section('Letters without a reply')).toContain('- Letter to the Minister of Foreign Affairs (sent ');
    // Counted in the recipient's time zone (Pacific/Tarawa, UTC+12): from noon UTC its today is the next day.
    const tarawaToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Tarawa' }).format(new Date());
    const daysAgo = Math.round((Date.parse(tarawaToday) - Date.parse(isoDay(-40))) / 86_400_000);
    expect(daysAgo === 40 || daysAgo === 41).toBe(true);
    expect(section('Letters without a reply')).toContain(`, ${daysAgo} days ago)`);
    const activity = section('On the States you follow');
    for (const line of [
      'Workshop with Kiribati: Shared: regional workshop with the Coalition',
      'Bilateral meeting with Kiribati: Coordinators: meeting in Geneva',
      'Phone call with Kiribati: Call with the Permanent Mission',
      'Letter with Kiribati: Letter to the Minister of Foreign Affairs',
    ]) {
      expect(activity).toContain(`- ${line} (`);
    }
    expect(text).not.toContain('Panama only');
    expect(text).toContain(`Open Ratify: ${PUBLIC_URL}/`);
    const html = digest.html as string;
    expect(html).toContain(`<a href="${PUBLIC_URL}/states/KIR">Kiribati</a>`);
    expect(html).toContain('<h2>Letters without a reply</h2>');
    expect(html).toContain('Coordinators: meeting in Geneva');
    expect(html).not.toContain('Panama only');

    // The same day again: nothing more.
    expect(await scheduler.check()).toBe(0);
    expect(mail.received).toHaveLength(1);
    expect((await t.gql('{ myDigest { lastSentOn } }', {}, cast.france.token)).data.myDigest.lastSentOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('sends a partner only what partners may see, in their language, and tries again after a refused delivery', async () => {
    await t.gql('mutation { setPreferredLanguage(language: "fr") { preferredLanguage } }', {}, cast.partner.token);
    await t.gql(SUBSCRIBE, { input: { timeZone: 'Europe/Paris', sendHour: 0 } }, cast.partner.token);
    await t.gql(FOLLOW, { iso3: 'KIR' }, cast.partner.token);
    mail.refuse.add('partner@cmc.example');
    expect(await scheduler.check()).toBe(0);
    expect(mail.received).toHaveLength(1);
    mail.refuse.clear();
    expect(await scheduler.check()).toBe(1);
    const digest = mail.received[1];
    expect(to(digest)).toBe('partner@cmc.example');
    expect(digest.subject).toBe('Ratify : 1 nouvelle des États que vous suivez');
    expect(digest.text).toContain('Shared: regional workshop with the Coalition');
    expect(digest.text).not.toContain('Coordinators: meeting in Geneva');
    expect(digest.text).not.toContain('Panama only');
    expect(digest.text).not.toContain('Letter to the Minister');
    expect(digest.text).toContain('Ouvrir Ratify');
  });

  const onServer = process.env.DATABASE_URL ? it : it.skip;
  onServer('goes out once when two instances check at the same moment', async () => {
    const second: NestFastifyApplication = await createApp(
      loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...t.env, ...env() }),
    );
    try {
      await second.init();
      await t.gql(SUBSCRIBE, { input: { timeZone: 'America/Panama', sendHour: 0 } }, cast.panama.token);
      await t.gql(FOLLOW, { iso3: 'KIR' }, cast.panama.token);
      const sent = await Promise.all([scheduler.check(), second.get(DigestScheduler).check()]);
      expect(sent.sort()).toEqual([0, 1]);
      const panama = mail.received.filter((message) => to(message) === 'coordinator@panama.example');
      expect(panama).toHaveLength(1);
      expect(panama[0].text).toContain('Panama only: internal debrief');
    } finally {
      await second.close();
    }
  });

  it('says at start-up that no e-mail will be sent without SMTP_URL', () => {
    const said: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void said.push(String(message)));
    try {
      const config = loadConfig({ NODE_ENV: 'test', ...t.env });
      new DigestScheduler(t.app.get(DigestScheduler)['db'], t.app.get(DigestScheduler)['digests'], config).onApplicationBootstrap();
    } finally {
      spy.mockRestore();
    }
    expect(said).toEqual(['SMTP_URL is not set: no digest e-mails will be sent']);
  });
});
