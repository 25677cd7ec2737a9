import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { UsersRepository, type ActiveUser } from './users.repository.js';

/**
 * The signed-in users, each kept for USER_CACHE_SECONDS after it was read, so that a burst of
 * requests with one token costs one lookup. Disabling or enabling an account, changing or resetting
 * its password and signing out through this instance forget it at once; any other change (another instance, the command line) is seen at the latest
 * USER_CACHE_SECONDS later. 0 reads the user on every request.
 */
@Injectable()
export class ActiveUsersCache {
  private readonly entries = new Map<string, { user: ActiveUser | null; until: number }>();
  private readonly ttlMs: number;

  constructor(
    private readonly users: UsersRepository,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.userCacheSeconds * 1000;
  }

  /** The enabled user with this id, with their token generation and revoked tokens, or null. */
  async activeById(id: string): Promise<ActiveUser | null> {
    if (!this.ttlMs) return this.users.activeById(id);
    const now = Date.now();
    const entry = this.entries.get(id);
    if (entry && entry.until > now) return entry.user;
    const user = await this.users.activeById(id);
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(id, { user, until: now + this.ttlMs });
    return user;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
