import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every entity of the build, found by its file name (`*.entity.js`): an entity needs no list. */
export const ENTITY_FILES = fileURLToPath(new URL('../**/*.entity.js', import.meta.url));

/** A migration's file name: its timestamp, then its name in kebab case. */
const MIGRATION_FILE = /^(\d{13})-([a-z0-9]+(?:-[a-z0-9]+)*)\.ts$/;
const MIGRATION_CLASS = /export class (\w+) implements MigrationInterface/;

export interface MigrationFile {
  file: string;
  className: string;
}

/** The migrations in a folder, oldest first, each with the class it exports. */
export function migrationFiles(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort()
    .map((file) => {
      const className = MIGRATION_CLASS.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
      if (!className) throw new Error(`${file} exports no class implementing MigrationInterface`);
      return { file, className };
    });
}

/** `migrations/index.ts` for these migrations: what `npm run migration:generate` writes. */
export function migrationIndex(files: MigrationFile[]): string {
  return [
    '// Every migration, in order: `npm run migration:generate` writes this list, so that the app, the CLI',
    '// and the tests load the same set without finding files at run time (the service runs as one bundle).',
    ...files.map(({ file, className }) => `import { ${className} } from './${file.replace(/\.ts$/, '.js')}';`),
    '',
    'export const MIGRATIONS = [',
    ...files.map(({ className }) => `  ${className},`),
    '];',
    '',
  ].join('\n');
}

/** Source laid out as Prettier lays out the file at that path (the project's own settings). */
export async function formatted(file: string, source: string): Promise<string> {
  const { format, resolveConfig } = await import('prettier');
  return format(source, { ...(await resolveConfig(file)), filepath: file });
}

/** The file and class names of a new migration called `name` (kebab case) at `timestamp`. */
export function newMigrationNames(name: string, timestamp: number): MigrationFile {
  const file = `${timestamp}-${name}.ts`;
  if (!MIGRATION_FILE.test(file)) throw new Error(`"${name}" is not a migration name: lower-case words joined by hyphens, e.g. briefings`);
  const pascal = name.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
  return { file, className: `${pascal}${timestamp}` };
}

export interface Statement {
  query: string;
  parameters?: unknown[];
}

/** A migration's source, in the form of the others. */
export function migrationSource({ className }: MigrationFile, up: Statement[], down: Statement[]): string {
  const literal = (sql: string) => `\`${sql.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${')}\``;
  const statements = (queries: Statement[]) =>
    queries
      .map(
        ({ query, parameters }) =>
          `    await queryRunner.query(${literal(query)}${parameters?.length ? `, ${JSON.stringify(parameters)}` : ''});`,
      )
      .join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${statements(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${statements(down)}
  }
}
`;
}
