import type { Viewer } from '../../src/auth/viewer.js';
import { ObstacleCategory, RatificationStage } from '../../src/common/enums.js';
import { ObstaclesRepository } from '../../src/obstacles/obstacles.repository.js';
import { ObstaclesService } from '../../src/obstacles/obstacles.service.js';
import { StatesRepository } from '../../src/states/states.repository.js';
import { StatesService } from '../../src/states/states.service.js';
import { createViewers, daysAgo, refusal, startTestServices, type TestServices, type Viewers } from '../support/services.js';

/**
 * A State's ratification stage: where the import starts it, how a move is recorded (or refused),
 * who reads a move's note and author, and the treaty record that a move or an obstacle must agree
 * with. Kiribati and Tuvalu have not joined the Convention; Vanuatu is a State Party.
 */
describe('ratification stages and the treaty record (services)', () => {
  let services: TestServices;
  let v: Viewers;
  let states: StatesService;

  const history = (iso3: string, who: Viewer = v.france) => services.get(StatesRepository).stageChangesOf(who, [iso3]);
  const moves = async (iso3: string, who?: Viewer) => (await history(iso3, who)).map((c) => [c.from, c.to, c.note, c.changedById]);

  beforeAll(async () => {
    services = await startTestServices();
    v = await createViewers(services);
    states = services.get(StatesService);
  });
  afterAll(() => services?.close());

  it('starts every State, after the import, with one change by no one to the stage its record shows', async () => {
    const all = await services.get(StatesRepository).stageChangesOf(
      v.france,
      (await states.list({ first: 200 })).edges.map((e) => e.node.iso3),
    );
    expect(all).toHaveLength(197);
    for (const change of all) {
      expect([change.from, change.changedById, change.note]).toEqual([
        null,
        null,
        expect.stringMatching(/^Initial stage from the UN Treaty Collection record/),
      ]);
    }
    expect((await history('KIR')).map((c) => c.to)).toEqual([RatificationStage.NOT_ENGAGED]);
    expect((await history('VUT')).map((c) => c.to)).toEqual([RatificationStage.JOINED]);
  });

  it('records each move newest first, with who made it and why, and nothing when the stage does not change', async () => {
    const start = (await states.get('KIR'))!;
    await states.setStage(v.france, {
      iso3: 'KIR',
      stage: RatificationStage.ENGAGED,
      note: 'Met the Permanent Representative',
      expectedVersion: start.version,
    });
    const moved = await states.setStage(v.admin, { iso3: 'KIR', stage: RatificationStage.SUPPORTIVE });
    expect([moved.ratificationStage, moved.version]).toEqual([RatificationStage.SUPPORTIVE, start.version + 2]);
    const recorded = [
      ['ENGAGED', 'SUPPORTIVE', null, v.admin.id],
      ['NOT_ENGAGED', 'ENGAGED', 'Met the Permanent Representative', v.france.id],
      [null, 'NOT_ENGAGED', expect.any(String), null],
    ];
    expect(await moves('KIR')).toEqual(recorded);

    const same = await states.setStage(v.panama, { iso3: 'KIR', stage: RatificationStage.SUPPORTIVE, note: 'Still supportive' });
    expect(same.version).toBe(moved.version);
    expect(await moves('KIR')).toEqual(recorded);
  });

  it('refuses a stale expectedVersion with CONFLICT and an unknown State with NOT_FOUND, recording nothing', async () => {
    const before = (await states.get('KIR'))!;
    const recorded = await moves('KIR');
    expect(
      await refusal(states.setStage(v.france, { iso3: 'KIR', stage: RatificationStage.DECLINED, expectedVersion: before.version - 1 })),
    ).toBe('CONFLICT');
    expect(await refusal(states.setStage(v.france, { iso3: 'XYZ', stage: RatificationStage.DECLINED }))).toBe('NOT_FOUND');
    expect(await moves('KIR')).toEqual(recorded);
    expect((await states.get('KIR'))?.version).toBe(before.version);
  });

  it("shows a partner every move, without the notes and authors of COORDINATORS moves, and keeps one State's moves out of another's", async () => {
    const full = await moves('KIR');
    expect(await moves('KIR', v.partner)).toEqual(full.map(([from, to, note, by]) => (by ? [from, to, null, null] : [from, to, note, by])));
    expect(await history('TUV')).toHaveLength(1);
  });

  it('refuses a move that contradicts the treaty record, and an obstacle for a State that has joined', async () => {
    expect(await refusal(states.setStage(v.france, { iso3: 'VUT', stage: RatificationStage.ENGAGED }))).toBe('BAD_USER_INPUT');
    expect(await refusal(states.setStage(v.france, { iso3: 'TUV', stage: RatificationStage.DEPOSITED }))).toBe('BAD_USER_INPUT');
    expect((await history('VUT')).map((c) => c.to)).toEqual([RatificationStage.JOINED]);
    // Moves are recorded in the order they happened, and not ahead of time.
    expect(
      await refusal(states.setStage(v.france, { iso3: 'KIR', stage: RatificationStage.DOMESTIC_PROCESS, effectiveOn: daysAgo(4000) })),
    ).toBe('BAD_USER_INPUT');
    expect(
      await refusal(states.setStage(v.france, { iso3: 'KIR', stage: RatificationStage.DOMESTIC_PROCESS, effectiveOn: daysAgo(-1) })),
    ).toBe('BAD_USER_INPUT');

    const obstacles = services.get(ObstaclesService);
    const obstacle = { category: ObstacleCategory.PROCEDURAL, description: 'Parliament sits twice a year' };
    expect(await refusal(obstacles.record(v.france, { ...obstacle, stateIso3: 'VUT' }))).toBe('BAD_USER_INPUT');
    expect(await refusal(obstacles.record(v.france, { ...obstacle, stateIso3: 'XYZ' }))).toBe('NOT_FOUND');
    const recorded = await obstacles.record(v.france, { ...obstacle, stateIso3: 'KIR' });
    expect([recorded.stateIso3, recorded.status, recorded.version]).toEqual(['KIR', 'OPEN', 1]);
    // Moved to a State Party, it is refused too.
    expect(await refusal(obstacles.update(v.france, recorded.id, { expectedVersion: 1, stateIso3: 'VUT' }))).toBe('BAD_USER_INPUT');
    expect((await services.get(ObstaclesRepository).visibleById(v.france, recorded.id))?.stateIso3).toBe('KIR');
  });
});
