import { Logger } from '@nestjs/common';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../config/config.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite keeps one writer per folder: a pid file keeps a second process out. */
function takeLock(dir: string): () => void {
  const file = join(dirname(dir), `${dir.split('/').pop()}.pid`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && processAlive(holder)) {
        throw new ConfigError(`the embedded database in ${dir} is in use by process ${holder}; stop it first, or set DATABASE_URL`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new ConfigError(`could not lock the embedded database in ${dir}`);
}

/**
 * Starts real PostgreSQL (PGlite, compiled to WebAssembly) persisted in `dir`, served on a
 * free loopback port so that the ordinary `pg` driver reaches it. It serves one
 * connection at a time: give the pool one connection.
 */
export async function startEmbeddedDatabase(dir: string): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedDatabase');
  mkdirSync(dir, { recursive: true });
  const unlock = takeLock(dir);
  try {
    // Loaded here, so that a service on a PostgreSQL server never loads them.
    const [{ PGlite }, { unaccent }, { pg_trgm }, { PGLiteSocketServer }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/unaccent'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('@electric-sql/pglite-socket'),
    ]);
    const db = await PGlite.create(dir, { extensions: { unaccent, pg_trgm } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
    await server.start();
    const address = server.getServerConn();
    logger.log(`embedded PostgreSQL in ${dir}, serving on ${address}`);
    let stopped = false;
    return {
      url: `postgres://postgres@${address}/postgres`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
