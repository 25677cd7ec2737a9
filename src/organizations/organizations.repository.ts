import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import { OrganizationKind } from '../common/enums.js';
import { closeness, searchKey, searchWords, wordsMatch } from '../common/search.js';
import { SqlParams } from '../common/sql.js';
import { table } from '../database/table.js';
import { OrganizationEntity } from './organization.entity.js';
import type { Organization } from './organization.model.js';

/** An organization's columns (alias `o`), as every read of one returns them. */
export const ORGANIZATION_COLUMNS = table(OrganizationEntity).select('o', { omit: ['createdAt'] });

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly db: Db) {}

  /** Every organization by name; with a search, those whose name has every word of it, the closest first. */
  list(search?: string): Promise<Organization[]> {
    if (!search?.trim()) return this.db.query<Organization[]>('SELECT id, name, kind FROM organizations ORDER BY name');
    const p = new SqlParams();
    const key = searchKey('o.name');
    return this.db.query<Organization[]>(
      `SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE ${wordsMatch(p, [key], searchWords(search))}
       ORDER BY ${closeness(p, key, search.trim())}, o.name`,
      p.values,
    );
  }

  byIds(ids: readonly string[]): Promise<Organization[]> {
    return this.db.query<Organization[]>(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids]);
  }

  async byName(name: string): Promise<Organization | null> {
    const rows = await this.db.query<Organization[]>('SELECT id, name, kind FROM organizations WHERE lower(name) = lower($1)', [name]);
    return rows[0] ?? null;
  }

  /** Inserts unless the name is taken; returns the new row or null. */
  async insert(org: { id: string; name: string; kind: OrganizationKind }): Promise<Organization | null> {
    const rows = await this.db.query<Organization[]>(
      `INSERT INTO organizations (id, name, kind) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING id, name, kind`,
      [org.id, org.name, org.kind],
    );
    return rows[0] ?? null;
  }
}
