import type { Viewer } from '../../src/auth/viewer.js';
import { InteractionType, ObstacleCategory, Visibility } from '../../src/common/enums.js';
import { GroupingsService } from '../../src/groupings/groupings.service.js';
import type { LogInteractionInput } from '../../src/interactions/dto/interaction.inputs.js';
import { FollowUpsService } from '../../src/interactions/follow-ups.service.js';
import { InteractionsRepository } from '../../src/interactions/interactions.repository.js';
import { InteractionsService } from '../../src/interactions/interactions.service.js';
import { ObstaclesService } from '../../src/obstacles/obstacles.service.js';
import type { StartMandateInput } from '../../src/work-plans/dto/work-plan.inputs.js';
import { MandatesService } from '../../src/work-plans/mandates.service.js';
import { WorkPlanLoaders } from '../../src/work-plans/work-plan.loaders.js';
import { PlannedActivityKind, PlannedActivityStatus } from '../../src/work-plans/work-plan.enums.js';
import type { Mandate } from '../../src/work-plans/work-plan.models.js';
import { createViewers, daysAgo, refusal, startTestServices, type TestServices, type Viewers } from '../support/services.js';

const subjects = (items: { subject: string }[]) => items.map((i) => i.subject).sort();

/**
 * The 2025 coordinators (France and Panama) hand over to the 2026 pair (Panama and New Zealand):
 * open follow-ups, open obstacles, target lists and unfinished planned activities.
 */
