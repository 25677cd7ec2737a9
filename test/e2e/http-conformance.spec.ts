import { auditServer, type AuditResult } from 'graphql-http';
import { startTestApp, type TestApp } from '../support/app.js';

/** "warn SHOULD use 400 status code …: Response status code is not 400" */
const describeFailures = (results: AuditResult[]) =>
  results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.name}: ${'reason' in r ? r.reason : ''}`);

describe('GraphQL over HTTP conformance (the graphql-http audit)', () => {
  let t: TestApp;
  let results: AuditResult[];

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_ON_START: 'false' });
    results = await auditServer({ url: `${t.url}/graphql` });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('runs the whole audit', () => {
    expect(results.length).toBeGreaterThanOrEqual(60);
  });

  it('passes every MUST', () => {
    expect(describeFailures(results.filter((r) => r.name.startsWith('MUST')))).toEqual([]);
  });

  it('passes every SHOULD and MAY as well', () => {
    expect(describeFailures(results)).toEqual([]);
  });

  it('answers introspection and suggests field names outside production, without a token', async () => {
    const schema = await t.gql('{ __schema { queryType { name } } }');
    expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const misspelt = await t.gql('{ stats { totalCount } }');
    expect(misspelt.errors?.[0].message).toMatch(/^Cannot query field "stats" on type "Query". Did you mean .*"states"\?$/);
  });
});
