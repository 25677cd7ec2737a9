import { randomUUID } from 'node:crypto';
import type { ModuleRef } from '@nestjs/core';
import type { Viewer } from '../../src/auth/viewer.js';
import { Role } from '../../src/common/enums.js';
import { Db } from '../../src/database/db.js';
import { LoadersFactory, requireViewer, type LoaderSource } from '../../src/graphql/loaders.js';
import { InteractionLoaders } from '../../src/interactions/interaction.loaders.js';
import { InteractionsRepository } from '../../src/interactions/interactions.repository.js';
import { StateLoaders } from '../../src/states/state.loaders.js';
import { StatesRepository } from '../../src/states/states.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const viewerOf = (organizationId: string, role = Role.COORDINATOR): Viewer => ({
  id: randomUUID(),
  email: 'v@example.org',
  displayName: 'V',
  role,
  organizationId,
});

/** A ModuleRef that knows the given providers, and counts how often it is asked. */
function moduleRefOf(...providers: object[]): ModuleRef & { asked: number } {
  const ref = {
    asked: 0,
    get(type: unknown) {
      ref.asked++;
      const found = providers.find((p) => p.constructor === type);
      if (!found) throw new Error(`no provider ${String(type)}`);
      return found;
    },
  };
  return ref as unknown as ModuleRef & { asked: number };
}

describe("the request's loader registry", () => {
  class Counting implements LoaderSource {
    made: (Viewer | null)[] = [];
    forRequest(viewer: Viewer | null) {
      this.made.push(viewer);
      return { viewer, id: this.made.length };
    }
  }

  it("makes a feature's loaders once per request, on first use, for the request's viewer", () => {
    const source = new Counting();
    const ref = moduleRefOf(source);
    const factory = new LoadersFactory(ref);
    const viewer = viewerOf(randomUUID());
    const first = factory.create(viewer);
    expect(source.made).toEqual([]);
    const a = first.get(Counting);
    expect(first.get(Counting)).toBe(a);
    expect(a).toEqual({ viewer, id: 1 });

    // Another request gets its own, for its own viewer; the provider is looked up only once.
    const second = factory.create(null);
    expect(second.get(Counting)).toEqual({ viewer: null, id: 2 });
    expect(source.made).toEqual([viewer, null]);
    expect(ref.asked).toBe(1);
  });

  it('refuses a batch that needs a viewer to a request without one', () => {
    const viewer = viewerOf(randomUUID());
    expect(requireViewer(viewer)).toBe(viewer);
    expect(() => requireViewer(null)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});

describe("the features' loaders on the database", () => {
  let db: TestDatabase;
  const [mine, other] = [randomUUID(), randomUUID()];
  const author = randomUUID();
  const [shared, confidential, elsewhere] = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    db = await createTestDatabase();
    const q = (sql: string, values: unknown[] = []) => db.dataSource.query(sql, values);
    for (const [iso3, name] of [
      ['KIR', 'Kiribati'],
      ['VUT', 'Vanuatu'],
      ['TUV', 'Tuvalu'],
    ]) {
      await q(`INSERT INTO states (iso3, name, un_member) VALUES ($1, $2, true)`, [iso3, name]);
    }
    for (const organization of [mine, other])
      await q(`INSERT INTO organizations (id, name, kind) VALUES ($1, $2, 'GOVERNMENT')`, [organization, organization]);
    await q(
      `INSERT INTO users (id, email, password_hash, display_name, role, organization_id) VALUES ($1, $2, 'x', 'Author', 'COORDINATOR', $3)`,
      [author, `${author}@example.org`, mine],
    );
    const interactions: [string, string, string[]][] = [
      [shared, 'SHARED', ['KIR', 'VUT']],
      [confidential, 'ORGANIZATION', ['KIR']],
      [elsewhere, 'SHARED', ['TUV']],
    ];
    for (const [id, visibility, iso3s] of interactions) {
      await q(
        `INSERT INTO interactions (id, type, occurred_on, subject, visibility, organization_id, author_id) VALUES ($1, 'EMAIL', '2026-06-01', $2, $3, $4, $5)`,
        [id, `about ${iso3s.join(' and ')}`, visibility, mine, author],
      );
      for (const iso3 of iso3s) await q(`INSERT INTO interaction_states (interaction_id, state_iso3) VALUES ($1, $2)`, [id, iso3]);
    }
  });

  afterAll(async () => {
    await db?.dispose();
  });

  /** The loads of one request, started together as a list's fields start them, and the statements they cost. */
  const measured = <T>(loads: () => Promise<T>) => db.counter.measure(loads);

  it('answers States by code in the order asked, null for an unknown one, in one statement', async () => {
    const loaders = new StateLoaders(new StatesRepository(new Db(db.dataSource))).forRequest(null);
    const { result, statements } = await measured(() => Promise.all(['VUT', 'XXX', 'KIR'].map((iso3) => loaders.state.load(iso3))));
    expect(result.map((state) => state?.name ?? null)).toEqual(['Vanuatu', null, 'Kiribati']);
    expect(statements).toBe(1);
  });

  it("answers interactions by id as the viewer may see them, and each one's States, one statement per relation", async () => {
    const repo = new InteractionsRepository(new Db(db.dataSource));
    const ids = [elsewhere, confidential, shared, randomUUID()];
    const seen = async (viewer: Viewer) => {
      const loaders = new InteractionLoaders(repo).forRequest(viewer);
      return measured(() => Promise.all(ids.map((id) => loaders.interaction.load(id))));
    };
    const own = await seen(viewerOf(mine));
    expect(own.result.map((row) => row?.id ?? null)).toEqual([elsewhere, confidential, shared, null]);
    expect(own.statements).toBe(1);
    // Another organization's coordinator does not see what the author's organization kept to itself.
    const outside = await seen(viewerOf(other));
    expect(outside.result.map((row) => row?.id ?? null)).toEqual([elsewhere, null, shared, null]);

    const loaders = new InteractionLoaders(repo).forRequest(viewerOf(mine));
    const states = await measured(() => Promise.all([shared, elsewhere].map((id) => loaders.statesByInteraction.load(id))));
    expect(states.result.map((list) => list.map((s) => s.iso3).sort())).toEqual([['KIR', 'VUT'], ['TUV']]);
    expect(states.statements).toBe(1);
  });

  it("pages a State's interactions for several States together, and refuses a request without a viewer", async () => {
    const repo = new InteractionsRepository(new Db(db.dataSource));
    const loaders = new InteractionLoaders(repo).forRequest(viewerOf(other));
    const page = { first: 10, withTotal: true };
    const { result, statements } = await measured(() =>
      Promise.all(['KIR', 'TUV'].map((iso3) => loaders.interactionsOf('state', iso3, page))),
    );
    expect(result.map(({ rows, total }) => [rows.map((row) => row.id), total])).toEqual([
      [[shared], 1],
      [[elsewhere], 1],
    ]);
    expect(statements).toBe(1);
    await expect(new InteractionLoaders(repo).forRequest(null).interaction.load(shared)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
