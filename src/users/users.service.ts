import { Writes } from '../database/writes.js';
import type { Viewer } from '../auth/viewer.js';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { checkNewPassword } from '../auth/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import { AppError, badInput, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { OrganizationKind, Role } from '../common/enums.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import type { CreateUserInput } from './dto/create-user.input.js';
import type { UpdateUserInput } from './dto/update-user.input.js';
import type { User } from './user.model.js';
import { ActiveUsersCache } from './active-users.cache.js';
import { UsersRepository } from './users.repository.js';

/** The web application's languages. */
export const PREFERRED_LANGUAGES = ['en', 'fr', 'es'] as const;

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly writes: Writes,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly activeUsers: ActiveUsersCache,
  ) {}

  list(): Promise<User[]> {
    return this.users.list();
  }

  async create(viewer: Viewer, input: CreateUserInput): Promise<User> {
    await checkNewPassword(input.password);
    const passwordHash = await hashPassword(input.password);
    const created = await this.writes.run(viewer, 'createUser', async () => {
      const [organization] = await this.organizations.byIds([input.organizationId]);
      if (!organization) throw notFound('Organization', input.organizationId);
      const user = {
        id: randomUUID(),
        email: input.email.trim(),
        passwordHash,
        displayName: input.displayName.trim(),
        role: input.role,
        organizationId: organization.id,
      };
      return this.users.insert(user);
    });
    if (!created) throw new AppError('CONFLICT', `A user with the e-mail ${input.email} already exists`);
    return created;
  }

  /** Disables (or enables again) an account; admins cannot disable themselves. */
  async setDisabled(viewer: Viewer, id: string, disabled: boolean): Promise<User> {
    if (!isUuid(id)) throw notFound('User', id);
    if (disabled && id === viewer.id) throw badInput('You cannot disable your own account');
    const user = await this.writes.run(viewer, disabled ? 'disableUser' : 'enableUser', () => this.users.setDisabled(id, disabled));
    this.activeUsers.forget(id);
    if (!user) throw notFound('User', id);
    return user;
  }

  preferredLanguage(id: string): Promise<string | null> {
    return this.users.preferredLanguage(id);
  }

  /** Sets the signed-in user's interface language: one of PREFERRED_LANGUAGES. */
  async setPreferredLanguage(viewer: Viewer, language: string): Promise<User> {
    if (!(PREFERRED_LANGUAGES as readonly string[]).includes(language)) {
      throw badInput(`Invalid input: language: language must be one of ${PREFERRED_LANGUAGES.join(', ')}`, {
        problems: [`language: language must be one of ${PREFERRED_LANGUAGES.join(', ')}`],
      });
    }
    const user = await this.writes.run(viewer, 'setPreferredLanguage', () => this.users.setPreferredLanguage(viewer.id, language));
    if (!user) throw notFound('User', viewer.id);
    return user;
  }

  /**
   * Changes a user's role, organization or display name. The change applies at once on every
   * instance, to requests and to open WebSockets alike; admins cannot demote themselves.
   */
  async update(viewer: Viewer, input: UpdateUserInput): Promise<User> {
    if (input.id === viewer.id && input.role !== undefined && input.role !== Role.ADMIN) throw badInput('You cannot change your own role');
    const displayName = input.displayName?.trim();
    if (displayName === '') throw badInput('The display name cannot be empty');
    const user = await this.writes.run(viewer, 'updateUser', async () => {
      if (input.organizationId !== undefined) {
        const [organization] = await this.organizations.byIds([input.organizationId]);
        if (!organization) throw notFound('Organization', input.organizationId);
      }
      return this.users.update(input.id, { role: input.role, organizationId: input.organizationId, displayName });
    });
    if (!user) throw notFound('User', input.id);
    this.activeUsers.forget(input.id);
    return user;
  }

  /**
   * An admin sets a new password for a user (who has forgotten theirs): every token issued to that
   * user before stops working.
   */
  async resetPassword(viewer: Viewer, userId: string, newPassword: string): Promise<User> {
    await checkNewPassword(newPassword);
    const passwordHash = await hashPassword(newPassword);
    const user = await this.writes.run(viewer, 'resetPassword', () => this.users.setPassword(userId, passwordHash));
    this.activeUsers.forget(userId);
    if (!user) throw notFound('User', userId);
    const { tokenGeneration: _generation, ...profile } = user;
    return profile;
  }

  /**
   * Creates the first ADMIN from ADMIN_EMAIL / ADMIN_PASSWORD when there is no user at all.
   * Nothing else ever creates an account without an explicit password. An ADMIN_PASSWORD that the
   * password policy refuses stops the start-up with the reason.
   */
  async ensureFirstAdmin(admin: { email?: string; password?: string; organization: string }): Promise<void> {
    if ((await this.users.count()) > 0) return;
    if (!admin.email || !admin.password) {
      this.logger.warn('No user exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin, or run npm run user:create');
      return;
    }
    await checkNewPassword(admin.password).catch((error: Error) => {
      throw new Error(`ADMIN_PASSWORD is not acceptable: ${error.message}`);
    });
    const passwordHash = await hashPassword(admin.password);
    await this.writes.run(null, 'createFirstAdmin', async () => {
      const organization =
        (await this.organizations.byName(admin.organization)) ??
        (await this.organizations.insert({ id: randomUUID(), name: admin.organization, kind: OrganizationKind.SECRETARIAT }));
      if (!organization) return;
      const created = await this.users.insert({
        id: randomUUID(),
        email: admin.email!,
        passwordHash,
        displayName: 'Administrator',
        role: Role.ADMIN,
        organizationId: organization.id,
      });
      if (created) this.logger.log(`created the first admin, ${created.email}`);
    });
  }
}
