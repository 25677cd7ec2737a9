// `npm run user:create -- --email a@b.org --name "A. Person" --role COORDINATOR --organization France [--kind GOVERNMENT]`
// Reads the password from the USER_PASSWORD variable or from standard input (never from the command line).
// The organization is created when no organization has that name.
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { passwordProblem } from '../auth/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import { OrganizationKind, Role } from '../common/enums.js';
import { loadConfig } from '../config/config.js';
import { LocalActivityBus } from '../activity/activity-bus.js';
import { ActivityRepository } from '../activity/activity.repository.js';
import { migrate, openDatabase } from '../database/data-source.js';
import { Db } from '../database/db.js';
import { Writes } from '../database/writes.js';
import { describeStartupError } from '../database/startup-errors.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { UsersRepository } from '../users/users.repository.js';

Logger.overrideLogger(['error', 'warn']);

const USAGE =
  'usage: npm run user:create -- --email <e-mail> --name <display name> --role ADMIN|COORDINATOR|PARTNER ' +
  '--organization <name> [--kind GOVERNMENT|CIVIL_SOCIETY|INTERNATIONAL_ORGANIZATION|SECRETARIAT]; ' +
  'password from USER_PASSWORD or standard input';

async function readPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password (input is not hidden; prefer piping it in): ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (process.stdin.isTTY && text.includes('\n')) break;
  }
  return text.replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      organization: { type: 'string' },
      kind: { type: 'string', default: OrganizationKind.GOVERNMENT },
    },
  });
  const { email, name, role, organization, kind } = values;
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !name || !organization) throw new Error(USAGE);
  if (!Object.values(Role).includes(role as Role)) throw new Error(`--role must be ADMIN, COORDINATOR or PARTNER\n${USAGE}`);
  if (!Object.values(OrganizationKind).includes(kind as OrganizationKind)) throw new Error(`unknown --kind "${kind}"\n${USAGE}`);
  const password = await readPassword();
  const problem = await passwordProblem(password);
  if (problem) throw new Error(problem);

  const config = loadConfig();
  const handle = await openDatabase(config).catch((error) => {
    throw new Error(describeStartupError(error, config));
  });
  try {
    await migrate(handle);
    const passwordHash = await hashPassword(password);
    const db = new Db(handle.dataSource);
    const organizations = new OrganizationsRepository(db);
    const users = new UsersRepository(db);
    const writes = new Writes(handle.dataSource, new ActivityRepository(db), new LocalActivityBus());
    const created = await writes.run(null, 'cli:user:create', async () => {
      const org =
        (await organizations.byName(organization)) ??
        (await organizations.insert({ id: randomUUID(), name: organization, kind: kind as OrganizationKind }));
      if (!org) throw new Error(`could not create the organization ${organization}`);
      const user = { id: randomUUID(), email, passwordHash, displayName: name, role: role as Role, organizationId: org.id };
      return users.insert(user);
    });
    if (!created) throw new Error(`a user with the e-mail ${email} already exists`);
    console.log(`Created ${role} ${created.email} in ${organization}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
