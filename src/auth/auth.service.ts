import { Injectable } from '@nestjs/common';
import { Writes } from '../database/writes.js';
import { badInput, unauthenticated } from '../common/errors.js';
import type { AuthPayload } from '../users/user.model.js';
import { ActiveUsersCache } from '../users/active-users.cache.js';
import { ownProfile } from '../users/people.js';
import { UsersRepository } from '../users/users.repository.js';
import { checkNewPassword } from './password-policy.js';
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from './passwords.js';
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
    private readonly writes: Writes,
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
    const { passwordHash: _hash, tokenGeneration, ...profile } = user;
    return {
      token: this.tokens.issue({ sub: user.id, role: user.role, org: user.organizationId, gen: tokenGeneration }),
      user: ownProfile(profile),
    };
  }

  /**
   * Changes the signed-in user's password. The attempt counts as a sign-in (LOGIN_RATE_LIMIT),
   * reserved before the current password is checked; a right one gives it back. Every token issued
   * before, this one included, stops working; the answer carries a new token.
   */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, ip: string): Promise<AuthPayload> {
    await checkNewPassword(newPassword);
    await this.limits.reserveLogin(ip, viewer.email);
    let matches: boolean;
    let user: Awaited<ReturnType<UsersRepository['activeWithSecret']>>;
    try {
      user = await this.users.activeWithSecret(viewer.id);
      matches = !!user && (await verifyPassword(user.passwordHash, currentPassword));
    } catch (error) {
      await this.limits.releaseLogin(ip, viewer.email);
      throw error;
    }
    if (!matches) throw badInput('The current password is wrong', { field: 'currentPassword' });
    await this.limits.releaseLogin(ip, viewer.email);
    if (newPassword === currentPassword) throw badInput('The new password must differ from the current one', { field: 'newPassword' });
    const passwordHash = await hashPassword(newPassword);
    const updated = await this.writes.run(viewer, 'changePassword', () => this.users.setPassword(viewer.id, passwordHash));
    this.activeUsers.forget(viewer.id);
    if (!updated) throw unauthenticated();
    const { tokenGeneration, ...profile } = updated;
    return {
      token: this.tokens.issue({ sub: updated.id, role: updated.role, org: updated.organizationId, gen: tokenGeneration }),
      user: ownProfile(profile),
    };
  }

  /**
   * Revokes the token the request came with, until it expires; the user's other tokens keep
   * working. (A token issued before tokens had ids cannot be told apart: signing out with one
   * revokes every token of the user.)
   */
  async logout(viewer: Viewer): Promise<boolean> {
    const token = viewer.token;
    await this.writes.run(viewer, 'logout', () =>
      token?.id
        ? this.users.revokeToken(token.id, viewer.id, new Date(token.expiresAt * 1000))
        : this.users.raiseTokenGeneration(viewer.id),
    );
    this.activeUsers.forget(viewer.id);
    return true;
  }

  /**
   * The viewer named by an `Authorization: Bearer` header, or null: the one check of a token and
   * its user, for HTTP requests and for every operation and re-check on a WebSocket. The user is
   * read again at least every USER_CACHE_SECONDS (see ActiveUsersCache), and at once after a
   * change made through the service on any instance. A token is valid only while its generation is
   * the user's (changing or resetting the password raises it) and its id is not revoked (signing
   * out). Each call counts as a request against the token's rate limit, except the re-checks of an
   * open socket (`countRequest: false`).
   */
  async viewerFrom(authorization: string | undefined, { countRequest = true }: { countRequest?: boolean } = {}): Promise<Viewer | null> {
    const match = authorization?.match(/^Bearer\s+(\S+)$/i);
    if (!match) return null;
    if (countRequest) await this.limits.checkRequest(match[1]);
    const claims = this.tokens.verify(match[1]);
    if (!claims) return null;
    const user = await this.activeUsers.activeById(claims.sub);
    if (!user || (claims.gen ?? 0) !== user.tokenGeneration) return null;
    if (claims.jti && user.revokedTokenIds.includes(claims.jti)) return null;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organizationId: user.organizationId,
      token: { id: claims.jti, expiresAt: claims.exp },
    };
  }

  /** When the token of an `Authorization: Bearer` header expires (ms since the epoch), or null if it is not valid. */
  tokenExpiresAt(authorization: string | undefined): number | null {
    const match = authorization?.match(/^Bearer\s+(\S+)$/i);
    const claims = match && this.tokens.verify(match[1]);
    return claims && typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  }
}
