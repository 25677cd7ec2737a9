import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { DATA_DIR } from '../support/data-files.js';
import { createCast, type Cast } from '../support/fixtures.js';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

/** The report's period: the last 300 days, today included (stage moves are recorded today). */
const FROM = daysAgo(300);
const TO = daysAgo(0);

const TALLY = 'count states { iso3 name }';
const REPORT = `query($input: ProgressReportInput!) { progressReport(input: $input) {
  from to regionalGroups mandate { id name } organizations { name }
  statesContacted { ${TALLY} }
  interactions { ${TALLY} }
  interactionsByType { type ${TALLY} }
  stageMoves { forward { ${TALLY} } back { ${TALLY} } moves { state { iso3 } from to direction } }
  obstacles { recorded { ${TALLY} } addressed { ${TALLY} } }
  letters { sent { ${TALLY} } answered { ${TALLY} } unanswered { ${TALLY} } }
  treaty { signatures { ${TALLY} } ratifications { ${TALLY} } }
} }`;

const LOG = 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id version } }';

/** The treaty record, read from the data files independently of the service. */
function treatyFacts(from: string, to: string, regionalGroup?: string): { signatures: string[]; ratifications: string[] } {
  const states = parse<Record<string, string>>(readFileSync(join(DATA_DIR, 'states.csv'), 'utf8'), { columns: true });
  const group = new Map(states.map((s) => [s.iso3, s.un_regional_group]));
  const rows = parse<Record<string, string>>(readFileSync(join(DATA_DIR, 'ccm-participation.csv'), 'utf8'), { columns: true });
  const inScope = rows.filter((r) => !regionalGroup || group.get(r.iso3) === regionalGroup);
  const within = (date: string) => date !== '' && date >= from && date <= to;
  return {
    signatures: inScope
      .filter((r) => within(r.signature_date))
      .map((r) => r.iso3)
      .sort(),
    ratifications: inScope
      .filter((r) => within(r.consent_date))
      .map((r) => r.iso3)
      .sort(),
  };
}

const iso3s = (tally: { states: { iso3: string }[] }) => tally.states.map((s) => s.iso3).sort();
const names = (tally: { states: { name: string }[] }) => tally.states.map((s) => s.name);

