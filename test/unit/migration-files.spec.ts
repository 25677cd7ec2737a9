import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { formatted, migrationFiles, migrationIndex, migrationSource, newMigrationNames } from '../../src/database/migration-files.js';
import { MIGRATIONS } from '../../migrations/index.js';

const dir = fileURLToPath(new URL('../../migrations', import.meta.url));

describe('migration files', () => {
  it('migrations/index.ts lists every migration of the folder, oldest first, as `npm run migration:generate` writes it', async () => {
    const index = `${dir}/index.ts`;
    const written = await formatted(index, migrationIndex(migrationFiles(dir)));
    expect(readFileSync(index, 'utf8')).toBe(written);
    expect(MIGRATIONS.map((m) => m.name)).toEqual(migrationFiles(dir).map((f) => f.className));
  });

  it('names a new migration from its kebab-case name and timestamp, and refuses other names', () => {
    expect(newMigrationNames('briefing-notes', 1796070000000)).toEqual({
      file: '1796070000000-briefing-notes.ts',
      className: 'BriefingNotes1796070000000',
    });
    for (const bad of ['Briefings', 'briefing notes', '../x', 'briefings-', '']) {
      expect(() => newMigrationNames(bad, 1796070000000)).toThrow(/not a migration name/);
    }
  });

  it('writes each statement as a template literal that gives back its SQL, with its parameters', () => {
    const sql = 'CREATE TABLE "x" ("a" text DEFAULT \'`${b}` \\ c\')';
    const source = migrationSource(
      newMigrationNames('x', 1796070000000),
      [{ query: sql }],
      [{ query: 'DROP TABLE "x"', parameters: [1, 'y'] }],
    );
    const literal = /await queryRunner\.query\((`(?:[^`\\]|\\.)*`)\);/.exec(source)![1];
    expect(runInNewContext(literal)).toBe(sql);
    expect(source).toContain('await queryRunner.query(`DROP TABLE "x"`, [1,"y"]);');
    expect(source).toContain('export class X1796070000000 implements MigrationInterface');
  });
});
