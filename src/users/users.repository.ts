import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import { Role } from '../common/enums.js';
import { table } from '../database/table.js';
import { UserEntity } from './user.entity.js';
import type { User } from './user.model.js';

/** A user's columns (alias `u`), as every read of one returns them: never the password hash nor the token generation. */
export const USER_COLUMNS = table(UserEntity).select('u', {
  omit: ['passwordHash', 'tokenGeneration', 'preferredLanguage', 'disabledAt', 'createdAt', 'updatedAt'],
  extra: (u) => [`${u}disabled_at IS NOT NULL AS disabled`],
});

export interface UserWithSecret extends User {
  passwordHash: string;
  disabled: boolean;
  tokenGeneration: number;
}

/** An enabled user as a request's token is checked against: the tokens still valid are of this generation and not revoked. */
export interface ActiveUser extends User {
  tokenGeneration: number;
  /** The ids of this user's tokens signed out before their expiry. */
  revokedTokenIds: string[];
}

/** A user with their token generation, as a password change returns them. */
type UserWithGeneration = User & { tokenGeneration: number };

interface PreferredLanguageRow {
  preferredLanguage: string | null;
}

interface CountRow {
  n: number;
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
  constructor(private readonly db: Db) {}

  async byEmail(email: string): Promise<UserWithSecret | null> {
    const rows = await this.db.query<UserWithSecret[]>(
      `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash", u.token_generation AS "tokenGeneration"
       FROM users u WHERE u.email = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  /** An enabled user with their password hash, or null. */
  async activeWithSecret(id: string): Promise<UserWithSecret | null> {
    const rows = await this.db.query<UserWithSecret[]>(
      `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash", u.token_generation AS "tokenGeneration"
       FROM users u WHERE u.id = $1 AND u.disabled_at IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** An enabled user, with what decides which of their tokens are valid, or null. */
  async activeById(id: string): Promise<ActiveUser | null> {
    const rows = await this.db.query<ActiveUser[]>(
      `SELECT ${USER_COLUMNS}, u.token_generation AS "tokenGeneration",
         ARRAY(SELECT r.token_id::text FROM revoked_tokens r WHERE r.user_id = u.id AND r.expires_at > now()) AS "revokedTokenIds"
       FROM users u WHERE u.id = $1 AND u.disabled_at IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Sets a new password and raises the token generation (every token issued before stops working); null when unknown. */
  async setPassword(id: string, passwordHash: string): Promise<UserWithGeneration | null> {
    const rows = await this.db.query<[UserWithGeneration[], number]>(
      `UPDATE users u SET password_hash = $2, token_generation = u.token_generation + 1, updated_at = now()
       WHERE u.id = $1 RETURNING ${USER_COLUMNS}, u.token_generation AS "tokenGeneration"`,
      [id, passwordHash],
    );
    return rows[0]?.[0] ?? null;
  }

  /** Revokes every token of a user issued so far. */
  async raiseTokenGeneration(id: string): Promise<void> {
    await this.db.query(`UPDATE users SET token_generation = token_generation + 1, updated_at = now() WHERE id = $1`, [id]);
  }

  /** Revokes one token until it expires; forgets the revocations of tokens that have expired since. */
  async revokeToken(tokenId: string, userId: string, expiresAt: Date): Promise<void> {
    await this.db.query(`DELETE FROM revoked_tokens WHERE expires_at <= now()`);
    await this.db.query(
      `INSERT INTO revoked_tokens (token_id, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (token_id) DO NOTHING`,
      [tokenId, userId, expiresAt],
    );
  }

  /** Disables or enables an account; returns the user, or null when unknown. */
  async setDisabled(id: string, disabled: boolean): Promise<User | null> {
    const rows = await this.db.query<[User[], number]>(
      `UPDATE users u SET disabled_at = CASE WHEN $2 THEN coalesce(u.disabled_at, now()) END, updated_at = now()
       WHERE u.id = $1 RETURNING ${USER_COLUMNS}`,
      [id, disabled],
    );
    return rows[0]?.[0] ?? null;
  }

  /** Changes a user's role, organization or display name (those given); returns the user, or null when unknown. */
  async update(id: string, changes: { role?: Role; organizationId?: string; displayName?: string }): Promise<User | null> {
    const rows = await this.db.query<[User[], number]>(
      `UPDATE users u SET role = coalesce($2, u.role), organization_id = coalesce($3, u.organization_id),
         display_name = coalesce($4, u.display_name), updated_at = now()
       WHERE u.id = $1 RETURNING ${USER_COLUMNS}`,
      [id, changes.role ?? null, changes.organizationId ?? null, changes.displayName ?? null],
    );
    return rows[0]?.[0] ?? null;
  }

  /** The user's chosen interface language, or null. */
  async preferredLanguage(id: string): Promise<string | null> {
    const rows = await this.db.query<PreferredLanguageRow[]>(`SELECT preferred_language AS "preferredLanguage" FROM users WHERE id = $1`, [
      id,
    ]);
    return rows[0]?.preferredLanguage ?? null;
  }

  /** Sets the user's interface language; returns the user, or null when unknown. */
  async setPreferredLanguage(id: string, language: string): Promise<User | null> {
    const rows = await this.db.query<[User[], number]>(
      `UPDATE users u SET preferred_language = $2, updated_at = now() WHERE u.id = $1 RETURNING ${USER_COLUMNS}, u.preferred_language AS "preferredLanguage"`,
      [id, language],
    );
    return rows[0]?.[0] ?? null;
  }

  byIds(ids: readonly string[]): Promise<User[]> {
    return this.db.query<User[]>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ANY($1::uuid[])`, [ids]);
  }

  list(): Promise<User[]> {
    return this.db.query<User[]>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.email`);
  }

  async count(): Promise<number> {
    return (await this.db.query<CountRow[]>('SELECT count(*) AS n FROM users'))[0].n;
  }

  /** Inserts unless the e-mail is taken; returns the new user or null. */
  async insert(user: NewUser): Promise<User | null> {
    const rows = await this.db.query<User[]>(
      `INSERT INTO users AS u (id, email, password_hash, display_name, role, organization_id)
       VALUES ($1, lower($2), $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING ${USER_COLUMNS}`,
      [user.id, user.email, user.passwordHash, user.displayName, user.role, user.organizationId],
    );
    return rows[0] ?? null;
  }
}
