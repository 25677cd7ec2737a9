import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords.js';
import { AppError, notFound } from '../common/errors.js';
import { OrganizationKind, Role } from '../common/enums.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import type { CreateUserInput } from './dto/create-user.input.js';
import type { User } from './user.model.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  list(): Promise<User[]> {
    return this.users.list();
  }

  async create(input: CreateUserInput): Promise<User> {
    const [organization] = await this.organizations.byIds([input.organizationId]);
    if (!organization) throw notFound('Organization', input.organizationId);
    const created = await this.users.insert({
      id: randomUUID(),
      email: input.email.trim(),
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName.trim(),
      role: input.role,
      organizationId: organization.id,
    });
    if (!created) throw new AppError('CONFLICT', `A user with the e-mail ${input.email} already exists`);
    return created;
  }

  /**
   * Creates the first ADMIN from ADMIN_EMAIL / ADMIN_PASSWORD when there is no user at all.
   * Nothing else ever creates an account without an explicit password.
   */
  async ensureFirstAdmin(admin: { email?: string; password?: string; organization: string }): Promise<void> {
    if ((await this.users.count()) > 0) return;
    if (!admin.email || !admin.password) {
      this.logger.warn('No user exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin, or run npm run user:create');
      return;
    }
    const passwordHash = await hashPassword(admin.password);
    await this.db.transaction(async (manager) => {
      const organization =
        (await this.organizations.byName(admin.organization, manager)) ??
        (await this.organizations.insert({ id: randomUUID(), name: admin.organization, kind: OrganizationKind.SECRETARIAT }, manager));
      if (!organization) return;
      const created = await this.users.insert(
        { id: randomUUID(), email: admin.email!, passwordHash, displayName: 'Administrator', role: Role.ADMIN, organizationId: organization.id },
        manager,
      );
      if (created) this.logger.log(`created the first admin, ${created.email}`);
    });
  }
}
