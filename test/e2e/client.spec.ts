import { ClientError, GraphQLClient, gql } from 'graphql-request';
import { startTestApp, type TestApp } from '../support/app.js';
import { createCast } from '../support/fixtures.js';

const LOGIN = gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user {
        email
        role
      }
    }
  }
`;

const TARGETS = gql`
  query Targets($filter: TargetFilter, $first: Int) {
    targets(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          rank
          score
          state {
            iso3
            name
            subregion
            treatyStatus
          }
        }
      }
    }
  }
`;

const LOG = gql`
  mutation Log($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      id
      version
    }
  }
`;

const READ = gql`
  query Read($id: ID!) {
    interaction(id: $id) {
      id
      type
      occurredOn
      subject
      visibility
      states {
        iso3
      }
      author {
        email
      }
    }
  }
`;

interface TargetsResult {
  targets: {
    totalCount: number;
    edges: { node: { rank: number; score: number; state: { iso3: string; subregion: string; treatyStatus: string } } }[];
  };
}

/** The service as a third-party client sees it: graphql-request, with variables and operation names. */
describe('a standard GraphQL client (graphql-request)', () => {
  let t: TestApp;
  let client: GraphQLClient;

  beforeAll(async () => {
    t = await startTestApp();
    await createCast(t);
    const anonymous = new GraphQLClient(`${t.url}/graphql`);
    const { login } = await anonymous.request<{ login: { token: string; user: { email: string; role: string } } }>(LOGIN, {
      email: 'coordinator@france.example',
      password: 'a-long-test-password',
    });
    expect(login.user).toEqual({ email: 'coordinator@france.example', role: 'COORDINATOR' });
    client = new GraphQLClient(`${t.url}/graphql`, { headers: { authorization: `Bearer ${login.token}` } });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('ranks targets with a filter and a page size given as variables', async () => {
    const filter = { subregions: ['Melanesia', 'Micronesia', 'Polynesia'], treatyStatuses: ['SIGNATORY', 'NOT_SIGNED'] };
    const { targets } = await client.request<TargetsResult>(TARGETS, { filter, first: 3 });
    expect(targets.totalCount).toBeGreaterThan(3);
    expect(targets.edges).toHaveLength(3);
    expect(targets.edges.map((e) => e.node.rank)).toEqual([1, 2, 3]);
    for (const { node } of targets.edges) {
      expect(filter.subregions).toContain(node.state.subregion);
      expect(filter.treatyStatuses).toContain(node.state.treatyStatus);
    }
  });

  it('logs an interaction with variables and reads it back by id', async () => {
    const input = {
      type: 'BILATERAL_MEETING',
      occurredOn: '2026-11-20',
      subject: 'Meeting with the Permanent Mission in Geneva',
      visibility: 'COORDINATORS',
      stateIso3s: ['KIR'],
    };
    const { logInteraction } = await client.request<{ logInteraction: { id: string; version: number } }>(LOG, { input });
    expect(logInteraction.version).toBe(1);

    const { interaction } = await client.request<{ interaction: Record<string, unknown> }>(READ, { id: logInteraction.id });
    expect(interaction).toEqual({
      id: logInteraction.id,
      type: 'BILATERAL_MEETING',
      occurredOn: '2026-11-20',
      subject: input.subject,
      visibility: 'COORDINATORS',
      states: [{ iso3: 'KIR' }],
      author: { email: 'coordinator@france.example' },
    });
  });

  it('surfaces request errors as a ClientError with the status and the error code', async () => {
    const failure = await client
      .request(gql`
        {
          targets(first: "ten") {
            totalCount
          }
        }
      `)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ClientError);
    const { response } = failure as ClientError;
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
