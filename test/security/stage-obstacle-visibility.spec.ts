import { parse } from 'csv-parse/sync';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';
import { subscribe, type Subscriber } from '../support/subscriptions.js';

/**
 * Issue 14, class 6b: a stage change's note (and its author) and an obstacle carry a visibility,
 * COORDINATORS by default, enforced on every path: the State page, stage history, obstacles,
 * targets and targets.csv, the activity feed and its live subscription.
 */
const SET_STAGE = `mutation($iso3: String!, $stage: RatificationStage!, $note: String, $visibility: Visibility) {
  setRatificationStage(iso3: $iso3, stage: $stage, note: $note, visibility: $visibility) { ratificationStage version } }`;
const SET_CHANGE = `mutation($id: ID!, $visibility: Visibility!, $expectedVersion: Int) {
  setStageChangeVisibility(id: $id, visibility: $visibility, expectedVersion: $expectedVersion) { id note visibility version } }`;
const HISTORY = `query($iso3: String!) { state(iso3: $iso3) { ratificationStage stageHistory { id from to note visibility version changedBy { id } } } }`;
/** What partners could read before stage changes had a visibility. */
const PLAIN_HISTORY = `query($iso3: String!) { state(iso3: $iso3) { ratificationStage stageHistory { from to note changedBy { id } } } }`;
const RECORD = `mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id description version } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateObstacleInput!) { updateObstacle(id: $id, input: $input) { id description visibility version } }`;
const OBSTACLE = 'query($id: ID!) { obstacle(id: $id) { id description } }';
const OBSTACLES = `query($iso3: String!) {
  obstacles(filter: { stateIso3s: [$iso3] }) { totalCount edges { node { description } } }
  state(iso3: $iso3) { obstacles { description } } }`;
const TARGETS = `query($search: String!) {
  targets(filter: { search: $search }) { edges { node { openObstacles reasons { factor detail } state { iso3 obstacles { description } } } } } }`;
const FEED = `query($filter: ActivityFilter) { activityFeed(filter: $filter, first: 100) { totalCount edges { node { kind summary actor { id } } } } }`;
const ADDED = 'subscription($filter: ActivityFilter) { activityAdded(filter: $filter) { kind summary actor { id } } }';

const NOTE = 'Met the Permanent Representative in New York on 20 February; receptive';
const SURVEY = 'Survey answer: the defence ministry keeps a stockpile it has not declared';

