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

  async function actor(org: string, kind: string, email: string, role: string): Promise<Actor> {
    const created = await t.gql(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { name: org, kind } },
      adminToken,
    );
    const organizationId = created.data.createOrganization.id;
    const user = await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email, displayName: email.split('@')[0], role, organizationId, password: PASSWORD } },
      adminToken,
    );
    return { id: user.data.createUser.id, organizationId, token: await t.login(email, PASSWORD) };
  }

  return {
    admin,
    france: await actor('France', 'GOVERNMENT', 'coordinator@france.example', 'COORDINATOR'),
    panama: await actor('Panama', 'GOVERNMENT', 'coordinator@panama.example', 'COORDINATOR'),
    partner: await actor('Cluster Munition Coalition', 'CIVIL_SOCIETY', 'partner@cmc.example', 'PARTNER'),
  };
}
