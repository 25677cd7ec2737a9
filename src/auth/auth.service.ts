import { Injectable } from '@nestjs/common';
import { unauthenticated } from '../common/errors.js';
import type { AuthPayload } from '../users/user.model.js';
import { ActiveUsersCache } from '../users/active-users.cache.js';
import { UsersRepository } from '../users/users.repository.js';
import { UNMATCHABLE_HASH, verifyPassword } from './passwords.js';
import { RateLimits } from './rate-limits.js';
import { TokenService } from './tokens.js';
import type { Viewer } from './viewer.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly limits: RateLimits,
    private readonly activeUsers: ActiveUsersCache,
  ) {}

  async login(email: string, password: string, ip: string): Promise<AuthPayload> {
    // Counted before the password is checked (a failure keeps its count), so parallel guesses
    // cannot all be checked before the first failure is counted.
    await this.limits.reserveLogin(ip, email);
    let user: Awaited<ReturnType<UsersRepository['byEmail']>>;
    let matches: boolean;
    try {
      user = await this.users.byEmail(email.trim());
      matches = await verifyPassword(user?.passwordHash ?? UNMATCHABLE_HASH, password);
    } catch (error) {
      // Not an attempt that was judged (the database is unreachable): it does not use up the limit.
      await this.limits.releaseLogin(ip, email);
      throw error;
    }
    if (!user || !matches || user.disabled) throw unauthenticated('Wrong e-mail or password');
    await this.limits.releaseLogin(ip, email);
    const { passwordHash: _hash, ...profile } = user;
    return { token: this.tokens.issue({ sub: user.id, role: user.role, org: user.organizationId }), user: profile };
  }

  /**
   * The viewer named by an `Authorization: Bearer` header, or null: the one check of a token and
   * its user, for HTTP requests and for every operation and re-check on a WebSocket. The user is
   * read again at least every USER_CACHE_SECONDS (see ActiveUsersCache), and at once after a
   * change made through the service on any instance. Each call counts as a request against the
   * token's rate limit, except the re-checks of an open socket (`countRequest: false`).
   */
  async viewerFrom(authorization: string | undefined, { countRequest = true }: { countRequest?: boolean } = {}): Promise<Viewer | null> {
    const match = authorization?.match(/^Bearer\s+(\S+)$/i);
    if (!match) return null;
    if (countRequest) await this.limits.checkRequest(match[1]);
    const claims = this.tokens.verify(match[1]);
    if (!claims) return null;
    const user = await this.activeUsers.activeById(claims.sub);
    return user && { id: user.id, email: user.email, displayName: user.displayName, role: user.role, organizationId: user.organizationId };
  }

  /** When the token of an `Authorization: Bearer` header expires (ms since the epoch), or null if it is not valid. */
  tokenExpiresAt(authorization: string | undefined): number | null {
    const match = authorization?.match(/^Bearer\s+(\S+)$/i);
    const claims = match && this.tokens.verify(match[1]);
    return claims && typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  }
}
