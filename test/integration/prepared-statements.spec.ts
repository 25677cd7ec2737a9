import { loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/database/data-source.js';
import { PreparingClient } from '../../src/database/prepared-statements.js';
import { pagedSql } from '../../src/common/sql.js';
import { provisionDatabase, type ProvisionedDatabase } from '../support/provision.js';

// Prepared statements are for a PostgreSQL server; the embedded database runs without them.
const describeWithServer = process.env.DATABASE_URL ? describe : describe.skip;

describeWithServer('prepared statements on a PostgreSQL server', () => {
  let database: ProvisionedDatabase;
  let client: PreparingClient;

  const prepared = async (): Promise<{ name: string; statement: string }[]> =>
    (await client.query('SELECT name, statement FROM pg_prepared_statements ORDER BY prepare_time')).rows;

  beforeAll(async () => {
    database = await provisionDatabase();
    client = new PreparingClient({ connectionString: database.env.DATABASE_URL });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.dispose();
  });

  it('prepares a statement with parameters once per connection, and runs it again by name', async () => {
    const text = 'SELECT $1::int + 1 AS n';
    expect((await client.query(text, [1])).rows).toEqual([{ n: 2 }]);
    expect((await client.query(text, [41])).rows).toEqual([{ n: 42 }]);
    const statements = (await prepared()).filter((s) => s.statement === text);
    expect(statements).toHaveLength(1);
    expect(statements[0].name).toMatch(/^r_[\w-]{20}$/);
  });

  it('runs statements without parameters as before, scripts of several statements included', async () => {
    const before = (await prepared()).length;
    await client.query('CREATE TEMP TABLE t (n int); INSERT INTO t VALUES (1), (2)');
    expect((await client.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 2 }]);
    expect(await prepared()).toHaveLength(before);
  });

  it('reports a statement that fails to parse, and runs it once it is fixed', async () => {
    await expect(client.query('SELECT $1::int FROM nowhere', [1])).rejects.toThrow(/nowhere/);
    await client.query('CREATE TEMP TABLE nowhere (n int)');
    expect((await client.query('SELECT $1::int AS n FROM nowhere', [1])).rows).toEqual([]);
  });

  it("plans a page once: its LIMIT is in the statement, so the generic plan knows it reads a page's rows", async () => {
    const handle = await openDatabase(loadConfig({ ...process.env, ...database.env, DB_POOL_SIZE: '1' }));
    try {
      await handle.dataSource.query(`CREATE TEMP TABLE people AS SELECT n AS id, md5(n::text) AS name FROM generate_series(1, 5000) n;
        CREATE INDEX ON people (name, id); ANALYZE people`);
      const filtered = 'SELECT p.id, p.name FROM people p WHERE p.name >= $1';
      const page = pagedSql(filtered, null, 'name, id', { first: 20, withTotal: false });
      // The same statement with its LIMIT as a parameter: PostgreSQL assumes a tenth of the rows
      // for it, judges the generic plan dearer and plans again on every execution.
      const withParameter = page.replace('LIMIT 21', 'LIMIT $2');
      for (let i = 0; i < 8; i++) {
        await handle.dataSource.query(page, ['a']);
        await handle.dataSource.query(withParameter, ['a', 21]);
      }
      const plans = async (statement: string) =>
        (
          await handle.dataSource.query(
            'SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement = $1',
            [statement],
          )
        )[0];
      expect(page).toContain('LIMIT 21');
      expect(await plans(page)).toEqual({ generic: expect.any(Number), custom: 5 });
      expect((await plans(page)).generic).toBeGreaterThanOrEqual(3);
      expect(await plans(withParameter)).toEqual({ generic: 0, custom: 8 });
    } finally {
      await handle.close();
    }
  });

  it('is what the service connects with, unless DB_PREPARED_STATEMENTS=false', async () => {
    for (const [setting, expected] of [
      ['true', 1],
      ['false', 0],
    ] as const) {
      const handle = await openDatabase(
        loadConfig({ ...process.env, ...database.env, DB_PREPARED_STATEMENTS: setting, DB_POOL_SIZE: '1' }),
      );
      try {
        const rows = await handle.dataSource.query('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE $1', [
          '%pg_prepared_statements%',
        ]);
        expect(rows).toEqual([{ n: expected }]);
      } finally {
        await handle.close();
      }
    }
  });
});
