import { ADMIN, type TestApp } from './app.js';

export interface Actor {
  id: string;
  organizationId: string;
  token: string;
}

export interface Cast {
  admin: Actor;
  /** Coordinator of a government (France). */
  france: Actor;
  /** Coordinator of another government (Panama). */
  panama: Actor;
  /** Civil-society partner (the Cluster Munition Coalition). */
  partner: Actor;
}

export const PASSWORD = 'a-long-test-password';

/** Two coordinating governments and a partner, created through the API as the admin. */
export async function createCast(t: TestApp): Promise<Cast> {
  const adminToken = await t.login(ADMIN.email, ADMIN.password);
  const me = await t.gql('{ me { id organization { id } } }', {}, adminToken);
  const admin = { id: me.data.me.id, organizationId: me.data.me.organization.id, token: adminToken };

  return {
    admin,
    france: await createActor(t, adminToken, { organization: 'France', email: 'coordinator@france.example' }),
    panama: await createActor(t, adminToken, { organization: 'Panama', email: 'coordinator@panama.example' }),
    partner: await createActor(t, adminToken, {
      organization: 'Cluster Munition Coalition',
      kind: 'CIVIL_SOCIETY',
      email: 'partner@cmc.example',
      role: 'PARTNER',
    }),
  };
}

/**
 * A new organization (a government unless `kind` says otherwise) and one user of it (a coordinator
 * unless `role` says otherwise, named after the e-mail's local part unless `displayName` is given),
 * created through the API by the admin whose token is given; signed in.
 */
export async function createActor(
  t: TestApp,
  adminToken: string,
  { organization, email, kind = 'GOVERNMENT', role = 'COORDINATOR', displayName = email.split('@')[0] }: ActorSpec,
): Promise<Actor> {
  const created = await t.gql(
    'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
    { input: { name: organization, kind } },
    adminToken,
  );
  if (!created.data) throw new Error(`createOrganization: ${JSON.stringify(created.errors)}`);
  const organizationId = created.data.createOrganization.id;
  const user = await t.gql(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, displayName, role, organizationId, password: PASSWORD } },
    adminToken,
  );
  if (!user.data) throw new Error(`createUser: ${JSON.stringify(user.errors)}`);
  return { id: user.data.createUser.id, organizationId, token: await t.login(email, PASSWORD) };
}

export interface ActorSpec {
  organization: string;
  email: string;
  kind?: 'GOVERNMENT' | 'CIVIL_SOCIETY' | 'INTERNATIONAL_ORGANIZATION' | 'SECRETARIAT';
  role?: 'COORDINATOR' | 'PARTNER' | 'ADMIN';
  displayName?: string;
}