describe('security: stage notes and obstacles have a visibility (class 6b)', () => {
  let t: TestApp;
  let cast: Cast;
  const subscribers: Subscriber[] = [];

  const live = async (actor: Actor, filter: Record<string, unknown>) => {
    const subscriber = await subscribe(t.url, actor.token, ADDED, { filter });
    subscribers.push(subscriber);
    return subscriber;
  };
  const history = async (iso3: string, actor: Actor) => ok(await t.gql(HISTORY, { iso3 }, actor.token)).state;
  const feed = async (actor: Actor, filter: Record<string, unknown>) => ok(await t.gql(FEED, { filter }, actor.token)).activityFeed;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });

  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.close()));
    await t?.close();
  });

  describe('stage notes', () => {
    let changeId: string;

    it('shows a partner the stage and the move, not a COORDINATORS note or its author: State page, stage history, feed, live', async () => {
      const partnerLive = await live(cast.partner, { kinds: ['STAGE_CHANGED'], stateIso3s: ['KIR'] });
      const panamaLive = await live(cast.panama, { kinds: ['STAGE_CHANGED'], stateIso3s: ['KIR'] });
      ok(
        await t.gql(
          'mutation($note: String) { setRatificationStage(iso3: "KIR", stage: ENGAGED, note: $note) { version } }',
          { note: NOTE },
          cast.france.token,
        ),
      );

      const partner = ok(await t.gql(PLAIN_HISTORY, { iso3: 'KIR' }, cast.partner.token)).state;
      expect(partner.ratificationStage).toBe('ENGAGED');
      expect(partner.stageHistory[0]).toEqual({ from: 'NOT_ENGAGED', to: 'ENGAGED', note: null, changedBy: null });
      expect((await history('KIR', cast.partner)).stageHistory[0]).toMatchObject({ note: null, visibility: 'COORDINATORS' });
      const panama = await history('KIR', cast.panama);
      expect(panama.stageHistory[0]).toMatchObject({ to: 'ENGAGED', note: NOTE, changedBy: { id: cast.france.id }, version: 1 });
      changeId = panama.stageHistory[0].id;

      expect((await feed(cast.partner, { kinds: ['STAGE_CHANGED'], stateIso3s: ['KIR'] })).edges).toEqual([
        { node: { kind: 'STAGE_CHANGED', summary: 'Kiribati moved from NOT_ENGAGED to ENGAGED', actor: null } },
      ]);
      expect((await feed(cast.panama, { kinds: ['STAGE_CHANGED'], stateIso3s: ['KIR'] })).edges).toEqual([
        { node: { kind: 'STAGE_CHANGED', summary: `Kiribati moved from NOT_ENGAGED to ENGAGED: ${NOTE}`, actor: { id: cast.france.id } } },
      ]);

      await Promise.all([partnerLive.waitFor(1), panamaLive.waitFor(1)]);
      expect(partnerLive.received.map((r) => r.data.activityAdded)).toEqual([
        { kind: 'STAGE_CHANGED', summary: 'Kiribati moved from NOT_ENGAGED to ENGAGED', actor: null },
      ]);
      expect(panamaLive.received.map((r) => r.data.activityAdded.summary)).toEqual([`Kiribati moved from NOT_ENGAGED to ENGAGED: ${NOTE}`]);
    });

    it('shows the note once its organization makes it SHARED; only that organization (or an admin) may, with the version it read', async () => {
      expect(codes(await t.gql(SET_CHANGE, { id: changeId, visibility: 'SHARED' }, cast.partner.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(SET_CHANGE, { id: changeId, visibility: 'SHARED' }, cast.panama.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(SET_CHANGE, { id: changeId, visibility: 'SHARED', expectedVersion: 7 }, cast.france.token))).toEqual([
        'CONFLICT',
      ]);
      expect((await history('KIR', cast.partner)).stageHistory[0].note).toBeNull();

      const changed = ok(
        await t.gql(SET_CHANGE, { id: changeId, visibility: 'SHARED', expectedVersion: 1 }, cast.france.token),
      ).setStageChangeVisibility;
      expect(changed).toEqual({ id: changeId, note: NOTE, visibility: 'SHARED', version: 2 });
      expect((await history('KIR', cast.partner)).stageHistory[0]).toMatchObject({ note: NOTE, changedBy: { id: cast.france.id } });
      expect((await feed(cast.partner, { kinds: ['STAGE_CHANGED'], stateIso3s: ['KIR'] })).edges[0].node.summary).toBe(
        `Kiribati moved from NOT_ENGAGED to ENGAGED: ${NOTE}`,
      );
    });

    it("keeps an ORGANIZATION note from another government's coordinator", async () => {
      ok(
        await t.gql(
          SET_STAGE,
          { iso3: 'TUV', stage: 'ENGAGED', note: 'Our ambassador only', visibility: 'ORGANIZATION' },
          cast.france.token,
        ),
      );
      expect((await history('TUV', cast.panama)).stageHistory[0]).toMatchObject({
        to: 'ENGAGED',
        note: null,
        changedBy: null,
        visibility: 'ORGANIZATION',
      });
      expect((await history('TUV', cast.france)).stageHistory[0]).toMatchObject({
        note: 'Our ambassador only',
        changedBy: { id: cast.france.id },
      });
      expect((await feed(cast.panama, { kinds: ['STAGE_CHANGED'], stateIso3s: ['TUV'] })).edges[0].node.summary).toBe(
        'Tuvalu moved from NOT_ENGAGED to ENGAGED',
      );
      const id = (await history('TUV', cast.france)).stageHistory[0].id;
      expect(codes(await t.gql(SET_CHANGE, { id, visibility: 'SHARED' }, cast.panama.token))).toEqual(['NOT_FOUND']);
    });
  });

  describe('obstacles', () => {
    let obstacle: any;
    const csvRow = async (actor: Actor) => {
      const response = await fetch(`${t.url}/exports/targets.csv?search=Indonesia`, {
        headers: { authorization: `Bearer ${actor.token}` },
      });
      const rows: string[][] = parse(await response.text());
      return Object.fromEntries(rows[0].map((column, n) => [column, rows[1][n]]));
    };
    const target = async (actor: Actor) => ok(await t.gql(TARGETS, { search: 'Indonesia' }, actor.token)).targets.edges[0].node;

    it('hides a COORDINATORS obstacle from a partner everywhere: obstacle, lists, State page, targets, targets.csv, feed, live', async () => {
      const partnerLive = await live(cast.partner, { stateIso3s: ['IDN'] });
      const panamaLive = await live(cast.panama, { stateIso3s: ['IDN'] });
      obstacle = ok(
        await t.gql(RECORD, { input: { stateIso3: 'IDN', category: 'SUBSTANTIVE', description: SURVEY } }, cast.france.token),
      ).recordObstacle;
      expect(obstacle).toMatchObject({ description: SURVEY, version: 1 });

      expect(ok(await t.gql(OBSTACLE, { id: obstacle.id }, cast.partner.token)).obstacle).toBeNull();
      expect(ok(await t.gql(OBSTACLES, { iso3: 'IDN' }, cast.partner.token))).toEqual({
        obstacles: { totalCount: 0, edges: [] },
        state: { obstacles: [] },
      });
      const partnerTarget = await target(cast.partner);
      expect(partnerTarget.openObstacles).toBe(0);
      expect(partnerTarget.state.obstacles).toEqual([]);
      expect(partnerTarget.reasons.find((r: any) => r.factor === 'openObstacles')?.detail ?? 'none').not.toMatch(/^1 open obstacle/);
      expect((await csvRow(cast.partner)).open_obstacles).toBe('0');
      expect(await feed(cast.partner, { kinds: ['OBSTACLE_RECORDED'] })).toEqual({ totalCount: 0, edges: [] });

      // Another government's coordinator sees it on every path.
      expect(ok(await t.gql(OBSTACLE, { id: obstacle.id }, cast.panama.token)).obstacle.description).toBe(SURVEY);
      const panamaTarget = await target(cast.panama);
      expect([panamaTarget.openObstacles, panamaTarget.state.obstacles]).toEqual([1, [{ description: SURVEY }]]);
      expect((await csvRow(cast.panama)).open_obstacles).toBe('1');
      expect((await feed(cast.panama, { kinds: ['OBSTACLE_RECORDED'] })).edges.map((e: any) => e.node.summary)).toEqual([
        'Substantive obstacle recorded for Indonesia',
      ]);
      expect(
        ok(await t.gql('query($id: ID!) { obstacle(id: $id) { visibility } }', { id: obstacle.id }, cast.france.token)).obstacle.visibility,
      ).toBe('COORDINATORS');

      await panamaLive.waitFor(1);
      await settle();
      expect(panamaLive.received.map((r) => r.data.activityAdded.summary)).toEqual(['Substantive obstacle recorded for Indonesia']);
      expect(partnerLive.received).toEqual([]);
    });

    it('shows it to the partner once its organization makes it SHARED, and only that organization may', async () => {
      const panamaTry = await t.gql(UPDATE, { id: obstacle.id, input: { expectedVersion: 1, visibility: 'SHARED' } }, cast.panama.token);
      expect(codes(panamaTry)).toEqual(['FORBIDDEN']);
      const shared = ok(
        await t.gql(UPDATE, { id: obstacle.id, input: { expectedVersion: 1, visibility: 'SHARED' } }, cast.france.token),
      ).updateObstacle;
      expect(shared).toMatchObject({ visibility: 'SHARED', version: 2 });

      expect(ok(await t.gql(OBSTACLE, { id: obstacle.id }, cast.partner.token)).obstacle.description).toBe(SURVEY);
      expect(ok(await t.gql(OBSTACLES, { iso3: 'IDN' }, cast.partner.token)).obstacles.totalCount).toBe(1);
      expect((await target(cast.partner)).openObstacles).toBe(1);
      expect((await csvRow(cast.partner)).open_obstacles).toBe('1');
      expect((await feed(cast.partner, { kinds: ['OBSTACLE_RECORDED'] })).edges.map((e: any) => e.node.summary)).toEqual([
        'Substantive obstacle recorded for Indonesia',
      ]);
    });

    it("keeps an ORGANIZATION obstacle from another government's coordinator, who can neither read nor change it", async () => {
      const own = ok(
        await t.gql(
          RECORD,
          { input: { stateIso3: 'IDN', category: 'PROCEDURAL', description: 'France only', visibility: 'ORGANIZATION' } },
          cast.france.token,
        ),
      ).recordObstacle;
      expect(ok(await t.gql(OBSTACLE, { id: own.id }, cast.panama.token)).obstacle).toBeNull();
      expect(ok(await t.gql(OBSTACLES, { iso3: 'IDN' }, cast.panama.token)).obstacles.totalCount).toBe(1);
      expect((await target(cast.panama)).openObstacles).toBe(1);
      expect((await target(cast.france)).openObstacles).toBe(2);
      expect(
        codes(await t.gql(UPDATE, { id: own.id, input: { expectedVersion: 1, description: 'Taken over' } }, cast.panama.token)),
      ).toEqual(['NOT_FOUND']);
      expect((await feed(cast.panama, { kinds: ['OBSTACLE_RECORDED'] })).totalCount).toBe(1);
      expect((await feed(cast.france, { kinds: ['OBSTACLE_RECORDED'] })).totalCount).toBe(2);
    });
  });
});
