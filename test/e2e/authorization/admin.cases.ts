import type { TestApp } from '../../support/app.js';
import type { MatrixCase, Outcome } from '../../support/authorization.js';
import type { Cast } from '../../support/fixtures.js';
import { PASSWORD } from '../../support/fixtures.js';

/** Only an admin: every coordinator and partner is refused, and a caller without a token must sign in. */
const ADMINS_ONLY: Record<'admin' | 'france' | 'panama' | 'partner' | 'anonymous', Outcome> = {
  admin: 'ok',
  france: 'FORBIDDEN',
  panama: 'FORBIDDEN',
  partner: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
};

const SOURCE = 'https://treaties.un.org/doc/Publication/CN/2001/CN.1.2001-Eng.pdf';
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const RECORD_ACTION = `mutation($input: RecordTreatyActionInput!) { recordTreatyAction(input: $input) { id version } }`;

let users = 0;
/** A fresh account of France (made by the admin), for the rows that change an account. */
async function throwawayUser(t: TestApp, cast: Cast): Promise<string> {
  const email = `matrix-user-${++users}@france.example`;
  const created = await t.gql(
    CREATE_USER,
    { input: { email, displayName: email, role: 'COORDINATOR', organizationId: cast.france.organizationId, password: PASSWORD } },
    cast.admin.token,
  );
  return created.data.createUser.id as string;
}

/** A signature of Bhutan recorded by the admin (Bhutan is in no other row). */
async function bhutanSignature(t: TestApp, cast: Cast, date: string): Promise<{ id: string; version: number }> {
  const recorded = await t.gql(
    RECORD_ACTION,
    { input: { stateIso3: 'BTN', action: 'SIGNATURE', date, sourceUrl: SOURCE } },
    cast.admin.token,
  );
  return recorded.data.recordTreatyAction;
}

const run =
  (query: string, variables: (context: any, caller: string) => Record<string, unknown> = () => ({})) =>
  (t: TestApp, _cast: Cast, token: string | null, context: any, caller: string) =>
    t.gql(query, variables(context, caller), token ?? undefined);

/**
 * The administration of the instance: accounts, organizations, the audit log and the public record
 * (treaty actions, resolutions and their votes). Each row that changes something acts on what its
 * setup made for it (a throwaway account, Bhutan, a resolution of 2001), so that no other row sees
 * a difference.
 */
export const ADMIN_CASES: MatrixCase[] = [
  {
    name: 'users: list every account',
    run: run('{ users { id email } }'),
    seen: (response) => (response.data?.users ?? []).some((user: { email: string }) => user.email === 'coordinator@panama.example'),
    expect: ADMINS_ONLY,
  },
  {
    name: 'auditLog: who changed what',
    run: run('{ auditLog(first: 5) { edges { node { action } } } }'),
    seen: (response) => (response.data?.auditLog.edges.length ?? 0) > 0,
    expect: ADMINS_ONLY,
  },
  {
    name: 'createOrganization',
    run: run(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, (_context, caller) => ({
      input: { name: `Matrix organization of ${caller}`, kind: 'GOVERNMENT' },
    })),
    seen: (response) => !!response.data?.createOrganization.id,
    expect: ADMINS_ONLY,
  },
  {
    name: 'createUser',
    run: (t, cast, token, _context, caller) =>
      t.gql(
        CREATE_USER,
        {
          input: {
            email: `created-by-${caller}@france.example`,
            displayName: caller,
            role: 'COORDINATOR',
            organizationId: cast.france.organizationId,
            password: PASSWORD,
          },
        },
        token ?? undefined,
      ),
    seen: (response) => !!response.data?.createUser.id,
    expect: ADMINS_ONLY,
  },
  {
    name: "updateUser: change an account's role",
    setup: throwawayUser,
    run: run(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id role } }`, (id) => ({ input: { id, role: 'PARTNER' } })),
    seen: (response) => response.data?.updateUser.role === 'PARTNER',
    expect: ADMINS_ONLY,
  },
  {
    name: 'disableUser',
    setup: throwawayUser,
    run: run(`mutation($id: ID!) { disableUser(id: $id) { id } }`, (id) => ({ id })),
    seen: (response) => !!response.data?.disableUser.id,
    expect: ADMINS_ONLY,
  },
  {
    name: 'enableUser',
    setup: throwawayUser,
    run: run(`mutation($id: ID!) { enableUser(id: $id) { id } }`, (id) => ({ id })),
    seen: (response) => !!response.data?.enableUser.id,
    expect: ADMINS_ONLY,
  },
  {
    name: 'resetPassword',
    setup: throwawayUser,
    run: run(
      `mutation($userId: ID!, $newPassword: String!) { resetPassword(userId: $userId, newPassword: $newPassword) { id } }`,
      (userId) => ({
        userId,
        newPassword: 'a new long password for the matrix',
      }),
    ),
    seen: (response) => !!response.data?.resetPassword.id,
    expect: ADMINS_ONLY,
  },
  {
    name: 'recordTreatyAction',
    run: run(RECORD_ACTION, (_context, caller) => ({
      input: { stateIso3: 'BTN', action: 'SIGNATURE', date: caller === 'admin' ? '2009-01-05' : '2009-01-06', sourceUrl: SOURCE },
    })),
    seen: (response) => !!response.data?.recordTreatyAction.id,
    expect: ADMINS_ONLY,
  },
  {
    name: 'updateTreatyAction',
    setup: (t, cast) => bhutanSignature(t, cast, '2009-02-02'),
    run: run(`mutation($input: UpdateTreatyActionInput!) { updateTreatyAction(input: $input) { id } }`, (action) => ({
      input: { id: action.id, expectedVersion: action.version, note: 'Corrected in the matrix' },
    })),
    seen: (response) => !!response.data?.updateTreatyAction.id,
    expect: ADMINS_ONLY,
  },
  {
    name: 'deleteTreatyAction',
    setup: (t, cast) => bhutanSignature(t, cast, '2009-03-03'),
    run: run(`mutation($id: ID!, $expectedVersion: Int!) { deleteTreatyAction(id: $id, expectedVersion: $expectedVersion) }`, (action) => ({
      id: action.id,
      expectedVersion: action.version,
    })),
    seen: (response) => !!response.data?.deleteTreatyAction,
    expect: ADMINS_ONLY,
  },
  {
    name: 'recordResolution',
    run: run(`mutation($input: RecordResolutionInput!) { recordResolution(input: $input) { symbol } }`, () => ({
      input: { symbol: 'A/RES/55/997', date: '2001-01-03', yes: 1, no: 0, abstain: 0, votes: [{ stateIso3: 'BTN', vote: 'YES' }] },
    })),
    seen: (response) => response.data?.recordResolution.symbol === 'A/RES/55/997',
    expect: ADMINS_ONLY,
  },
  {
    name: 'importVotingRecord: a UN Digital Library voting-record file',
    run: run(`mutation($csv: String!) { importVotingRecord(csv: $csv) { symbol } }`, () => ({
      csv: [
        'ms_code,ms_vote,date,resolution,title,total_yes,total_no,total_abstentions,total_non_voting,undl_link',
        'BTN,Y,2001-01-04,A/RES/55/998,A resolution of the matrix,1,0,0,0,https://digitallibrary.un.org/record/1',
      ].join('\n'),
    })),
    seen: (response) => response.data?.importVotingRecord.symbol === 'A/RES/55/998',
    expect: ADMINS_ONLY,
  },
];
