import type { Viewer } from '../../src/auth/viewer.js';
import { InteractionType, ObstacleCategory, RatificationStage, Visibility } from '../../src/common/enums.js';
import type { LogInteractionInput } from '../../src/interactions/dto/interaction.inputs.js';
import { FollowUpsService } from '../../src/interactions/follow-ups.service.js';
import { InteractionsRepository } from '../../src/interactions/interactions.repository.js';
import { InteractionsService } from '../../src/interactions/interactions.service.js';
import { ObstaclesRepository } from '../../src/obstacles/obstacles.repository.js';
import { ObstaclesService } from '../../src/obstacles/obstacles.service.js';
import { StatesRepository } from '../../src/states/states.repository.js';
import { StatesService } from '../../src/states/states.service.js';
import { MandatesService } from '../../src/work-plans/mandates.service.js';
import { createViewers, daysAgo, refusal, startTestServices, type TestServices, type Viewers } from '../support/services.js';

/**
 * A mandate is a team: Panama and France, co-coordinators, change the mandate's work together, and
 * what is kept to the MANDATE is read by its organizations only. Chile coordinates outside it.
 */
describe('joint work of a mandate (services)', () => {
  let services: TestServices;
  let v: Viewers;
  let chile: Viewer;
  let mandate: string;
  let interactions: InteractionsService;
  let followUps: FollowUpsService;

  const log = (who: Viewer, input: Partial<LogInteractionInput>) =>
    interactions.log(who, { type: InteractionType.EMAIL, occurredOn: daysAgo(3), subject: 'A subject', stateIso3s: ['TON'], ...input });

  beforeAll(async () => {
    services = await startTestServices();
    v = await createViewers(services);
    chile = await services.member('Chile');
    interactions = services.get(InteractionsService);
    followUps = services.get(FollowUpsService);
    mandate = (
      await services.get(MandatesService).start(v.panama, {
        name: 'Coordinators 2026',
        periodFrom: daysAgo(100),
        periodTo: daysAgo(-200),
        organizationIds: [v.panama.organizationId, v.france.organizationId],
      })
    ).id;
  });
  afterAll(() => services?.close());

  it("leaves an organization's own interactions its own unless linked to the mandate", async () => {
    const own = await log(v.panama, {
      type: InteractionType.PHONE_CALL,
      subject: 'Call of Panama alone',
      followUpOn: daysAgo(1),
      visibility: Visibility.COORDINATORS,
    });
    expect(own.mandateId).toBeNull();
    expect(await refusal(followUps.markFollowUpDone(v.france, own.id, true))).toBe('FORBIDDEN');

    const linked = await log(v.panama, {
      subject: 'E-mail for the mandate',
      followUpOn: daysAgo(1),
      visibility: Visibility.COORDINATORS,
      mandateId: mandate,
    });
    expect(linked.mandateId).toBe(mandate);
    const done = await followUps.markFollowUpDone(v.france, linked.id, true);
    expect([done.followUpDone, done.version]).toEqual([true, 2]);
    const corrected = await interactions.update(v.france, linked.id, { subject: 'E-mail for the mandate (corrected)', expectedVersion: 2 });
    expect([corrected.subject, corrected.version]).toEqual(['E-mail for the mandate (corrected)', 3]);
    expect(await refusal(interactions.update(chile, linked.id, { subject: 'Not yours', expectedVersion: 3 }))).toBe('FORBIDDEN');
    expect((await services.get(InteractionsRepository).visibleById(v.panama, linked.id))?.subject).toBe(
      'E-mail for the mandate (corrected)',
    );
    // Only the mandate's organizations add work to it.
    expect(await refusal(log(chile, { subject: 'x', mandateId: mandate }))).toBe('FORBIDDEN');
  });

  describe('the MANDATE visibility', () => {
    it("is read by the mandate's organizations, and by no one else", async () => {
      const item = await log(v.panama, {
        type: InteractionType.LETTER,
        subject: 'For the mandate only',
        stateIso3s: ['SLB'],
        visibility: Visibility.MANDATE,
        mandateId: mandate,
      });
      for (const [who, sees] of [
        [v.france, true],
        [v.panama, true],
        [chile, false],
        [v.partner, false],
      ] as const) {
        expect((await services.get(InteractionsRepository).visibleById(who, item.id))?.subject ?? null).toBe(
          sees ? 'For the mandate only' : null,
        );
      }
    });

    it("needs a mandate: without mandateId the author's current one, and none is a BAD_USER_INPUT", async () => {
      expect(await refusal(log(chile, { subject: 'Orphan', visibility: Visibility.MANDATE }))).toBe('BAD_USER_INPUT');
      const current = await log(v.france, { subject: 'Current mandate', visibility: Visibility.MANDATE });
      expect(current.mandateId).toBe(mandate);
      const own = await log(chile, { subject: 'Chile alone', visibility: Visibility.ORGANIZATION });
      expect(await refusal(interactions.update(chile, own.id, { visibility: Visibility.MANDATE, expectedVersion: own.version }))).toBe(
        'BAD_USER_INPUT',
      );
      expect((await services.get(InteractionsRepository).visibleById(chile, own.id))?.visibility).toBe(Visibility.ORGANIZATION);
      // A stage note likewise: the move is refused and nothing is written.
      const moves = async () => (await services.get(StatesRepository).stageChangesOf(v.france, ['TUV'])).length;
      const before = await moves();
      const orphanNote = services
        .get(StatesService)
        .setStage(chile, { iso3: 'TUV', stage: RatificationStage.ENGAGED, note: 'Orphan', visibility: Visibility.MANDATE });
      expect(await refusal(orphanNote)).toBe('BAD_USER_INPUT');
      expect(await moves()).toBe(before);
    });

    it('applies to obstacles and stage notes too', async () => {
      const obstacles = services.get(ObstaclesService);
      const obstacle = await obstacles.record(v.panama, {
        stateIso3: 'SLB',
        category: ObstacleCategory.PROCEDURAL,
        description: 'Team note',
        visibility: Visibility.MANDATE,
        mandateId: mandate,
      });
      expect(obstacle.mandateId).toBe(mandate);
      expect((await services.get(ObstaclesRepository).visibleById(v.france, obstacle.id))?.description).toBe('Team note');
      expect(await services.get(ObstaclesRepository).visibleById(chile, obstacle.id)).toBeNull();

      await services
        .get(StatesService)
        .setStage(v.france, { iso3: 'SLB', stage: RatificationStage.ENGAGED, note: 'Team only', visibility: Visibility.MANDATE });
      const note = async (who: Viewer) => (await services.get(StatesRepository).stageChangesOf(who, ['SLB']))[0].note;
      expect(await note(v.panama)).toBe('Team only');
      expect(await note(chile)).toBeNull();
    });
  });
});
