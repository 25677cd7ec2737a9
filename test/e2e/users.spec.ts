import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ADMIN, codes, startTestApp, type TestApp } from '../support/app.js';

const CREATE_ORG = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name kind } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email displayName role organization { name } } }';

describe('organizations and users', () => {
  let t: TestApp;
  let admin: string;
  let panamaId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets the admin create an organization and lists it', async () => {
    const created = await t.gql(CREATE_ORG, { input: { name: ' Panama ', kind: 'GOVERNMENT' } }, admin);
    expect(created.errors).toBeUndefined();
    expect(created.data.createOrganization).toMatchObject({ name: 'Panama', kind: 'GOVERNMENT' });
    panamaId = created.data.createOrganization.id;
    const listed = await t.gql('{ organizations { name kind } }', {}, admin);
    expect(listed.data.organizations).toEqual([
      { name: 'Administration', kind: 'SECRETARIAT' },
      { name: 'Panama', kind: 'GOVERNMENT' },
    ]);
  });

  it('refuses a second organization of the same name, whatever its case', async () => {
    expect(codes(await t.gql(CREATE_ORG, { input: { name: 'panama', kind: 'GOVERNMENT' } }, admin))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(CREATE_ORG, { input: { name: '', kind: 'GOVERNMENT' } }, admin))).toEqual(['BAD_USER_INPUT']);
    expect((await t.gql('{ organizations { id } }', {}, admin)).data.organizations).toHaveLength(2);
  });

  it('lets the admin create a user who can then sign in, with any case of e-mail', async () => {
    const input = {
      email: 'Coordinator@Panama.example',
      displayName: 'P. Coordinator',
      role: 'COORDINATOR',
      organizationId: panamaId,
      password: 'twelve chars at least',
    };
    const created = await t.gql(CREATE_USER, { input }, admin);
    expect(created.errors).toBeUndefined();
    expect(created.data.createUser).toMatchObject({
      email: 'coordinator@panama.example',
      role: 'COORDINATOR',
      organization: { name: 'Panama' },
    });
    const token = await t.login('COORDINATOR@panama.example', 'twelve chars at least');
    const me = await t.gql('{ me { email role organization { name } } }', {}, token);
    expect(me.data.me).toEqual({ email: 'coordinator@panama.example', role: 'COORDINATOR', organization: { name: 'Panama' } });
  });

  it('rejects a taken e-mail, an unknown organization, a short password and a bad role, writing nothing', async () => {
    const base = {
      email: 'x@panama.example',
      displayName: 'X',
      role: 'PARTNER',
      organizationId: panamaId,
      password: 'twelve chars at least',
    };
    expect(codes(await t.gql(CREATE_USER, { input: { ...base, email: 'coordinator@PANAMA.example' } }, admin))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(CREATE_USER, { input: { ...base, organizationId: '00000000-0000-4000-8000-000000000000' } }, admin))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await t.gql(CREATE_USER, { input: { ...base, password: 'short' } }, admin))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CREATE_USER, { input: { ...base, email: 'not an e-mail' } }, admin))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CREATE_USER, { input: { ...base, role: 'SUPERUSER' } }, admin))).toEqual(['BAD_USER_INPUT']);
    const users = await t.gql('{ users { email role } }', {}, admin);
    expect(users.data.users.map((u: { email: string }) => u.email)).toEqual(['admin@example.org', 'coordinator@panama.example']);
  });

  it('never returns a password or its hash', async () => {
    const schema = await t.gql('{ __type(name: "User") { fields { name } } }', {}, admin);
    const fields = schema.data.__type.fields.map((f: { name: string }) => f.name);
    expect(fields).toEqual(expect.arrayContaining(['id', 'email', 'displayName', 'role', 'organization']));
    expect(fields.some((name: string) => /password|hash/i.test(name))).toBe(false);
  });
});

describe('npm run user:create', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  function createUser(args: string[], password: string): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [join(process.cwd(), 'dist/src/cli/create-user.js'), ...args], {
        env: { ...process.env, ...t.env, USER_PASSWORD: password },
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

  withServer('creates a user and their organization from the command line', async () => {
    const result = await createUser(
      [
        '--email',
        'cli@cmc.example',
        '--name',
        'CMC Partner',
        '--role',
        'PARTNER',
        '--organization',
        'Cluster Munition Coalition',
        '--kind',
        'CIVIL_SOCIETY',
      ],
      'a password from the environment',
    );
    expect(result).toEqual({ code: 0, output: 'Created PARTNER cli@cmc.example in Cluster Munition Coalition\n' });
    const token = await t.login('cli@cmc.example', 'a password from the environment');
    const me = await t.gql('{ me { role organization { name kind } } }', {}, token);
    expect(me.data.me).toEqual({ role: 'PARTNER', organization: { name: 'Cluster Munition Coalition', kind: 'CIVIL_SOCIETY' } });
  });

  it('refuses a short or very common password and bad arguments with a clear message', async () => {
    const short = await createUser(['--email', 'a@b.example', '--name', 'A', '--role', 'PARTNER', '--organization', 'X'], 'short');
    expect(short.code).toBe(1);
    expect(short.output).toContain('at least 12 characters');
    const common = await createUser(['--email', 'a@b.example', '--name', 'A', '--role', 'PARTNER', '--organization', 'X'], 'Qwerty123456');
    expect(common.code).toBe(1);
    expect(common.output).toContain('one of the 10,000 most used passwords');
    const badRole = await createUser(
      ['--email', 'a@b.example', '--name', 'A', '--role', 'KING', '--organization', 'X'],
      'long enough password',
    );
    expect(badRole.code).toBe(1);
    expect(badRole.output).toContain('--role must be ADMIN, COORDINATOR or PARTNER');
  });
});
