import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ADMIN, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const SAMPLES = join(process.cwd(), 'data/samples');
const CONTACTS = readFileSync(join(SAMPLES, 'contacts.csv'));
const INTERACTIONS = readFileSync(join(SAMPLES, 'interactions.csv'));

interface Row {
  line: number;
  action: string;
  reasons: string[];
  id?: string;
}

const INTERACTION = `query($id: ID!) { interaction(id: $id) {
  type occurredOn subject summary followUpOn replyReceivedOn visibility version
  author { email } organization { name } states { iso3 } contacts { fullName email } } }`;

describe('spreadsheet import', () => {
  let t: TestApp;
  let cast: Cast;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    db = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t?.close();
  });

  async function upload(files: { contacts?: Buffer | string; interactions?: Buffer | string }, token?: string, query = '') {
    const form = new FormData();
    for (const [name, content] of Object.entries(files)) form.append(name, new Blob([content]), `${name}.csv`);
    const response = await fetch(`${t.url}/imports/spreadsheet${query}`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  /** Rows of the tables an import writes (and of the trail it leaves). */
  async function counts() {
    const [row] = await db.query(`SELECT
      (SELECT count(*)::int FROM contacts) AS contacts, (SELECT count(*)::int FROM interactions) AS interactions,
      (SELECT count(*)::int FROM interaction_states) AS "interactionStates", (SELECT count(*)::int FROM interaction_contacts) AS "interactionContacts",
      (SELECT count(*)::int FROM activity_events) AS events, (SELECT count(*)::int FROM audit_entries) AS audit`);
    return row as Record<string, number>;
  }

  const actions = (rows: Row[]) => rows.map((row) => `${row.line}:${row.action}`);
  const range = (from: number, to: number, action: string) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}:${action}`);

  let firstImport: { contacts: Row[]; interactions: Row[] };

  it('reports, in a dry run of the sample, every row it would create, and writes nothing', async () => {
    const before = await counts();
    const { status, body } = await upload({ contacts: CONTACTS, interactions: INTERACTIONS }, cast.france.token, '?dryRun=true');
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: true, committed: false, rejected: 0 });
    expect(body.contacts).toMatchObject({
      file: 'contacts.csv',
      delimiter: ',',
      errors: [],
      ignoredColumns: [],
      counts: { CREATE: 16, UPDATE: 0, UNCHANGED: 0, REJECT: 0 },
    });
    expect(body.interactions).toMatchObject({
      file: 'interactions.csv',
      delimiter: ';',
      errors: [],
      counts: { CREATE: 30, UPDATE: 0, UNCHANGED: 0, REJECT: 0 },
    });
    expect(actions(body.contacts.rows)).toEqual(range(2, 17, 'CREATE'));
    expect(actions(body.interactions.rows)).toEqual(range(2, 31, 'CREATE'));
    expect(body.interactions.rows.every((row: Row) => row.id === undefined)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('imports the sample in one transaction, with its States (by former names too), contacts and dates', async () => {
    const before = await counts();
    const { status, body } = await upload({ contacts: CONTACTS, interactions: INTERACTIONS }, cast.france.token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: false, committed: true, rejected: 0 });
    firstImport = { contacts: body.contacts.rows, interactions: body.interactions.rows };
    const after = await counts();
    // 30 interactions; 37 State links (MAR-01 has 6, OCT-06 has 3); 31 contact links (MAR-01 has 5, OCT-06 has 2, 4 rows have none).
    expect({ ...after, audit: undefined }).toEqual({
      ...before,
      contacts: before.contacts + 16,
      interactions: before.interactions + 30,
      interactionStates: before.interactionStates + 37,
      interactionContacts: before.interactionContacts + 31,
      events: before.events + 1,
      audit: undefined,
    });
    // Every row the import wrote is in the audit trail: 16 + 30 + 37 + 31.
    expect(after.audit - before.audit).toBe(114);

    const byLine = new Map(firstImport.interactions.map((row) => [row.line, row.id!]));
    const workshop = ok(await t.gql(INTERACTION, { id: byLine.get(15) }, cast.france.token)).interaction;
    expect(workshop).toMatchObject({
      type: 'WORKSHOP',
      occurredOn: '2026-03-10', // written 10/03/2026
      followUpOn: '2026-04-10',
      visibility: 'SHARED',
      version: 1,
      author: { email: 'coordinator@france.example' },
      organization: { name: 'France' },
    });
    expect(workshop.states.map((s: { iso3: string }) => s.iso3).sort()).toEqual(['FSM', 'MHL', 'PNG', 'SLB', 'TON', 'TUV']);
    expect(workshop.contacts.map((c: { fullName: string }) => c.fullName).sort()).toEqual([
      'Amelia Tuilagi',
      'Grace Kapi',
      'John Maneka',
      'Lani Kabua',
      'Sione Fifita',
    ]);
    const letter = ok(await t.gql(INTERACTION, { id: byLine.get(2) }, cast.france.token)).interaction;
    expect(letter).toMatchObject({ type: 'LETTER', occurredOn: '2026-01-12', replyReceivedOn: '2026-02-03', visibility: 'COORDINATORS' });
    expect(letter.contacts).toEqual([{ fullName: 'Amelia Tuilagi', email: 'a.tuilagi@tuvalu-mission.example.org' }]);
    // Former names: Turkey, Swaziland, Burma, Macedonia, Cape Verde, Ivory Coast; short names: Laos, Iran, South Korea, USA.
    const iso3Of = async (line: number) =>
      ok(await t.gql(INTERACTION, { id: byLine.get(line) }, cast.france.token)).interaction.states[0].iso3;
    const lines = {
      13: 'TUR',
      18: 'SWZ',
      23: 'MMR',
      21: 'MKD',
      20: 'CPV',
      19: 'CIV',
      30: 'LAO',
      26: 'IRN',
      28: 'KOR',
      29: 'USA',
      14: 'CZE',
      7: 'VNM',
    };
    for (const [line, iso3] of Object.entries(lines)) expect([line, await iso3Of(Number(line))]).toEqual([line, iso3]);
    const demarche = ok(await t.gql(INTERACTION, { id: byLine.get(13) }, cast.france.token)).interaction;
    expect(demarche).toMatchObject({ type: 'DEMARCHE', contacts: [{ fullName: 'Ayşe Demir', email: 'a.demir@tr-mfa.example.org' }] });

    const contact = ok(
      await t.gql(
        `{ contacts(filter: { search: "Dlamini" }) { edges { node { fullName title position posting state { iso3 } languages } } } }`,
        {},
        cast.france.token,
      ),
    );
    expect(contact.contacts.edges.map((e: any) => e.node)).toEqual([
      {
        fullName: 'Thandiwe Dlamini',
        title: 'Ms',
        position: 'First Secretary',
        posting: 'GENEVA_MISSION',
        state: { iso3: 'SWZ' },
        languages: ['en'],
      },
    ]);
  });

  it('leaves one SPREADSHEET_IMPORTED event, seen by the importing organization only', async () => {
    const feed = `{ activityFeed(filter: { kinds: [SPREADSHEET_IMPORTED] }) { edges { node { summary actor { email } } } } }`;
    expect(ok(await t.gql(feed, {}, cast.france.token)).activityFeed.edges.map((e: any) => e.node)).toEqual([
      { summary: 'Spreadsheet imported: 30 interactions created; 16 contacts created', actor: { email: 'coordinator@france.example' } },
    ]);
    expect(ok(await t.gql(feed, {}, cast.panama.token)).activityFeed.edges).toEqual([]);
    expect(ok(await t.gql(feed, {}, cast.partner.token)).activityFeed.edges).toEqual([]);
    const logged = `{ activityFeed(filter: { kinds: [INTERACTION_LOGGED, CONTACT_ADDED] }) { totalCount } }`;
    expect(ok(await t.gql(logged, {}, cast.france.token)).activityFeed.totalCount).toBe(0);
  });

  it('finds every row unchanged when the same files are imported again, and writes nothing', async () => {
    const before = await counts();
    const { status, body } = await upload({ contacts: CONTACTS, interactions: INTERACTIONS }, cast.france.token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ committed: true, rejected: 0 });
    expect(actions(body.contacts.rows)).toEqual(range(2, 17, 'UNCHANGED'));
    expect(actions(body.interactions.rows)).toEqual(range(2, 31, 'UNCHANGED'));
    expect(body.interactions.rows.map((row: Row) => row.id)).toEqual(firstImport.interactions.map((row) => row.id));
    expect(body.interactions.rows[0].reasons).toEqual(['matches the interaction imported with ref "JAN-01"']);
    expect(await counts()).toEqual(before);
  });

  it('updates the rows whose fields changed, and only those', async () => {
    const edited = INTERACTIONS.toString()
      .replace(
        'Same letter as to Tuvalu;;2026-03-01;Coordinators;',
        'Same letter as to Tuvalu;Reply promised;2026-03-15;Coordinators;2026-02-25',
      )
      .replace(';Organization;\r\nOCT-02', ';Shared;\r\nOCT-02');
    const before = await counts();
    const { status, body } = await upload({ interactions: edited }, cast.france.token);
    expect(status).toBe(200);
    const changed = body.interactions.rows.filter((row: Row) => row.action !== 'UNCHANGED');
    expect(changed).toEqual([
      {
        line: 3,
        action: 'UPDATE',
        id: firstImport.interactions[1].id,
        reasons: ['matches the interaction imported with ref "JAN-02"', 'changes outcome, follow_up, reply_received'],
      },
      {
        line: 22,
        action: 'UPDATE',
        id: firstImport.interactions[20].id,
        reasons: ['matches the interaction imported with ref "OCT-01"', 'changes visibility'],
      },
    ]);
    expect((await counts()).interactions).toBe(before.interactions);
    const letter = ok(await t.gql(INTERACTION, { id: firstImport.interactions[1].id }, cast.france.token)).interaction;
    expect(letter).toMatchObject({ followUpOn: '2026-03-15', replyReceivedOn: '2026-02-25', version: 2 });
  });

  it("keeps each organization's imports apart: the same file from Panama creates Panama's own rows", async () => {
    const { body } = await upload({ contacts: CONTACTS, interactions: INTERACTIONS }, cast.panama.token, '?dryRun=true');
    expect(body.contacts.counts).toEqual({ CREATE: 0, UPDATE: 0, UNCHANGED: 16, REJECT: 0 });
    expect(body.interactions.counts).toEqual({ CREATE: 30, UPDATE: 0, UNCHANGED: 0, REJECT: 0 });
  });

  it('updates a stored contact matched by e-mail or by name, leaving empty cells as they are', async () => {
    const contacts = [
      'name,position,state,email,phone',
      'Amelia Tuilagi,Ambassador,Tuvalu,A.TUILAGI@tuvalu-mission.example.org,',
      'Grace Kapi,,Papua New Guinea,g.kapi@png-mission.example.org,',
      'Sione Fifita,,,,',
      'PETR NOVAK,,Czechia,,',
    ].join('\n');
    const before = await counts();
    const { status, body } = await upload({ contacts }, cast.france.token);
    expect(status).toBe(200);
    expect(body.contacts.rows).toEqual([
      {
        line: 2,
        action: 'UPDATE',
        id: firstImport.contacts[0].id,
        reasons: ['matches the contact with the e-mail A.TUILAGI@tuvalu-mission.example.org', 'changes position'],
      },
      { line: 3, action: 'UPDATE', id: firstImport.contacts[2].id, reasons: ['matches the contact named "Grace Kapi"', 'changes email'] },
      { line: 4, action: 'UNCHANGED', id: firstImport.contacts[1].id, reasons: ['matches the contact named "Sione Fifita"'] },
      { line: 5, action: 'UNCHANGED', id: firstImport.contacts[8].id, reasons: ['matches the contact named "Petr Novák"'] },
    ]);
    expect((await counts()).contacts).toBe(before.contacts);
    const [grace] = await db.query('SELECT email, position, phone, version FROM contacts WHERE id = $1', [firstImport.contacts[2].id]);
    expect(grace).toEqual({
      email: 'g.kapi@png-mission.example.org',
      position: 'First Secretary (disarmament)',
      phone: '+41 22 555 0177',
      version: 2,
    });
  });

  it('rejects the broken rows with their reasons, and writes nothing at all', async () => {
    const contacts = [
      'name,state,email,posting',
      'Nadia Haddad,Lebanon,n.haddad@lb-mission.example.org,Geneva',
      'Someone,Atlantis,someone@example.org,',
      'Ana Silva,Brazil,not-an-email,',
    ].join('\n');
    const interactions = [
      'date,type,states,contacts,subject,reply received,visibility',
      '2026-11-02,Letter,Lebanon,n.haddad@lb-mission.example.org,Letter on the CCM,,',
      '2026-02-30,Letter,Tuvalu,,A letter on a day that does not exist,,',
      '2026-11-03,Bilateral meeting,"Tuvalu; Narnia",,A meeting with a State that does not exist,,',
      '2026-11-02,Letter,Lebanon,n.haddad@lb-mission.example.org,Letter on the CCM,,',
      '2026-11-04,Call,Kiribati,nobody@example.org,A call with an unknown contact,,',
      '2026-11-05,Bilateral meeting,Kiribati,,A meeting cannot get a reply,2026-11-06,',
      '2026-11-06,Fax,Kiribati,,Unknown type,,Everyone',
      '2026-11-07,Letter,Brazil,Ana Silva,Letter to a contact whose row is rejected,,',
    ].join('\n');
    const before = await counts();
    const { status, body } = await upload({ contacts, interactions }, cast.france.token);
    expect(status).toBe(422);
    expect(body).toMatchObject({ dryRun: false, committed: false, rejected: 9 });
    expect(body.contacts.rows).toEqual([
      { line: 2, action: 'CREATE', reasons: [] },
      { line: 3, action: 'REJECT', reasons: ['state: unknown State "Atlantis" (write its ISO3 code or its UN name)'] },
      { line: 4, action: 'REJECT', reasons: ['email: "not-an-email" is not an e-mail address'] },
    ]);
    expect(body.interactions.rows).toEqual([
      { line: 2, action: 'CREATE', reasons: [] },
      { line: 3, action: 'REJECT', reasons: ['date: "2026-02-30" is not a date: write YYYY-MM-DD or DD/MM/YYYY'] },
      { line: 4, action: 'REJECT', reasons: ['states: unknown State "Narnia" (write its ISO3 code or its UN name)'] },
      { line: 5, action: 'REJECT', reasons: ['a duplicate of line 2 (same date, type, States and subject)'] },
      {
        line: 6,
        action: 'REJECT',
        reasons: ['contacts: unknown contact "nobody@example.org": no contact has this e-mail (add the person to contacts.csv)'],
      },
      { line: 7, action: 'REJECT', reasons: ['reply_received: only a letter or an e-mail gets a reply; this row is a BILATERAL_MEETING'] },
      {
        line: 8,
        action: 'REJECT',
        reasons: [
          'type: "Fax" is not known: expected a type such as Letter, Bilateral meeting, Phone call, E-mail, Démarche, Workshop, Meeting at an event, Other',
          'visibility: "Everyone" is not known: expected Organization, Coordinators or Shared',
        ],
      },
      { line: 9, action: 'REJECT', reasons: ['contacts: contact "Ana Silva" is defined on line 4 of contacts.csv, which is rejected'] },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('rejects a file without the required columns, or that cannot be read, as a whole', async () => {
    const { status, body } = await upload({ interactions: 'when,what\n2026-01-01,Letter\n' }, cast.france.token);
    expect(status).toBe(422);
    expect(body.interactions).toMatchObject({
      errors: ['the header must name the column(s) "date", "type", "states", "subject"'],
      ignoredColumns: ['when', 'what'],
      rows: [],
    });
    expect(body.rejected).toBe(1);
    const latin1 = Buffer.from('date,type,states,subject\n2026-01-01,Démarche,Tuvalu,x\n', 'latin1');
    const unreadable = await upload({ interactions: latin1 }, cast.france.token, '?dryRun=true');
    expect(unreadable.body.interactions.errors).toEqual(['the file is not UTF-8 text: save it as "CSV UTF-8"']);
    const unclosed = await upload(
      { interactions: 'date,type,states,subject\n2026-01-01,Letter,Tuvalu,"x\n' },
      cast.france.token,
      '?dryRun=true',
    );
    expect(unclosed.body.interactions.rows).toEqual([
      { line: 2, action: 'REJECT', reasons: [expect.stringContaining('the record cannot be read')] },
    ]);
  });

  it('resolves States by former, short and accent-free names, whatever the case', async () => {
    const interactions = [
      'Date;Type;States;Subject;Visibility',
      '05/11/2026;DEMARCHE;"Swaziland; czech republic; TURKEY; Cote d\'Ivoire; The former Yugoslav Republic of Macedonia; Holy See; Viet Nam; Micronesia";Joint démarche on the CCM;coordinators',
      '06/11/2026;bilateral_meeting;"Bolivia; Venezuela; Tanzania; Moldova; UK; Russia; Syria; North Korea";Meetings on the margins of the First Committee;',
    ].join('\r\n');
    const { status, body } = await upload({ interactions }, cast.france.token);
    expect(status).toBe(200);
    const [first, second] = body.interactions.rows.map((row: Row) => row.id);
    const states = async (id: string) =>
      ok(await t.gql(INTERACTION, { id }, cast.france.token))
        .interaction.states.map((s: { iso3: string }) => s.iso3)
        .sort();
    expect(await states(first)).toEqual(['CIV', 'CZE', 'FSM', 'MKD', 'SWZ', 'TUR', 'VAT', 'VNM']);
    expect(await states(second)).toEqual(['BOL', 'GBR', 'MDA', 'PRK', 'RUS', 'SYR', 'TZA', 'VEN']);
    const [row] = await db.query('SELECT visibility, occurred_on::text AS "occurredOn" FROM interactions WHERE id = $1', [second]);
    expect(row).toEqual({ visibility: 'ORGANIZATION', occurredOn: '2026-11-06' });
  });

  it('is for coordinators and admins with a token', async () => {
    const partner = await upload({ interactions: INTERACTIONS }, cast.partner.token, '?dryRun=true');
    expect(partner).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: 'Only coordinators and admins can import spreadsheets' } });
    const anonymous = await upload({ interactions: INTERACTIONS }, undefined, '?dryRun=true');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const admin = await upload({ interactions: INTERACTIONS }, cast.admin.token, '?dryRun=true');
    expect(admin.body.interactions.counts.CREATE).toBe(30);
  });

  it('refuses malformed uploads with what to fix', async () => {
    const json = await fetch(`${t.url}/imports/spreadsheet`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cast.france.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect(await upload({}, cast.france.token)).toEqual({
      status: 400,
      body: { code: 'BAD_USER_INPUT', message: 'Send a contacts file, an interactions file, or both' },
    });
    const other = await upload({ people: 'x' } as never, cast.france.token);
    expect(other.status).toBe(400);
    expect(other.body.message).toContain('Unexpected field "people"');
    const badFlag = await upload({ interactions: INTERACTIONS }, cast.france.token, '?dryRun=maybe');
    expect(badFlag.status).toBe(400);
  });
});

describe('spreadsheet upload limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_UPLOAD_LIMIT_BYTES: '2048' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses a file over IMPORT_UPLOAD_LIMIT_BYTES with 413, and takes one under it', async () => {
    const token = await t.login(ADMIN.email, ADMIN.password);
    const send = async (content: Buffer) => {
      const form = new FormData();
      form.append('interactions', new Blob([content]), 'interactions.csv');
      const response = await fetch(`${t.url}/imports/spreadsheet?dryRun=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    expect(INTERACTIONS.length).toBeGreaterThan(2048);
    expect(await send(INTERACTIONS)).toEqual({
      status: 413,
      body: { code: 'BAD_REQUEST', message: 'A file is larger than the upload limit (IMPORT_UPLOAD_LIMIT_BYTES)' },
    });
    const small = await send(Buffer.from('date,type,states,subject\n2026-01-05,Letter,Tuvalu,Letter\n'));
    expect(small.status).toBe(200);
    expect(small.body.interactions.counts.CREATE).toBe(1);
  });
});

