import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '../common/enums.js';
import type { Queryable } from '../common/sql.js';
import type { User } from './user.model.js';

/** A user's columns (alias `u`), as every read of one returns them. */
export const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.role, u.organization_id AS "organizationId",
  u.disabled_at IS NOT NULL AS disabled`;

export interface UserWithSecret extends User {
  passwordHash: string;
  disabled: boolean;
}

export interface NewUser {
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  organizationId: string;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  async byEmail(email: string): Promise<UserWithSecret | null> {
    const rows = await this.db.query(
      `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash"
       FROM users u WHERE u.email = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  /** An enabled user, or null. */
  async activeById(id: string): Promise<User | null> {
    const rows = await this.db.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1 AND u.disabled_at IS NULL`, [id]);
    return rows[0] ?? null;
  }

  /** Disables or enables an account; returns the user, or null when unknown. */
  async setDisabled(id: string, disabled: boolean, db: Queryable): Promise<User | null> {
    const rows = await db.query(
      `UPDATE users u SET disabled_at = CASE WHEN $2 THEN coalesce(u.disabled_at, now()) END, updated_at = now()
       WHERE u.id = $1 RETURNING ${USER_COLUMNS}`,
      [id, disabled],
    );
    return rows[0]?.[0] ?? null;
  }

  /** Changes a user's role, organization or display name (those given); returns the user, or null when unknown. */
  async update(id: string, changes: { role?: Role; organizationId?: string; displayName?: string }, db: Queryable): Promise<User | null> {
    const rows = await db.query(
      `UPDATE users u SET role = coalesce($2, u.role), organization_id = coalesce($3, u.organization_id),
         display_name = coalesce($4, u.display_name), updated_at = now()
       WHERE u.id = $1 RETURNING ${USER_COLUMNS}`,
      [id, changes.role ?? null, changes.organizationId ?? null, changes.displayName ?? null],
    );
    return rows[0]?.[0] ?? null;
  }

  byIds(ids: readonly string[]): Promise<User[]> {
    return this.db.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ANY($1::uuid[])`, [ids]);
  }

  list(): Promise<User[]> {
    return this.db.query(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.email`);
  }

  async count(db: Queryable = this.db): Promise<number> {
    return (await db.query('SELECT count(*) AS n FROM users'))[0].n;
  }

  /** Inserts unless the e-mail is taken; returns the new user or null. */
  async insert(user: NewUser, db: Queryable = this.db): Promise<User | null> {
    const rows = await db.query(
      `INSERT INTO users AS u (id, email, password_hash, display_name, role, organization_id)
       VALUES ($1, lower($2), $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING ${USER_COLUMNS}`,
      [user.id, user.email, user.passwordHash, user.displayName, user.role, user.organizationId],
    );
    return rows[0] ?? null;
  }
}
