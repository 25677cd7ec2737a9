import { ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const nodes = (connection: any) => connection.edges.map((edge: any) => edge.node);

const SNAPSHOT = `{
  contacts(first: 200) { edges { node { id fullName title position posting state { iso3 } email phone languages notes version updatedAt } } }
  interactions(first: 200) { edges { node { id type occurredOn subject summary outcome followUpOn followUpDone replyReceivedOn visibility version
    updatedAt organization { name } states { iso3 } contacts { id } } } }
}`;

/**
 * Contacts and interactions exported as CSV in the columns the spreadsheet import reads: importing
 * the export again changes nothing, and an export holds only what its caller may see.
 */
describe('Spreadsheet exports', () => {
  let t: TestApp;
  let cast: Cast;

  const gql = (source: string, variables: Record<string, unknown> = {}, token = cast.france.token) => t.gql(source, variables, token);
  const download = async (file: string, token?: string) => {
    const response = await fetch(`${t.url}/exports/${file}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  };
  const upload = async (files: { contacts?: string; interactions?: string }, token: string) => {
    const form = new FormData();
    for (const [name, content] of Object.entries(files)) form.append(name, new Blob([content], { type: 'text/csv' }), `${name}.csv`);
    const response = await fetch(`${t.url}/imports/spreadsheet`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const createContact = async (input: Record<string, unknown>, token = cast.france.token) =>
    ok(await gql('mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', { input }, token)).createContact
      .id as string;
  const logInteraction = async (input: Record<string, unknown>, token = cast.france.token) =>
    ok(await gql('mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }', { input }, token)).logInteraction
      .id as string;

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);

    const delegate = await createContact({
      fullName: 'Marie-Thérèse Dupont',
      title: 'H.E.',
      position: 'Ambassador',
      posting: 'GENEVA_MISSION',
      stateIso3: 'HTI',
      email: 'mt.dupont@mfa.example',
      phone: '+41 22 000 00 00',
      languages: ['French', 'Haitian Creole'],
      notes: 'Met twice; "keen" on the Convention,\nasks for =SUM(A1) figures',
    });
    const adviser = await createContact({ fullName: 'Tomasi Vaka', stateIso3: 'TON', notes: '-ready to help' });
    await createContact({ fullName: 'Panama Contact', email: 'contact@panama.example' }, cast.panama.token);

    await logInteraction({
      type: 'DEMARCHE',
      occurredOn: '2026-01-10',
      stateIso3s: ['HTI', 'TON'],
      contactIds: [delegate, adviser],
      subject: 'Démarche on accession',
      summary: 'Raised the accession; "positive" answer, see notes\nsecond line',
      outcome: '@minister to decide',
      followUpOn: '2026-03-01',
      visibility: 'COORDINATORS',
    });
    await logInteraction({ type: 'BILATERAL_MEETING', occurredOn: '2026-01-12', stateIso3s: ['TON'], subject: 'France internal note' });
    await logInteraction({
      type: 'PHONE_CALL',
      occurredOn: '2026-01-13',
      stateIso3s: ['TUV'],
      subject: 'Shared call',
      visibility: 'SHARED',
    });
    await logInteraction(
      { type: 'EMAIL', occurredOn: '2026-01-14', stateIso3s: ['TUV'], subject: 'Panama private note' },
      cast.panama.token,
    );
    await logInteraction(
      {
        type: 'PHONE_CALL',
        occurredOn: '2026-01-15',
        stateIso3s: ['KIR'],
        subject: 'Panama call for all coordinators',
        visibility: 'COORDINATORS',
      },
      cast.panama.token,
    );
    // One imported with its own ref, and a reply.
    const imported = await upload(
      {
        interactions:
          'ref,date,type,states,contacts,subject,summary,follow_up,visibility,reply_received\n' +
          'FR-2026-001,2026-01-05,Letter,Tonga,mt.dupont@mfa.example,Letter to the minister,Sent by pouch,,Coordinators,2026-01-20\n',
      },
      cast.france.token,
    );
    expect(imported.status).toBe(200);
    expect(imported.body.committed).toBe(true);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('exports contacts and the visible interactions in the columns the import reads', async () => {
    const contacts = await download('contacts.csv', cast.france.token);
    expect(contacts.status).toBe(200);
    expect(contacts.type).toBe('text/csv; charset=utf-8');
    expect(contacts.body.split('\n')[0]).toBe('name,title,position,posting,state,email,phone,languages,notes');
    expect(contacts.body).toContain("'+41 22 000 00 00");
    expect(contacts.body).toContain('French; Haitian Creole');

    const interactions = await download('interactions.csv', cast.france.token);
    expect(interactions.status).toBe(200);
    expect(interactions.body.split('\n')[0]).toBe(
      'ref,date,type,states,contacts,subject,summary,outcome,follow_up,visibility,reply_received',
    );
    expect(interactions.body).toContain('FR-2026-001,2026-01-05,LETTER,TON,mt.dupont@mfa.example,Letter to the minister');
    expect(interactions.body).toContain("'@minister to decide");
    expect(interactions.body).toContain('Panama call for all coordinators');
    expect(interactions.body).not.toContain('Panama private note');
  });

  it('exports only what the caller may see', async () => {
    const partner = await download('interactions.csv', cast.partner.token);
    expect(partner.status).toBe(200);
    const lines = partner.body.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Shared call');

    const panama = await download('interactions.csv', cast.panama.token);
    expect(panama.body).toContain('Panama private note');
    expect(panama.body).not.toContain('France internal note');
    expect(panama.body).toContain('Démarche on accession');

    for (const file of ['contacts.csv', 'interactions.csv']) {
      const anonymous = await download(file);
      expect(anonymous.status).toBe(401);
      expect(JSON.parse(anonymous.body).code).toBe('UNAUTHENTICATED');
    }
  });

  it('round trip: importing the export again changes nothing', async () => {
    const before = ok(await gql(SNAPSHOT));
    const contacts = (await download('contacts.csv', cast.france.token)).body;
    const interactions = (await download('interactions.csv', cast.france.token)).body;

    const { status, body } = await upload({ contacts, interactions }, cast.france.token);
    expect(status).toBe(200);
    expect(body.rejected).toBe(0);
    const actions = [...body.contacts.rows, ...body.interactions.rows].map((row: any) => row.action);
    expect(actions.length).toBe(3 + 5);
    expect(new Set(actions)).toEqual(new Set(['UNCHANGED']));

    expect(ok(await gql(SNAPSHOT))).toEqual(before);
    expect(nodes(before.interactions)).toHaveLength(5);
  });

  it('an exported row, edited, updates the interaction it names; another organization\u2019s is refused', async () => {
    const interactions = (await download('interactions.csv', cast.france.token)).body;
    const edited = interactions.replace('France internal note', 'France internal note (edited)');
    const own = await upload({ interactions: edited }, cast.france.token);
    expect(own.status).toBe(200);
    expect(own.body.interactions.rows.filter((row: any) => row.action === 'UPDATE')).toHaveLength(1);
    expect(own.body.interactions.rows.filter((row: any) => row.action === 'CREATE')).toHaveLength(0);

    const foreign = interactions.replace('Panama call for all coordinators', 'Panama call rewritten by France');
    const refused = await upload({ interactions: foreign }, cast.france.token);
    expect(refused.status).toBe(422);
    const rejected = refused.body.interactions.rows.filter((row: any) => row.action === 'REJECT');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reasons.join(' ')).toContain('only the organization that logged it can change it');
    const titles = nodes(ok(await gql('{ interactions(first: 200) { edges { node { subject } } } }')).interactions).map(
      (i: any) => i.subject,
    );
    expect(titles).toContain('Panama call for all coordinators');
  });
});
