import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../../src/database/embedded.js';
import { sleep, startService, type Service } from '../support/service.js';

/**
 * kill -9 during the first-start import of the embedded database, at several points of it:
 * the next start must succeed (despite the stale pid lock file) and leave the public data
 * loaded exactly once.
 */

const LOADING = /loading the public data/;
const LOADED = /loaded the public data/;

interface Counts {
  states: number;
  votes: number;
  resolutions: number;
  imports: number;
  stageChanges: number;
  statesWithoutOneInitialStage: number;
}

/** Reads the embedded database in `dataDir` (with the service stopped). */
async function inspect(dataDir: string): Promise<Counts> {
  const database = await startEmbeddedDatabase(join(dataDir, 'pglite'));
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
    const count = async (sql: string) => Number((await client.query(sql)).rows[0].n);
    return {
      states: await count('SELECT count(*) AS n FROM states'),
      votes: await count('SELECT count(*) AS n FROM votes'),
      resolutions: await count('SELECT count(*) AS n FROM resolutions'),
      imports: await count('SELECT count(*) AS n FROM data_imports'),
      stageChanges: await count('SELECT count(*) AS n FROM stage_changes'),
      statesWithoutOneInitialStage: await count(
        `SELECT count(*) AS n FROM states s
         WHERE (SELECT count(*) FROM stage_changes c WHERE c.state_iso3 = s.iso3 AND c.from_stage IS NULL) <> 1`,
      ),
    };
  } finally {
    await client.end();
    await database.stop();
  }
}

const CONSISTENT: Counts = { states: 197, votes: 1930, resolutions: 10, imports: 1, stageChanges: 197, statesWithoutOneInitialStage: 0 };

async function stop(service: Service): Promise<number | string> {
  service.child.kill('SIGTERM');
  return service.exited;
}

describe('embedded database: kill -9 during the first-start import', () => {
  const dirs: string[] = [];
  const freshDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratify-crash-'));
    dirs.push(dir);
    return dir;
  };
  const embedded = (dataDir: string) => ({ DATABASE_URL: '', DATA_DIR: dataDir });

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  let importMs: number;

  it('a clean first start loads the public data once (and tells how long the import takes)', async () => {
    const dataDir = freshDataDir();
    const service = startService(embedded(dataDir));
    await service.waitFor(LOADING);
    const started = Date.now();
    await service.waitFor(LOADED);
    importMs = Date.now() - started;
    await service.url;
    expect(await stop(service)).toBe(0);
    console.log(`the first-start import took ${importMs} ms`);
    expect(await inspect(dataDir)).toEqual(CONSISTENT);
  }, 120_000);

  /** Starts on a fresh folder, kills it `delay` ms after the import is announced, starts again. */
  async function crashAndRestart(delay: number): Promise<{ committed: boolean }> {
    const dataDir = freshDataDir();
    const lockFile = join(dataDir, 'pglite.pid');
    const first = startService(embedded(dataDir));
    await first.waitFor(LOADING);
    await sleep(delay);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const loggedBeforeKill = LOADED.test(first.output());

    // The pid lock file is left behind, naming the dead process; the next start must see through it.
    expect(Number(readFileSync(lockFile, 'utf8'))).toBe(first.child.pid);
    const second = startService(embedded(dataDir));
    await second.url;
    const reimported = LOADED.test(second.output());
    expect(await stop(second)).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
    // The restart imports the data unless the killed process had committed it.
    const committed = !reimported;
    console.log(`killed ${delay} ms after the import was announced: ${committed ? 'after' : 'before'} it committed`);
    if (loggedBeforeKill) expect(committed).toBe(true);
    expect(await inspect(dataDir)).toEqual(CONSISTENT);
    return { committed };
  }

  it('after a kill at any point of the import, it starts again and the data is loaded exactly once', async () => {
    // The import lasts a few hundred milliseconds, and that varies with the machine's load:
    // the kill points close in on the moment it commits (where the transaction is open), by
    // bisecting between the latest kill that came before the commit and the earliest after.
    let before = 0;
    let after: number | undefined;
    const outcomes: boolean[] = [];
    for (let round = 0; round < 8; round++) {
      const delay = round === 0 ? 0 : Math.round(after === undefined ? before + importMs : (before + after) / 2);
      const { committed } = await crashAndRestart(delay);
      outcomes.push(committed);
      if (committed) after = Math.min(after ?? delay, delay);
      else before = Math.max(before, delay);
      if (after !== undefined && after <= before) after = before + Math.round(importMs / 4);
    }
    // Both sides of the commit were hit.
    expect(outcomes).toContain(false);
    expect(outcomes).toContain(true);
  }, 300_000);
});
