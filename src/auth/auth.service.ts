import { Injectable } from '@nestjs/common';
import { Writes } from '../activity/writes.js';
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
    await this.limits.checkLogin(ip, email);
    const user = await this.users.byEmail(email.trim());
    const matches = await verifyPassword(user?.passwordHash ?? UNMATCHABLE_HASH, password);
    if (!user || !matches || user.disabled) {
      await this.limits.loginFailed(ip, email);
      throw unauthenticated('Wrong e-mail or password');
    }
    const { passwordHash: _hash, tokenGeneration, ...profile } = user;
    return { token: this.tokens.issue({ sub: user.id, role: user.role, org: user.organizationId, gen: tokenGeneration }), user: ownProfile(profile) };
  }

  /**
   * Changes the signed-in user's password. A wrong current password counts as a failed sign-in
   * (LOGIN_RATE_LIMIT). Every token issued before, this one included, stops working; the answer
   * carries a new token.
   */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, ip: string): Promise<AuthPayload> {
    await checkNewPassword(newPassword);
    await this.limits.checkLogin(ip, viewer.email);
    const user = await this.users.activeWithSecret(viewer.id);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.limits.loginFailed(ip, viewer.email);
      throw badInput('The current password is wrong', { field: 'currentPassword' });
    }
    if (newPassword === currentPassword) throw badInput('The new password must differ from the current one', { field: 'newPassword' });
    const passwordHash = await hashPassword(newPassword);
    const updated = await this.writes.run(viewer, 'changePassword', ({ manager }) => this.users.setPassword(viewer.id, passwordHash, manager));
    this.activeUsers.forget(viewer.id);
    if (!updated) throw unauthenticated();
    const { tokenGeneration, ...profile } = updated;
    return { token: this.tokens.issue({ sub: updated.id, role: updated.role, org: updated.organizationId, gen: tokenGeneration }), user: ownProfile(profile) };
  }

  /**
   * Revokes the token the request came with, until it expires; the user's other tokens keep
   * working. (A token issued before tokens had ids cannot be told apart: signing out with one
   * revokes every token of the user.)
   */
  async logout(viewer: Viewer): Promise<boolean> {
    const token = viewer.token;
    await this.writes.run(viewer, 'logout', ({ manager }) =>
      token?.id
        ? this.users.revokeToken(token.id, viewer.id, new Date(token.expiresAt * 1000), manager)
        : this.users.raiseTokenGeneration(viewer.id, manager),
    );
    this.activeUsers.forget(viewer.id);
    return true;
  }

  /**
   * The viewer named by an `Authorization: Bearer` header, or null. The user is read again at
   * least every USER_CACHE_SECONDS (see ActiveUsersCache), so a disabled account, a changed role,
   * a changed password or a signed-out token takes effect within that time, and at once when
   * changed through this instance. A token is valid only while its generation is the user's
   * (changing or resetting the password raises it) and its id is not revoked (signing out).
   */
  async viewerFrom(authorization: string | undefined): Promise<Viewer | null> {
    const match = authorization?.match(/^Bearer\s+(\S+)$/i);
    if (!match) return null;
    await this.limits.checkRequest(match[1]);
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
}