describe('hand-over (services)', () => {
  let services: TestServices;
  let v: Viewers;
  let newZealand: Viewer;
  let mandates: MandatesService;
  let old: Mandate;
  let next: Mandate;
  let oldBefore: Awaited<ReturnType<typeof read>>;
  const ids: Record<string, string> = {};

  /** What a viewer reads of a mandate's hand-over and open items, through the loaders its fields use. */
  const read = async (who: Viewer, id: string) => {
    const loaders = services.get(WorkPlanLoaders).forRequest(who);
    return {
      carriedFollowUps: await loaders.carriedFollowUps.load(id),
      openFollowUps: await loaders.openFollowUps.load(id),
      carriedObstacles: await loaders.carriedObstacles.load(id),
      openObstacles: await loaders.openObstacles.load(id),
      carriedTargetLists: (await loaders.carriedTargetLists.load(id)).map((g) => g.name),
      targetLists: (await loaders.targetLists.load(id)).map((g) => g.name),
      carriedActivities: await loaders.carriedActivities.load(id),
      activities: await loaders.activities.load(id),
      objectives: await loaders.objectives.load(id),
    };
  };
  const start = (who: Viewer, input: Partial<StartMandateInput>) =>
    mandates.start(who, {
      name: 'A mandate',
      periodFrom: daysAgo(100),
      periodTo: daysAgo(-100),
      organizationIds: [who.organizationId],
      ...input,
    });

  beforeAll(async () => {
    services = await startTestServices();
    v = await createViewers(services);
    newZealand = await services.member('New Zealand');
    mandates = services.get(MandatesService);
    const interactions = services.get(InteractionsService);
    const obstacles = services.get(ObstaclesService);

    const grouping = await services.get(GroupingsService).create(v.france, { name: 'Pacific focus', stateIso3s: ['KIR', 'TON', 'TUV'] });
    old = await start(v.france, {
      name: 'Universalization coordinators 2025',
      periodFrom: daysAgo(500),
      periodTo: daysAgo(135),
      organizationIds: [v.france.organizationId, v.panama.organizationId],
      targetListIds: [grouping.id],
    });

    const log = async (who: Viewer, input: Omit<LogInteractionInput, 'stateIso3s'> & { stateIso3s: string[] }) =>
      (await interactions.log(who, input)).id;
    ids.franceShared = await log(v.france, {
      type: InteractionType.LETTER,
      occurredOn: daysAgo(300),
      subject: 'Letter to Kiribati',
      stateIso3s: ['KIR'],
      followUpOn: daysAgo(100),
      visibility: Visibility.SHARED,
    });
    ids.franceOwn = await log(v.france, {
      type: InteractionType.BILATERAL_MEETING,
      occurredOn: daysAgo(250),
      subject: 'Meeting kept within France',
      stateIso3s: ['TON'],
      followUpOn: daysAgo(90),
      visibility: Visibility.ORGANIZATION,
    });
    ids.panama = await log(v.panama, {
      type: InteractionType.PHONE_CALL,
      occurredOn: daysAgo(200),
      subject: 'Call with Tuvalu',
      stateIso3s: ['TUV'],
      followUpOn: daysAgo(80),
      visibility: Visibility.COORDINATORS,
    });
    const done = await log(v.france, {
      type: InteractionType.EMAIL,
      occurredOn: daysAgo(240),
      subject: 'Follow-up already done',
      stateIso3s: ['KIR'],
      followUpOn: daysAgo(230),
      visibility: Visibility.SHARED,
    });
    await services.get(FollowUpsService).markFollowUpDone(v.france, done, true);
    await log(v.france, {
      type: InteractionType.LETTER,
      occurredOn: daysAgo(260),
      subject: 'No follow-up',
      stateIso3s: ['KIR'],
      visibility: Visibility.SHARED,
    });

    const record = (stateIso3: string) =>
      obstacles.record(v.france, {
        stateIso3,
        category: ObstacleCategory.SUBSTANTIVE,
        description: `Stockpile concerns of ${stateIso3}`,
        recordedOn: daysAgo(220),
      });
    ids.openObstacle = (await record('TON')).id;
    const addressed = await record('KIR');
    await obstacles.resolve(v.france, { id: addressed.id, expectedVersion: addressed.version, resolvedOn: daysAgo(150) });

    await mandates.addObjective(v.france, old.id, { title: 'Universalization in the Pacific' });
    const plan = async (title: string, status: PlannedActivityStatus) =>
      (await mandates.planActivity(v.panama, old.id, { title, kind: PlannedActivityKind.OTHER, plannedOn: daysAgo(200), status })).id;
    ids.planned = await plan('Regional workshop in Suva', PlannedActivityStatus.PLANNED);
    await plan('Letters in January', PlannedActivityStatus.DONE);
    await plan('Visit to Port Vila', PlannedActivityStatus.CANCELLED);

    oldBefore = await read(v.france, old.id);
    // Panama, part of both pairs, starts the new mandate: only an editor of the old one hands it over.
    next = await start(v.panama, {
      name: 'Universalization coordinators 2026',
      periodFrom: daysAgo(134),
      periodTo: daysAgo(-230),
      organizationIds: [v.panama.organizationId, newZealand.organizationId],
      previousMandateId: old.id,
    });
  });
  afterAll(() => services?.close());

  it('carries over the open follow-ups: the same interactions, with their authors and organizations, as each viewer may see them', async () => {
    expect(next.previousMandateId).toBe(old.id);
    const mandate = await read(newZealand, next.id);
    // New Zealand sees what coordinators may see: not France's own meeting.
    expect(subjects(mandate.carriedFollowUps)).toEqual(['Call with Tuvalu', 'Letter to Kiribati']);
    expect(mandate.carriedFollowUps.find((i) => i.subject === 'Letter to Kiribati')).toMatchObject({
      id: ids.franceShared,
      authorId: v.france.id,
      organizationId: v.france.organizationId,
      followUpDone: false,
    });
    expect(mandate.carriedFollowUps.find((i) => i.subject === 'Call with Tuvalu')).toMatchObject({
      id: ids.panama,
      authorId: v.panama.id,
      organizationId: v.panama.organizationId,
    });
    expect(subjects(mandate.openFollowUps)).toEqual(['Call with Tuvalu', 'Letter to Kiribati']);
    // France still sees its own meeting among the new mandate's open items; the partner the shared letter only.
    expect(subjects((await read(v.france, next.id)).carriedFollowUps)).toEqual([
      'Call with Tuvalu',
      'Letter to Kiribati',
      'Meeting kept within France',
    ]);
    expect(subjects((await read(v.partner, next.id)).carriedFollowUps)).toEqual(['Letter to Kiribati']);
  });

  it('carries over the open obstacles, the target lists and the unfinished planned activities', async () => {
    const mandate = await read(newZealand, next.id);
    expect(mandate.carriedObstacles.map((o) => [o.id, o.stateIso3, o.status])).toEqual([[ids.openObstacle, 'TON', 'OPEN']]);
    expect(mandate.openObstacles.map((o) => o.id)).toEqual([ids.openObstacle]);
    expect(mandate.carriedTargetLists).toEqual(['Pacific focus']);
    expect(mandate.targetLists).toEqual(['Pacific focus']);
    expect(mandate.carriedActivities.map((a) => [a.title, a.status, a.carriedFromId])).toEqual([
      ['Regional workshop in Suva', 'PLANNED', ids.planned],
    ]);
    expect(mandate.activities.map((a) => a.title)).toEqual(['Regional workshop in Suva']);
    expect(mandate.objectives).toEqual([]);
    expect([...next.organizationIds].sort()).toEqual([v.panama.organizationId, newZealand.organizationId].sort());
  });

  it('leaves the old mandate whole: its plan, its open items, and the interactions as logged', async () => {
    const after = await read(v.france, old.id);
    expect(after).toEqual(oldBefore);
    expect(after.activities.map((a) => [a.title, a.status])).toEqual([
      ['Regional workshop in Suva', 'PLANNED'],
      ['Letters in January', 'DONE'],
      ['Visit to Port Vila', 'CANCELLED'],
    ]);
    expect(after.objectives.map((o) => o.title)).toEqual(['Universalization in the Pacific']);
    expect(subjects(after.openFollowUps)).toEqual(['Call with Tuvalu', 'Letter to Kiribati', 'Meeting kept within France']);
    expect(after.carriedFollowUps).toEqual([]);
    const successor = await services.get(WorkPlanLoaders).forRequest(v.france).successor.load(old.id);
    expect(successor?.id).toBe(next.id);
    // The interactions themselves were not rewritten: version 1, as logged.
    expect(await services.get(InteractionsRepository).visibleById(v.france, ids.franceShared)).toMatchObject({
      version: 1,
      authorId: v.france.id,
    });
  });

  it('keeps the hand-over record when a carried follow-up is done, and drops it from the open items', async () => {
    await services.get(FollowUpsService).markFollowUpDone(v.panama, ids.panama, true);
    const mandate = await read(v.panama, next.id);
    expect(subjects(mandate.openFollowUps)).toEqual(['Letter to Kiribati']);
    expect(mandate.carriedFollowUps.find((i) => i.id === ids.panama)?.followUpDone).toBe(true);
    // A follow-up the new coordinators log is theirs, not carried.
    await services.get(InteractionsService).log(newZealand, {
      type: InteractionType.LETTER,
      occurredOn: daysAgo(10),
      subject: 'Letter to Tonga from Wellington',
      stateIso3s: ['TON'],
      followUpOn: daysAgo(-20),
      visibility: Visibility.COORDINATORS,
    });
    const later = await read(v.panama, next.id);
    expect(subjects(later.openFollowUps)).toEqual(['Letter to Kiribati', 'Letter to Tonga from Wellington']);
    expect(later.carriedFollowUps).toHaveLength(2);
  });

  it('hands over a mandate once, after its start, and keeps a handed-over mandate from deletion', async () => {
    expect(await refusal(start(v.france, { name: 'Twice', previousMandateId: old.id }))).toBe('CONFLICT');
    expect(await refusal(start(newZealand, { name: 'Too early', periodFrom: daysAgo(600), previousMandateId: next.id }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await refusal(start(v.france, { name: 'Nothing before', previousMandateId: '00000000-0000-4000-8000-000000000000' }))).toBe(
      'NOT_FOUND',
    );
    expect(await refusal(mandates.delete(v.france, old.id, old.version))).toBe('CONFLICT');
    expect((await mandates.get(v.france, old.id))?.name).toBe('Universalization coordinators 2025');
  });
});
