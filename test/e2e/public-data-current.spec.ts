import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../../src/config/config.js';
import { importPublicData } from '../../src/data-import/importer.js';
import { TreatyActionsService } from '../../src/treaty-actions/treaty-actions.service.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const nodes = (connection: any) => connection.edges.map((edge: any) => edge.node);

const RECORD = `mutation($input: RecordTreatyActionInput!) { recordTreatyAction(input: $input) { id stateIso3 action date sourceUrl note inFile version } }`;
const UPDATE = `mutation($input: UpdateTreatyActionInput!) { updateTreatyAction(input: $input) { id date version } }`;
const DELETE = `mutation($id: ID!, $expectedVersion: Int!) { deleteTreatyAction(id: $id, expectedVersion: $expectedVersion) }`;
const STATE = `query($iso3: String!) { state(iso3: $iso3) { iso3 treatyStatus entryIntoForceDate consentDate consentType ratificationStage
  stageHistory { from to note changedBy { id } } } }`;
const SET_STAGE = `mutation($iso3: String!, $stage: RatificationStage!) { setRatificationStage(iso3: $iso3, stage: $stage) { ratificationStage } }`;
const FEED = `query($iso3: String!) { activityFeed(filter: { stateIso3s: [$iso3], kinds: [STAGE_CHANGED] }, first: 50) { edges { node { summary actor { id } } } } }`;
const AUDIT = `query($entityId: String) { auditLog(filter: { entity: "treaty_actions", entityId: $entityId }, first: 50) { edges { node { action actor { email } } } } }`;
const TARGETS = `query($filter: TargetFilter) { targets(filter: $filter, first: 200) { totalCount edges { node {
  state { iso3 treatyStatus votingRecord { yes no abstain total lastChoice } } } } } }`;
const RECORD_RESOLUTION = `mutation($input: RecordResolutionInput!) { recordResolution(input: $input) { symbol yes no abstain nonVoting } }`;
const IMPORT_VOTES = `mutation($csv: String!, $symbol: String) { importVotingRecord(csv: $csv, symbol: $symbol) { symbol session adoptedOn title yes no abstain nonVoting source } }`;
const REPORT = `query($input: ProgressReportInput!) { progressReport(input: $input) { asOf treaty { statesParties partiesIncludingDeposited ratifications { count } } } }`;

const SOURCE = 'https://treaties.un.org/doc/Publication/CN/2026/CN.999.2026-Eng.pdf';

