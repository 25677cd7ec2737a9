import { randomUUID } from 'node:crypto';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module.js';
import { logLevels, openAppDatabase } from '../../src/app.js';
import type { Viewer } from '../../src/auth/viewer.js';
import { addDays, todayIso } from '../../src/common/dates.js';
import { OrganizationKind, Role } from '../../src/common/enums.js';
import { loadConfig } from '../../src/config/config.js';
import type { DatabaseHandle } from '../../src/database/data-source.js';
import { OrganizationsRepository } from '../../src/organizations/organizations.repository.js';
import { UsersRepository } from '../../src/users/users.repository.js';
import { provisionDatabase } from './provision.js';

/**
 * The application's services without HTTP: the app module's features (no GraphQL, no routes) over
 * a database of the test file's own, with the public data loaded as at the service's first start.
 * A rule is tested by calling its service as a resolver would, with a viewer and plain arguments.
 */
export interface TestServices {
  get<T>(type: Type<T>): T;
  /** A coordinator (or partner) of a new organization of this name, with a real user row. */
  member(organization: string, role?: Role, kind?: OrganizationKind): Promise<Viewer>;
  close(): Promise<void>;
}

export async function startTestServices(): Promise<TestServices> {
  const database = await provisionDatabase({ migrated: true });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', ...database.env });
  let context: INestApplicationContext;
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openAppDatabase(config);
    context = await NestFactory.createApplicationContext(AppModule.forRoot(config, handle, { api: false }), { logger: logLevels(config) });
  } catch (error) {
    await handle?.close();
    await database.dispose();
    throw error;
  }
  const organizations = context.get(OrganizationsRepository);
  const users = context.get(UsersRepository);
  return {
    get: (type) => context.get(type),
    async member(name, role = Role.COORDINATOR, kind = OrganizationKind.GOVERNMENT) {
      const organization = (await organizations.insert({ id: randomUUID(), name, kind }))!;
      const email = `${role.toLowerCase()}@${name.toLowerCase().replace(/\W+/g, '-')}.example`;
      // Nobody signs in here: the password is never checked, so it needs no hash.
      const user = (await users.insert({
        id: randomUUID(),
        email,
        passwordHash: '-',
        displayName: `${name} ${role.toLowerCase()}`,
        role,
        organizationId: organization.id,
      }))!;
      return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, organizationId: organization.id };
    },
    async close() {
      await context.close();
      await database.dispose();
    },
  };
}

/** The people of most rules: an admin, the coordinators of two governments, and a civil-society partner. */
export interface Viewers {
  admin: Viewer;
  /** Coordinator of a government (France). */
  france: Viewer;
  /** Coordinator of another government (Panama). */
  panama: Viewer;
  /** Partner (the Cluster Munition Coalition). */
  partner: Viewer;
}

export async function createViewers(services: TestServices): Promise<Viewers> {
  return {
    admin: await services.member('Convention Secretariat', Role.ADMIN, OrganizationKind.SECRETARIAT),
    france: await services.member('France'),
    panama: await services.member('Panama'),
    partner: await services.member('Cluster Munition Coalition', Role.PARTNER, OrganizationKind.CIVIL_SOCIETY),
  };
}

/** A date `days` before today (after it, for a negative number), as YYYY-MM-DD. */
export const daysAgo = (days: number) => addDays(todayIso(), -days);

/** What a service call that must fail is refused with: its error code. */
export async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error('expected a refusal, and the call succeeded');
}