describe('progress report', () => {
  let t: TestApp;
  let cast: Cast;
  let mandateId: string;

  const report = async (input: Record<string, unknown>, token: string) => ok(await t.gql(REPORT, { input }, token)).progressReport;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    const log = async (token: string, input: Record<string, unknown>) => ok(await t.gql(LOG, { input }, token)).logInteraction;
    // France: a letter to Kiribati answered, one to Tonga unanswered (both shared), one to Papua New Guinea
    // for coordinators (answered), a meeting in Solomon Islands kept within France, a meeting in Brazil
    // (outside the region) and a letter to Kiribati before the period.
    const kir = await log(cast.france.token, {
      type: 'LETTER',
      occurredOn: daysAgo(200),
      subject: 'Letter to the Minister of Foreign Affairs of Kiribati',
      stateIso3s: ['KIR'],
      visibility: 'SHARED',
    });
    await log(cast.france.token, {
      type: 'LETTER',
      occurredOn: daysAgo(199),
      subject: 'Letter to Tonga',
      stateIso3s: ['TON'],
      visibility: 'SHARED',
    });
    const png = await log(cast.france.token, {
      type: 'LETTER',
      occurredOn: daysAgo(198),
      subject: 'Letter to Papua New Guinea',
      stateIso3s: ['PNG'],
      visibility: 'COORDINATORS',
    });
    await log(cast.france.token, {
      type: 'BILATERAL_MEETING',
      occurredOn: daysAgo(150),
      subject: 'Meeting in Honiara',
      stateIso3s: ['SLB'],
      visibility: 'ORGANIZATION',
    });
    await log(cast.france.token, {
      type: 'BILATERAL_MEETING',
      occurredOn: daysAgo(150),
      subject: 'Meeting in Brasília',
      stateIso3s: ['BRA'],
      visibility: 'SHARED',
    });
    await log(cast.france.token, {
      type: 'LETTER',
      occurredOn: daysAgo(400),
      subject: 'An older letter to Kiribati',
      stateIso3s: ['KIR'],
      visibility: 'SHARED',
    });
    for (const [letter, on] of [
      [kir, daysAgo(180)],
      [png, daysAgo(170)],
    ] as const) {
      ok(
        await t.gql(
          'mutation($id: ID!, $on: Date!) { recordReply(id: $id, receivedOn: $on) { id } }',
          { id: letter.id, on },
          cast.france.token,
        ),
      );
    }
    // Panama: a call concerning Tonga and Tuvalu; the partner: an e-mail to Kiribati.
    await log(cast.panama.token, {
      type: 'PHONE_CALL',
      occurredOn: daysAgo(100),
      subject: 'Call with Tonga and Tuvalu',
      stateIso3s: ['TON', 'TUV'],
      visibility: 'SHARED',
    });
    await log(cast.partner.token, { type: 'EMAIL', occurredOn: daysAgo(90), subject: 'CMC e-mail to Kiribati', stateIso3s: ['KIR'] });

    // Stage moves, today: Kiribati twice forward, Tonga forward then back to DECLINED, Brazil (outside the region) forward.
    const stage = (iso3: string, to: string) =>
      t.gql(
        'mutation($iso3: String!, $stage: RatificationStage!) { setRatificationStage(iso3: $iso3, stage: $stage) { ratificationStage } }',
        { iso3, stage: to },
        cast.france.token,
      );
    for (const [iso3, to] of [
      ['KIR', 'ENGAGED'],
      ['KIR', 'SUPPORTIVE'],
      ['TON', 'ENGAGED'],
      ['TON', 'DECLINED'],
      ['BRA', 'ENGAGED'],
    ])
      ok(await stage(iso3, to));

    // Obstacles: Kiribati recorded and addressed in the period, Tonga recorded (still open), Solomon Islands
    // recorded before the period and addressed in it, Brazil outside the region.
    const record = async (stateIso3: string, recordedOn: string) =>
      ok(
        await t.gql(
          'mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id version } }',
          { input: { stateIso3, category: 'PROCEDURAL', description: `Obstacle of ${stateIso3}`, recordedOn } },
          cast.france.token,
        ),
      ).recordObstacle;
    const resolve = async (obstacle: { id: string; version: number }, resolvedOn: string) =>
      ok(
        await t.gql(
          'mutation($id: ID!, $v: Int!, $on: Date) { resolveObstacle(id: $id, expectedVersion: $v, resolvedOn: $on) { id } }',
          { id: obstacle.id, v: obstacle.version, on: resolvedOn },
          cast.france.token,
        ),
      );
    await resolve(await record('KIR', daysAgo(120)), daysAgo(60));
    await record('TON', daysAgo(110));
    await resolve(await record('SLB', daysAgo(500)), daysAgo(30));
    await record('BRA', daysAgo(100));

    mandateId = ok(
      await t.gql(
        'mutation($input: StartMandateInput!) { startMandate(input: $input) { id } }',
        {
          input: {
            name: 'Universalization coordinators (test)',
            periodFrom: FROM,
            periodTo: TO,
            organizationIds: [cast.france.organizationId, cast.panama.organizationId],
          },
        },
        cast.france.token,
      ),
    ).startMandate.id;
  });
  afterAll(() => t?.close());

  it('counts, for a coordinator, everything it may see in the period and region, with the States behind each number', async () => {
    const r = await report({ from: FROM, to: TO, regionalGroups: ['ASIA_PACIFIC'] }, cast.france.token);
    expect(r.from).toBe(FROM);
    expect(r.organizations).toBeNull();
    expect(r.statesContacted.count).toBe(5);
    expect(names(r.statesContacted)).toEqual(['Kiribati', 'Papua New Guinea', 'Solomon Islands', 'Tonga', 'Tuvalu']);
    expect(r.interactions.count).toBe(6);
    expect(r.interactionsByType.map((row: any) => [row.type, row.count, iso3s(row)])).toEqual([
      ['LETTER', 3, ['KIR', 'PNG', 'TON']],
      ['BILATERAL_MEETING', 1, ['SLB']],
      ['PHONE_CALL', 1, ['TON', 'TUV']],
      ['EMAIL', 1, ['KIR']],
    ]);
    expect([r.letters.sent.count, r.letters.answered.count, r.letters.unanswered.count]).toEqual([3, 2, 1]);
    expect(names(r.letters.answered)).toEqual(['Kiribati', 'Papua New Guinea']);
    expect(names(r.letters.unanswered)).toEqual(['Tonga']);
    expect([r.stageMoves.forward.count, iso3s(r.stageMoves.forward)]).toEqual([3, ['KIR', 'TON']]);
    expect([r.stageMoves.back.count, iso3s(r.stageMoves.back)]).toEqual([1, ['TON']]);
    expect(r.stageMoves.moves).toEqual([
      { state: { iso3: 'KIR' }, from: 'NOT_ENGAGED', to: 'ENGAGED', direction: 'FORWARD' },
      { state: { iso3: 'KIR' }, from: 'ENGAGED', to: 'SUPPORTIVE', direction: 'FORWARD' },
      { state: { iso3: 'TON' }, from: 'NOT_ENGAGED', to: 'ENGAGED', direction: 'FORWARD' },
      { state: { iso3: 'TON' }, from: 'ENGAGED', to: 'DECLINED', direction: 'BACK' },
    ]);
    expect([r.obstacles.recorded.count, iso3s(r.obstacles.recorded)]).toEqual([2, ['KIR', 'TON']]);
    expect([r.obstacles.addressed.count, iso3s(r.obstacles.addressed)]).toEqual([2, ['KIR', 'SLB']]);
    const facts = treatyFacts(FROM, TO, 'Asia-Pacific');
    expect(iso3s(r.treaty.signatures)).toEqual(facts.signatures);
    expect(r.treaty.signatures.count).toBe(facts.signatures.length);
    expect(iso3s(r.treaty.ratifications)).toEqual(facts.ratifications);
  });

  it('counts for a partner only the SHARED interactions and obstacles; stage moves and treaty actions are the same facts', async () => {
    const r = await report({ from: FROM, to: TO, regionalGroups: ['ASIA_PACIFIC'] }, cast.partner.token);
    expect(names(r.statesContacted)).toEqual(['Kiribati', 'Tonga', 'Tuvalu']);
    expect(r.interactions.count).toBe(4);
    expect(r.interactionsByType.map((row: any) => [row.type, row.count])).toEqual([
      ['LETTER', 2],
      ['PHONE_CALL', 1],
      ['EMAIL', 1],
    ]);
    expect([r.letters.sent.count, r.letters.answered.count, r.letters.unanswered.count]).toEqual([2, 1, 1]);
    expect(r.stageMoves.forward.count).toBe(3);
    // The obstacles were recorded COORDINATORS (the default): a partner counts none of them.
    expect([r.obstacles.recorded.count, r.obstacles.addressed.count]).toEqual([0, 0]);
    // Panama sees France's COORDINATORS letter but not its ORGANIZATION meeting.
    const panama = await report({ from: FROM, to: TO, regionalGroups: ['ASIA_PACIFIC'] }, cast.panama.token);
    expect(names(panama.statesContacted)).toEqual(['Kiribati', 'Papua New Guinea', 'Tonga', 'Tuvalu']);
    expect(panama.obstacles.addressed.count).toBe(2);
  });

  it("takes a mandate's period and organizations as defaults, and other regions and States as asked", async () => {
    const r = await report({ mandateId, regionalGroups: ['ASIA_PACIFIC'] }, cast.france.token);
    expect([r.from, r.to, r.mandate.id]).toEqual([FROM, TO, mandateId]);
    expect(r.organizations.map((o: any) => o.name).sort()).toEqual(['France', 'Panama']);
    // The partner's e-mail is not the coordinators' work; France's meeting kept within France is not
    // the mandate's either: the report is the same for each of its organizations.
    expect(r.interactions.count).toBe(4);
    expect(r.interactionsByType.map((row: any) => row.type)).toEqual(['LETTER', 'PHONE_CALL']);
    expect(await report({ mandateId, regionalGroups: ['ASIA_PACIFIC'] }, cast.panama.token)).toEqual(r);
    const everywhere = await report({ from: FROM, to: TO }, cast.france.token);
    expect(iso3s(everywhere.statesContacted)).toEqual(['BRA', 'KIR', 'PNG', 'SLB', 'TON', 'TUV']);
    expect(iso3s(everywhere.stageMoves.forward)).toEqual(['BRA', 'KIR', 'TON']);
    expect(iso3s(everywhere.obstacles.recorded)).toEqual(['BRA', 'KIR', 'TON']);
    const tonga = await report({ from: FROM, to: TO, stateIso3s: ['TON'] }, cast.france.token);
    expect([tonga.interactions.count, tonga.letters.unanswered.count, tonga.stageMoves.moves.length]).toEqual([2, 1, 2]);
    // A letter before the period counts in a period that includes it.
    const longer = await report({ from: daysAgo(450), to: TO, stateIso3s: ['KIR'] }, cast.france.token);
    expect(longer.letters.sent.count).toBe(2);
  });

  it('reports the signatures and deposits of a past period from the treaty record', async () => {
    for (const [from, to, group, label] of [
      ['2008-12-01', '2009-12-31', undefined, undefined],
      ['2020-01-01', '2023-12-31', 'AFRICAN', 'African'],
    ] as const) {
      const r = await report({ from, to, ...(group ? { regionalGroups: [group] } : {}) }, cast.partner.token);
      const facts = treatyFacts(from, to, label);
      expect(iso3s(r.treaty.signatures)).toEqual(facts.signatures);
      expect(r.treaty.signatures.count).toBe(facts.signatures.length);
      expect(iso3s(r.treaty.ratifications)).toEqual(facts.ratifications);
      expect(r.treaty.ratifications.count).toBe(facts.ratifications.length);
      expect(r.interactions.count).toBe(0);
    }
    // Known facts: the Convention opened for signature in Oslo on 3 December 2008; Nigeria ratified on 28 February 2023,
    // South Sudan acceded on 3 August 2023 (UN Treaty Collection, chapter XXVI-6).
    const oslo = await report({ from: '2008-12-03', to: '2008-12-03' }, cast.partner.token);
    expect(oslo.treaty.signatures.count).toBeGreaterThan(90);
    const african = await report({ from: '2023-01-01', to: '2023-12-31', regionalGroups: ['AFRICAN'] }, cast.partner.token);
    expect(names(african.treaty.ratifications)).toEqual(['Nigeria', 'South Sudan']);
  });

  it('costs the same few statements whatever the number of States (one per section, no statement per State)', async () => {
    const tonga = await t.counter.measure(() => t.gql(REPORT, { input: { from: FROM, to: TO, stateIso3s: ['TON'] } }, cast.france.token));
    const world = await t.counter.measure(() => t.gql(REPORT, { input: { from: '2008-01-01', to: TO } }, cast.france.token));
    expect(tonga.result.errors).toBeUndefined();
    expect(world.result.errors).toBeUndefined();
    expect(world.result.data.progressReport.treaty.ratifications.count).toBeGreaterThan(100);
    expect(world.statements).toBe(tonga.statements);
    expect(world.statements).toBeLessThanOrEqual(8);
  });

  it('refuses a period that ends before it starts, a missing period and an unknown mandate', async () => {
    const bad = await t.gql(REPORT, { input: { from: '2026-03-01', to: '2026-02-01' } }, cast.france.token);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(REPORT, { input: { from: '2026-03-01' } }, cast.france.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(REPORT, { input: { mandateId: '00000000-0000-4000-8000-000000000000' } }, cast.france.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await t.gql(REPORT, { input: { from: FROM, to: TO } }))).toEqual(['UNAUTHENTICATED']);
  });

  describe('downloads', () => {
    const get = (file: string, query: string, token?: string) =>
      fetch(`${t.url}/exports/${file}${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('gives the report as CSV, one row per number with its States, for the viewer', async () => {
      const response = await get('progress-report.csv', `?from=${FROM}&to=${TO}&regionalGroups=ASIA_PACIFIC`, cast.france.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const rows = parse(await response.text());
      expect(rows[0]).toEqual(['section', 'measure', 'count', 'state_iso3s', 'states']);
      const row = (section: string, measure: string) => rows.find((r) => r[0] === section && r[1] === measure)?.slice(2);
      expect(row('States contacted', 'States with at least one interaction')).toEqual([
        '5',
        'KIR;PNG;SLB;TON;TUV',
        'Kiribati; Papua New Guinea; Solomon Islands; Tonga; Tuvalu',
      ]);
      expect(row('Interactions', 'Letter')).toEqual(['3', 'KIR;PNG;TON', 'Kiribati; Papua New Guinea; Tonga']);
      expect(row('Letters', 'Answered')).toEqual(['2', 'KIR;PNG', 'Kiribati; Papua New Guinea']);
      expect(row('Stage moves', 'Back')).toEqual(['1', 'TON', 'Tonga']);
      expect(row('Obstacles', 'Addressed')).toEqual(['2', 'KIR;SLB', 'Kiribati; Solomon Islands']);
      const partner = parse(
        await (await get('progress-report.csv', `?from=${FROM}&to=${TO}&regionalGroups=ASIA_PACIFIC`, cast.partner.token)).text(),
      );
      expect(partner.find((r) => r[0] === 'States contacted')!.slice(2)).toEqual(['3', 'KIR;TON;TUV', 'Kiribati; Tonga; Tuvalu']);
    });

    it('gives the report as Markdown, with its scope and the stage moves', async () => {
      const response = await get('progress-report.md', `?mandateId=${mandateId}&regionalGroups=ASIA_PACIFIC`, cast.france.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/markdown');
      const text = await response.text();
      expect(text).toContain(`# Progress report, ${FROM} to ${TO}`);
      expect(text).toContain('- Mandate: Universalization coordinators (test)');
      expect(text).toContain('- Interactions of: France, Panama');
      expect(text).toContain('- Regional groups: Asia-Pacific');
      expect(text).toContain('| States contacted | States with at least one interaction | 4 | Kiribati, Papua New Guinea, Tonga, Tuvalu |');
      expect(text).toContain('| Letters | Unanswered | 1 | Tonga |');
      expect(text).toContain('| Stage moves | Forward | 3 | Kiribati, Tonga |');
      expect(text).toContain(`| ${TO} | Tonga | Engaged | Declined | Back |`);
    });

    it('refuses a request without a token, with bad parameters, or for an unknown mandate', async () => {
      expect((await get('progress-report.md', `?from=${FROM}&to=${TO}`)).status).toBe(401);
      expect((await get('progress-report.csv', `?from=${TO}&to=${FROM}`, cast.france.token)).status).toBe(400);
      expect((await get('progress-report.csv', '?from=yesterday&to=2026-01-01', cast.france.token)).status).toBe(400);
      expect((await get('progress-report.csv', `?from=${FROM}&to=${TO}&regionalGroups=MARS`, cast.france.token)).status).toBe(400);
      expect((await get('progress-report.csv', `?from=${FROM}&to=${TO}&colour=blue`, cast.france.token)).status).toBe(400);
      expect((await get('progress-report.md', '?mandateId=00000000-0000-4000-8000-000000000000', cast.france.token)).status).toBe(404);
    });
  });
});
