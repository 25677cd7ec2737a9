import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { ACCOUNT_CHANGES, type AccountChangeListener, type AccountChanges } from './account-changes.js';
import { UsersRepository, type ActiveUser } from './users.repository.js';

/**
 * The signed-in users, each kept for USER_CACHE_SECONDS after it was read, so that a burst of
 * requests with one token costs one lookup. `forget(id)` is the one way to say "this account
 * changed" (disabled, enabled, its role, organization or password changed, a token signed out):
 * every instance forgets it at once and re-checks that user's open sockets. A change made outside
 * the service (the command line, SQL) is seen at the latest USER_CACHE_SECONDS later. 0 reads the
 * user on every request.
 */
@Injectable()
export class ActiveUsersCache implements OnApplicationShutdown {
  private readonly entries = new Map<string, { user: ActiveUser | null; until: number }>();
  private readonly ttlMs: number;
  /** Counts forgets, so that a read begun before one does not put back what it forgot. */
  private forgets = 0;

  constructor(
    private readonly users: UsersRepository,
    @Inject(CONFIG) config: AppConfig,
    @Inject(ACCOUNT_CHANGES) private readonly changes: AccountChanges,
  ) {
    this.ttlMs = config.userCacheSeconds * 1000;
    // Registered first, so that every other listener reads the user afresh.
    this.changes.onChange((id) => {
      this.forgets++;
      this.entries.delete(id);
    });
  }

  /** The enabled user with this id, with their token generation and revoked tokens, or null. */
  async activeById(id: string): Promise<ActiveUser | null> {
    if (!this.ttlMs) return this.users.activeById(id);
    const now = Date.now();
    const entry = this.entries.get(id);
    if (entry && entry.until > now) return entry.user;
    const forgets = this.forgets;
    const user = await this.users.activeById(id);
    if (forgets !== this.forgets) return user;
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(id, { user, until: now + this.ttlMs });
    return user;
  }

  /**
   * This account changed (disabled or enabled, role or organization, password or tokens): forgets
   * it here and on every other instance, and tells the listeners (the open sockets) at once.
   */
  forget(id: string): void {
    this.changes.announce(id);
  }

  /** Called with the id of each account that changed, on this instance or another. */
  onForget(listener: AccountChangeListener): () => void {
    return this.changes.onChange(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.changes.close();
  }
}