describe('public data that stays current', () => {
  let t: TestApp;
  let cast: Cast;
  let follow: TreatyActionsService;

  const state = async (iso3: string) => ok(await t.gql(STATE, { iso3 }, cast.france.token)).state;
  const targets = async (filter: Record<string, unknown> = {}) => nodes(ok(await t.gql(TARGETS, { filter }, cast.france.token)).targets);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    follow = t.app.get(TreatyActionsService);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('stages follow dates', () => {
    it('moves a deposited State to JOINED on the day the Convention enters into force for it, once, with its history and feed', async () => {
      // Vanuatu acceded on 5 September 2025: the Convention entered into force for it on 1 March 2026.
      ok(await t.gql(SET_STAGE, { iso3: 'VUT', stage: 'DEPOSITED' }, cast.admin.token));
      expect((await follow.followDates('2026-02-28')).filter((move) => move.iso3 === 'VUT')).toEqual([]);
      expect((await state('VUT')).ratificationStage).toBe('DEPOSITED');

      expect((await follow.followDates('2026-03-01')).filter((move) => move.iso3 === 'VUT')).toEqual([{ iso3: 'VUT', to: 'JOINED' }]);
      expect((await follow.followDates('2026-03-02')).filter((move) => move.iso3 === 'VUT')).toEqual([]);

      const vanuatu = await state('VUT');
      expect(vanuatu.ratificationStage).toBe('JOINED');
      const moves = vanuatu.stageHistory.filter((change: any) => change.from === 'DEPOSITED' && change.to === 'JOINED');
      expect(moves).toEqual([
        { from: 'DEPOSITED', to: 'JOINED', note: 'Vanuatu: the Convention entered into force on 1 March 2026', changedBy: null },
      ]);
      const feed = nodes(ok(await t.gql(FEED, { iso3: 'VUT' }, cast.partner.token)).activityFeed);
      expect(feed.filter((event: any) => event.summary === 'Vanuatu: the Convention entered into force on 1 March 2026')).toEqual([
        { summary: 'Vanuatu: the Convention entered into force on 1 March 2026', actor: null },
      ]);
    });
  });

  describe('treaty actions as data', () => {
    let accession: any;

    it('is for admins only', async () => {
      const input = { stateIso3: 'DZA', action: 'ACCESSION', date: '2026-11-20', sourceUrl: SOURCE };
      expect(codes(await t.gql(RECORD, { input }, cast.france.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(RECORD, { input: { ...input, sourceUrl: 'not a url' } }, cast.admin.token))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await t.gql(RECORD, { input: { ...input, date: '2099-01-01' } }, cast.admin.token))).toEqual(['BAD_USER_INPUT']);
      expect((await state('DZA')).treatyStatus).toBe('NOT_SIGNED');
    });

    it('records a deposit: status, entry into force, stage and targets follow at once, audited', async () => {
      expect((await targets({ search: 'DZA' })).map((target: any) => target.state.iso3)).toEqual(['DZA']);
      const input = { stateIso3: 'DZA', action: 'ACCESSION', date: '2026-11-20', sourceUrl: SOURCE, note: 'Depositary notification' };
      accession = ok(await t.gql(RECORD, { input }, cast.admin.token)).recordTreatyAction;
      expect(accession).toMatchObject({
        stateIso3: 'DZA',
        action: 'ACCESSION',
        date: '2026-11-20',
        sourceUrl: SOURCE,
        inFile: false,
        version: 1,
      });

      const algeria = await state('DZA');
      expect(algeria).toMatchObject({
        treatyStatus: 'DEPOSITED',
        consentDate: '2026-11-20',
        consentType: 'ACCESSION',
        entryIntoForceDate: '2027-05-01',
        ratificationStage: 'DEPOSITED',
      });
      expect(algeria.stageHistory[0]).toMatchObject({
        to: 'DEPOSITED',
        note: 'Algeria: instrument of accession deposited on 20 November 2026',
        changedBy: null,
      });
      // Not a State not Party any more: off the default target list.
      expect(await targets({ search: 'DZA' })).toEqual([]);
      const audit = nodes(ok(await t.gql(AUDIT, { entityId: accession.id }, cast.admin.token)).auditLog);
      expect(audit).toEqual([{ action: 'recordTreatyAction', actor: { email: 'admin@example.org' } }]);
    });

    it('corrects it with expectedVersion, and the dates follow', async () => {
      const stale = await t.gql(UPDATE, { input: { id: accession.id, expectedVersion: 7, date: '2026-10-02' } }, cast.admin.token);
      expect(codes(stale)).toEqual(['CONFLICT']);
      // A date may be left out of a correction, but not erased.
      const erased = await t.gql(UPDATE, { input: { id: accession.id, expectedVersion: 1, date: null } }, cast.admin.token);
      expect(codes(erased)).toEqual(['BAD_USER_INPUT']);
      accession = ok(
        await t.gql(UPDATE, { input: { id: accession.id, expectedVersion: 1, date: '2026-10-02' } }, cast.admin.token),
      ).updateTreatyAction;
      expect(accession).toMatchObject({ date: '2026-10-02', version: 2 });
      expect(await state('DZA')).toMatchObject({ consentDate: '2026-10-02', entryIntoForceDate: '2027-04-01' });
      expect((await follow.followDates('2027-04-01')).filter((move) => move.iso3 === 'DZA')).toEqual([{ iso3: 'DZA', to: 'JOINED' }]);
    });

    it('survives a re-import of the treaty record file, which stays the baseline', async () => {
      await importPublicData(t.app.get(DataSource), join(PROJECT_ROOT, 'data'), { force: true });
      expect(await state('DZA')).toMatchObject({ consentDate: '2026-10-02', treatyStatus: 'DEPOSITED' });
    });

    it('recognises an action the file already gives: not doubled', async () => {
      const input = { stateIso3: 'VUT', action: 'ACCESSION', date: '2025-09-05', sourceUrl: SOURCE };
      const same = ok(await t.gql(RECORD, { input }, cast.admin.token)).recordTreatyAction;
      expect(same.inFile).toBe(true);
      const before = (await state('VUT')).stageHistory.length;
      const summary = await importPublicData(t.app.get(DataSource), join(PROJECT_ROOT, 'data'), { force: true });
      expect(summary.treatyActionsInFile).toBe(1);
      expect(await state('VUT')).toMatchObject({ consentDate: '2025-09-05', treatyStatus: 'STATE_PARTY' });
      expect((await state('VUT')).stageHistory).toHaveLength(before);
      ok(await t.gql(DELETE, { id: same.id, expectedVersion: 1 }, cast.admin.token));
    });

    it('deletes it: the State falls back to the file', async () => {
      expect(codes(await t.gql(DELETE, { id: accession.id, expectedVersion: 1 }, cast.admin.token))).toEqual(['CONFLICT']);
      expect(ok(await t.gql(DELETE, { id: accession.id, expectedVersion: 2 }, cast.admin.token)).deleteTreatyAction).toBe(accession.id);
      expect(await state('DZA')).toMatchObject({ treatyStatus: 'NOT_SIGNED', consentDate: null, entryIntoForceDate: null });
    });
  });

  describe('a new resolution and its votes', () => {
    it('refuses totals that do not match the per-State votes, listing the differences', async () => {
      const input = {
        symbol: 'A/RES/81/998',
        date: '2026-12-01',
        yes: 3,
        no: 0,
        abstain: 1,
        votes: [
          { stateIso3: 'AFG', vote: 'YES' },
          { stateIso3: 'ALB', vote: 'YES' },
          { stateIso3: 'RUS', vote: 'NO' },
        ],
      };
      expect(codes(await t.gql(RECORD_RESOLUTION, { input }, cast.france.token))).toEqual(['FORBIDDEN']);
      const refused = await t.gql(RECORD_RESOLUTION, { input }, cast.admin.token);
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0].extensions!.details.problems).toEqual([
        'yes: 3 given, 2 among the per-State votes',
        'no: 0 given, 1 among the per-State votes',
        'abstain: 1 given, 0 among the per-State votes',
      ]);
      expect(ok(await t.gql('{ resolutions { symbol } }', {}, cast.france.token)).resolutions.map((r: any) => r.symbol)).not.toContain(
        'A/RES/81/998',
      );
    });

    it('imports the UN Digital Library voting-record CSV; voting records follow, and as-of targets see the votes known then', async () => {
      const before = (await targets({ search: 'USA' }))[0].state.votingRecord;
      const csv = readFileSync(join(PROJECT_ROOT, 'test/fixtures/undl-voting-record.csv'), 'utf8');
      const resolution = ok(await t.gql(IMPORT_VOTES, { csv }, cast.admin.token)).importVotingRecord;
      expect(resolution).toEqual({
        symbol: 'A/RES/81/999',
        session: 81,
        adoptedOn: '2026-12-01',
        title: 'Implementation of the Convention on Cluster Munitions',
        yes: 3,
        no: 1,
        abstain: 1,
        nonVoting: 1,
        source: 'https://digitallibrary.un.org/record/9000001',
      });
      const after = (await targets({ search: 'USA' }))[0].state.votingRecord;
      expect(after).toEqual({ ...before, yes: before.yes + 1, total: before.total + 1, lastChoice: 'YES' });
      // As of a day before that vote, the record is what it was.
      expect((await targets({ search: 'USA', asOf: '2026-11-30' }))[0].state.votingRecord).toEqual(before);

      const broken = csv.replace(/,3,1,1,1,6,/g, ',4,1,1,1,6,');
      const refused = await t.gql(IMPORT_VOTES, { csv: broken }, cast.admin.token);
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0].extensions!.details.problems).toEqual(['yes: 4 given, 3 among the per-State votes']);
    });
  });

  describe('as of a day', () => {
    it('lists the targets with their treaty statuses on that day', async () => {
      // Vanuatu acceded in September 2025: a State not Party before, a State Party now.
      expect(await targets({ search: 'VUT' })).toEqual([]);
      expect(
        (await targets({ search: 'VUT', asOf: '2025-01-01' })).map((target: any) => [target.state.iso3, target.state.treatyStatus]),
      ).toEqual([['VUT', 'NOT_SIGNED']]);
    });

    it('counts the States Parties strictly and with those deposited, as the record gave them that day', async () => {
      // On 3 February 2026 the UN Treaty Collection listed 112 Parties, Vanuatu (deposited, bound from 1 March) among them.
      const report = ok(
        await t.gql(REPORT, { input: { from: '2025-01-01', to: '2026-12-31', asOf: '2026-02-03' } }, cast.france.token),
      ).progressReport;
      expect(report.asOf).toBe('2026-02-03');
      expect(report.treaty).toMatchObject({ statesParties: 111, partiesIncludingDeposited: 112 });
      const later = ok(
        await t.gql(REPORT, { input: { from: '2025-01-01', to: '2026-12-31', asOf: '2026-03-01' } }, cast.france.token),
      ).progressReport;
      expect(later.treaty).toMatchObject({ statesParties: 112, partiesIncludingDeposited: 112 });
    });
  });
});
