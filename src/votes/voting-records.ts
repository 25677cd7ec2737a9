import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { votingRecord, type RecordedVote, type VotingRecord } from './voting-record.js';

/**
 * The last public-data import, as an SQL expression. Only that import writes votes, so this id
 * changes whenever they may have; a statement that selects it says which votes it goes with.
 */
export const LAST_IMPORT_SQL = '(SELECT id::text FROM data_imports ORDER BY imported_at DESC, id DESC LIMIT 1)';

/** A State's votes, newest resolution first, and what they add up to. */
export interface StateVoting {
  votes: RecordedVote[];
  record: VotingRecord;
}

const NO_VOTES: StateVoting = { votes: [], record: votingRecord([]) };

interface Snapshot {
  importId: string | null;
  byState: Map<string, StateVoting>;
}

/** The last import's id, and every State's votes by its code, newest first (as `read` selects them). */
interface SnapshotRow {
  importId: string | null;
  votes: Record<string, RecordedVote[]>;
}

/**
 * Every State's votes on the annual CCM resolutions, and its voting record, kept in memory: they
 * change once a year, with the public data. The targets list reads the last import's id in its
 * own statement and asks for the votes of that import; after another import (this instance's at
 * start-up, or another process's), the votes are read again, once, by the first request to see it.
 */
@Injectable()
export class VotingRecords implements OnApplicationBootstrap {
  private snapshot: Promise<Snapshot> | null = null;

  constructor(private readonly db: DataSource) {}

  /** Read before the first request (not when the application is only built for its schema). */
  async onApplicationBootstrap(): Promise<void> {
    if (this.db.isInitialized) await this.reload();
  }

  /** The votes of each State as of the import `importId` (or of a later one). */
  async asOfImport(importId: string | null): Promise<(iso3: string) => StateVoting> {
    for (let attempt = 0; ; attempt++) {
      const pending = this.snapshot ?? this.reload();
      const { importId: read, byState } = await pending;
      if (read === importId || attempt === 1) return (iso3) => byState.get(iso3) ?? NO_VOTES;
      // Out of date: read again, once for every request that found the same copy out of date.
      if (this.snapshot === pending) void this.reload();
    }
  }

  private reload(): Promise<Snapshot> {
    const read = this.read();
    this.snapshot = read;
    read.catch(() => {
      if (this.snapshot === read) this.snapshot = null;
    });
    return read;
  }

  /** The votes and the import they belong to, in one statement (so, one snapshot of the database). */
  private async read(): Promise<Snapshot> {
    const [row] = await this.db.query<SnapshotRow[]>(
      `SELECT ${LAST_IMPORT_SQL} AS "importId",
         coalesce((SELECT json_object_agg(iso3, votes) FROM (
           SELECT v.state_iso3 AS iso3,
                  json_agg(json_build_object('choice', v.choice, 'symbol', r.symbol, 'adoptedOn', r.adopted_on)
                           ORDER BY r.adopted_on DESC, r.symbol DESC) AS votes
           FROM votes v JOIN resolutions r ON r.symbol = v.resolution_symbol
           GROUP BY v.state_iso3) x), '{}') AS votes`,
    );
    const byState = new Map(Object.entries(row.votes).map(([iso3, votes]) => [iso3, { votes, record: votingRecord(votes) }]));
    return { importId: row.importId, byState };
  }
}