describe('npm run import:sheet', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    await createCast(t);
    dir = mkdtempSync(join(tmpdir(), 'ratify-sheet-'));
  });

  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function importSheet(args: string[]): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [join(process.cwd(), 'dist/src/cli/import-sheet.js'), ...args], {
        env: { ...process.env, ...t.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('exit', (code) => resolve({ code, output }));
    });
  }

  // The embedded database has one writer, the running service, so this runs against a server.
  const withServer = process.env.DATABASE_URL ? it : it.skip;

  withServer('dry-runs, imports, and imports again without duplicates', async () => {
    const files = ['--contacts', join(SAMPLES, 'contacts.csv'), '--interactions', join(SAMPLES, 'interactions.csv')];
    const user = ['--user', 'coordinator@france.example'];
    const dry = await importSheet([...user, ...files, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.output).toContain('contacts.csv: 16 to create, 0 to update, 0 unchanged, 0 rejected');
    expect(dry.output).toContain('interactions.csv: 30 to create, 0 to update, 0 unchanged, 0 rejected');
    expect(dry.output).toContain('  interactions.csv:15  CREATE\n');
    expect(dry.output).toContain('Dry run: nothing written.');

    const real = await importSheet([...user, ...files]);
    expect(real.code).toBe(0);
    expect(real.output).toContain('Imported.');
    const again = await importSheet([...user, ...files, '--json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.output);
    expect(report.interactions.counts).toEqual({ CREATE: 0, UPDATE: 0, UNCHANGED: 30, REJECT: 0 });
    const db = t.app.get(DataSource);
    expect(await db.query('SELECT count(*)::int AS n FROM interactions')).toEqual([{ n: 30 }]);
  });

  withServer('lets one of two simultaneous imports of the same new rows write them, never both', async () => {
    const token = await t.login('coordinator@france.example', 'a-long-test-password');
    const rows = Array.from(
      { length: 200 },
      (_, i) => `2026-11-${String((i % 28) + 1).padStart(2, '0')},Letter,Tuvalu,Simultaneous letter ${i}`,
    );
    const sheet = ['date,type,states,subject', ...rows].join('\n');
    const send = async () => {
      const form = new FormData();
      form.append('interactions', new Blob([sheet]), 'interactions.csv');
      const response = await fetch(`${t.url}/imports/spreadsheet`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      return response.status;
    };
    const statuses = await Promise.all([send(), send()]);
    // The second waits on the unique import key and is refused (409), or starts after the first and finds every row unchanged (200).
    expect(statuses).toContain(200);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    const db = t.app.get(DataSource);
    expect(await db.query(`SELECT count(*)::int AS n FROM interactions WHERE subject LIKE 'Simultaneous letter %'`)).toEqual([{ n: 200 }]);
  });

  withServer('exits with 1 and writes nothing when a row is rejected', async () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'date;type;states;subject\n2026-12-01;Letter;Tuvalu;Fine\n2026-12-02;Letter;Atlantis;Unknown State\n');
    const result = await importSheet(['--user', 'coordinator@france.example', '--interactions', broken]);
    expect(result.code).toBe(1);
    expect(result.output).toContain('interactions.csv:3  REJECT  states: unknown State "Atlantis" (write its ISO3 code or its UN name)');
    expect(result.output).toContain('Nothing written: 1 rejected.');
    const db = t.app.get(DataSource);
    expect(await db.query(`SELECT count(*)::int AS n FROM interactions WHERE subject = 'Fine'`)).toEqual([{ n: 0 }]);
    const partner = await importSheet(['--user', 'partner@cmc.example', '--interactions', join(SAMPLES, 'interactions.csv'), '--dry-run']);
    expect(partner).toEqual({ code: 1, output: 'Import failed: Only coordinators and admins can import spreadsheets\n' });
  });

  it('explains its arguments', async () => {
    const usage = await importSheet(['--interactions', join(SAMPLES, 'interactions.csv')]);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('--user is required');
  });
});
