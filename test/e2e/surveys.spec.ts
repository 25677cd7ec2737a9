import { DataSource } from 'typeorm';
import { todayIso } from '../../src/common/dates.js';
import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Actor, type Cast } from '../support/fixtures.js';

const CREATE = `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) {
  id name visibility campaignId stateIso3s version questions { id position text category choices allowsText } } }`;
const ANSWER_FIELDS = 'id questionId stateIso3 choice text answeredOn visibility obstacleId version';
const RECORD = `mutation($input: RecordSurveyAnswerInput!) { recordSurveyAnswer(input: $input) { ${ANSWER_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateSurveyAnswerInput!) { updateSurveyAnswer(input: $input) { ${ANSWER_FIELDS} } }`;
const DELETE = `mutation($id: ID!, $expectedVersion: Int!) { deleteSurveyAnswer(id: $id, expectedVersion: $expectedVersion) }`;
const RESULTS = `query($id: ID!) { surveyResults(surveyId: $id) {
  question { position category } answers
  choices { choice count stateIso3s states { iso3 } }
  regions { regionalGroup choices { choice count stateIso3s } } } }`;

describe('the obstacle survey', () => {
  let t: TestApp;
  let cast: Cast;
  let survey: any;
  const today = todayIso();

  const record = async (input: Record<string, unknown>, actor: Actor = cast.france) =>
    ok(await t.gql(RECORD, { input: { surveyId: survey.id, answeredOn: today, ...input } }, actor.token)).recordSurveyAnswer;
  const results = async (actor: Actor) => ok(await t.gql(RESULTS, { id: survey.id }, actor.token)).surveyResults;
  /** A question's counts as `choice: ISO3 ISO3` lines, the choices nobody picked left out. */
  const picked = (result: any) => result.choices.filter((c: any) => c.count).map((c: any) => `${c.choice}: ${c.stateIso3s.join(' ')}`);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t?.close());

  it("creates a survey with the 2017 plan's three categories, sent through its own letter campaign", async () => {
    survey = ok(
      await t.gql(
        CREATE,
        { input: { name: 'Obstacles 2026', stateIso3s: ['KIR', 'TUV', 'BRA', 'EGY'], visibility: 'SHARED' } },
        cast.france.token,
      ),
    ).createSurvey;
    expect(survey.questions.map((q: any) => [q.position, q.category])).toEqual([
      [1, 'SUBSTANTIVE'],
      [2, 'PROCEDURAL'],
      [3, 'TECHNICAL'],
    ]);
    for (const question of survey.questions) expect(question.choices).toContain('None');
    expect(survey.stateIso3s).toEqual(['BRA', 'EGY', 'KIR', 'TUV']);
    const campaign = ok(
      await t.gql(
        `query($id: ID!) { letterCampaign(id: $id) { name visibility sendingDate letters { state { iso3 } status } } }`,
        { id: survey.campaignId },
        cast.partner.token,
      ),
    ).letterCampaign;
    expect(campaign).toMatchObject({ name: 'Obstacles 2026', visibility: 'SHARED', sendingDate: today });
    expect(campaign.letters.map((l: any) => l.state.iso3).sort()).toEqual(['BRA', 'EGY', 'KIR', 'TUV']);
    expect(campaign.letters.every((l: any) => l.status === 'AWAITING_REPLY')).toBe(true);
  });

  it('takes questions of its own, and refuses a State Party as its campaign does, writing nothing', async () => {
    const own = ok(
      await t.gql(
        CREATE,
        { input: { name: 'Own questions', stateIso3s: ['USA'], questions: [{ text: 'Anything else?' }] } },
        cast.panama.token,
      ),
    ).createSurvey;
    expect(own.questions).toEqual([
      { id: expect.any(String), position: 1, text: 'Anything else?', category: null, choices: [], allowsText: true },
    ]);
    expect(own.visibility).toBe('COORDINATORS');
    const before = ok(await t.gql('{ letterCampaigns { totalCount } }', {}, cast.admin.token)).letterCampaigns.totalCount;
    const refused = await t.gql(CREATE, { input: { name: 'With France', stateIso3s: ['KIR', 'FRA'] } }, cast.france.token);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(ok(await t.gql('{ letterCampaigns { totalCount } }', {}, cast.admin.token)).letterCampaigns.totalCount).toBe(before);
    expect(ok(await t.gql('{ surveys { name } }', {}, cast.admin.token)).surveys.map((s: any) => s.name)).toEqual([
      'Own questions',
      'Obstacles 2026',
    ]);
  });

  it('counts in the results only the answers each viewer may see, per question and per regional group', async () => {
    const procedural = survey.questions[1].id;
    const first = await record({ questionId: procedural, stateIso3: 'KIR', choice: 'Parliamentary approval', visibility: 'SHARED' });
    expect(first).toMatchObject({ visibility: 'SHARED', version: 1, obstacleId: null });
    const confidential = await record({
      questionId: procedural,
      stateIso3: 'TUV',
      choice: 'Parliamentary approval',
      text: 'The session is in May',
    });
    expect(confidential.visibility).toBe('COORDINATORS');
    await record({ questionId: procedural, stateIso3: 'BRA', choice: 'Inter-ministerial consultation', visibility: 'ORGANIZATION' });
    await record({ questionId: procedural, stateIso3: 'EGY', choice: 'Parliamentary approval', visibility: 'ORGANIZATION' }, cast.panama);

    const of = async (actor: Actor) => (await results(actor))[1];
    expect(picked(await of(cast.admin))).toEqual(['Parliamentary approval: KIR TUV']);
    expect(picked(await of(cast.france))).toEqual(['Inter-ministerial consultation: BRA', 'Parliamentary approval: KIR TUV']);
    expect(picked(await of(cast.panama))).toEqual(['Parliamentary approval: EGY KIR TUV']);
    expect(picked(await of(cast.partner))).toEqual(['Parliamentary approval: KIR']);

    const france = await of(cast.france);
    expect(france.answers).toBe(3);
    expect(france.choices.find((c: any) => c.choice === 'Parliamentary approval').states).toEqual([{ iso3: 'KIR' }, { iso3: 'TUV' }]);
    expect(france.regions.map((r: any) => [r.regionalGroup, picked(r)])).toEqual([
      ['ASIA_PACIFIC', ['Parliamentary approval: KIR TUV']],
      ['LATIN_AMERICAN_AND_CARIBBEAN', ['Inter-ministerial consultation: BRA']],
    ]);
    // The answers themselves, by the same rule.
    const answers = async (actor: Actor) =>
      ok(await t.gql(`query($id: ID!) { survey(id: $id) { answers { stateIso3 } } }`, { id: survey.id }, actor.token)).survey.answers.map(
        (a: any) => a.stateIso3,
      );
    expect(await answers(cast.partner)).toEqual(['KIR']);
    expect(await answers(cast.panama)).toEqual(['EGY', 'KIR', 'TUV']);
  });

  it("opens an obstacle in the register, in the question's category, with the answer's visibility", async () => {
    const technical = survey.questions[2];
    const answer = await record({
      questionId: technical.id,
      stateIso3: 'EGY',
      choice: technical.choices[2],
      text: 'No destruction facility',
      openObstacle: true,
    });
    expect(answer.obstacleId).toEqual(expect.any(String));
    const read = async (actor: Actor) =>
      ok(
        await t.gql(
          `query($id: ID!) { obstacle(id: $id) { category status visibility recordedOn description state { iso3 } } }`,
          { id: answer.obstacleId },
          actor.token,
        ),
      ).obstacle;
    expect(await read(cast.panama)).toMatchObject({
      category: 'TECHNICAL',
      status: 'OPEN',
      visibility: 'COORDINATORS',
      recordedOn: today,
      state: { iso3: 'EGY' },
    });
    expect((await read(cast.france)).description).toContain('No destruction facility');
    expect(await read(cast.partner)).toBeNull();
  });

  it('refuses a bad answer with every problem, and a question without category cannot open an obstacle', async () => {
    const before = ok(await t.gql('{ obstacles { totalCount } }', {}, cast.admin.token)).obstacles.totalCount;
    const bad = await t.gql(
      RECORD,
      { input: { surveyId: survey.id, questionId: survey.questions[0].id, stateIso3: 'USA', choice: 'Maybe', answeredOn: today } },
      cast.france.token,
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.details.problems).toEqual([
      expect.stringContaining('"Maybe" is not one of the choices'),
      'The survey was not sent to USA',
    ]);
    const none = await t.gql(
      RECORD,
      { input: { surveyId: survey.id, questionId: survey.questions[0].id, stateIso3: 'KIR', answeredOn: today } },
      cast.france.token,
    );
    expect(none.errors![0].extensions!.details.problems).toEqual(['An answer needs a choice or a text']);
    const twice = await t.gql(
      RECORD,
      { input: { surveyId: survey.id, questionId: survey.questions[1].id, stateIso3: 'KIR', choice: 'None', answeredOn: today } },
      cast.france.token,
    );
    expect(codes(twice)).toEqual(['CONFLICT']);
    expect(ok(await t.gql('{ obstacles { totalCount } }', {}, cast.admin.token)).obstacles.totalCount).toBe(before);
    const partner = await t.gql(
      RECORD,
      { input: { surveyId: survey.id, questionId: survey.questions[0].id, stateIso3: 'KIR', choice: 'None', answeredOn: today } },
      cast.partner.token,
    );
    expect(codes(partner)).toEqual(['FORBIDDEN']);
    const own = ok(await t.gql('{ surveys { id name questions { id } } }', {}, cast.panama.token)).surveys.find(
      (s: any) => s.name === 'Own questions',
    );
    const uncategorized = await t.gql(
      RECORD,
      {
        input: {
          surveyId: own.id,
          questionId: own.questions[0].id,
          stateIso3: 'USA',
          text: 'Our allies',
          answeredOn: today,
          openObstacle: true,
        },
      },
      cast.panama.token,
    );
    expect(uncategorized.errors![0].extensions!.details.problems).toEqual([
      'Question 1 has no obstacle category: it cannot open an obstacle',
    ]);
    expect(ok(await t.gql('{ obstacles { totalCount } }', {}, cast.admin.token)).obstacles.totalCount).toBe(before);
  });

  it('corrects an answer from the version read (a stale one is a CONFLICT) and deletes it', async () => {
    const substantive = survey.questions[0];
    const answer = await record({ questionId: substantive.id, stateIso3: 'TUV', choice: 'None' });
    const corrected = ok(
      await t.gql(UPDATE, { input: { id: answer.id, expectedVersion: 1, choice: substantive.choices[1] } }, cast.panama.token),
    ).updateSurveyAnswer;
    expect(corrected).toMatchObject({ choice: substantive.choices[1], version: 2 });
    const stale = await t.gql(UPDATE, { input: { id: answer.id, expectedVersion: 1, choice: 'None' } }, cast.france.token);
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions!.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    const badChoice = await t.gql(UPDATE, { input: { id: answer.id, expectedVersion: 2, choice: 'Maybe' } }, cast.france.token);
    expect(codes(badChoice)).toEqual(['BAD_USER_INPUT']);
    const hidden = await t.gql(UPDATE, { input: { id: answer.id, expectedVersion: 2, visibility: 'SHARED' } }, cast.panama.token);
    expect(codes(hidden)).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(DELETE, { id: answer.id, expectedVersion: 1 }, cast.france.token))).toEqual(['CONFLICT']);
    expect(ok(await t.gql(DELETE, { id: answer.id, expectedVersion: 2 }, cast.france.token)).deleteSurveyAnswer).toBe(answer.id);
    const trail = ok(
      await t.gql(
        `query($id: String) { auditLog(filter: { entity: "survey_answers", entityId: $id }) { edges { node { action actor { id } } } } }`,
        { id: answer.id },
        cast.admin.token,
      ),
    );
    expect(trail.auditLog.edges.map((e: any) => [e.node.action, e.node.actor.id])).toEqual([
      ['deleteSurveyAnswer', cast.france.id],
      ['updateSurveyAnswer', cast.panama.id],
      ['recordSurveyAnswer', cast.france.id],
    ]);
    expect(picked((await results(cast.france))[0])).toEqual([]);
  });

  it("does not show another organization's survey, nor its results", async () => {
    const own = ok(
      await t.gql(CREATE, { input: { name: 'France only', stateIso3s: ['KIR'], visibility: 'ORGANIZATION' } }, cast.france.token),
    ).createSurvey;
    expect(ok(await t.gql(`query($id: ID!) { survey(id: $id) { id } }`, { id: own.id }, cast.panama.token)).survey).toBeNull();
    expect(codes(await t.gql(RESULTS, { id: own.id }, cast.panama.token))).toEqual(['NOT_FOUND']);
    expect(
      codes(
        await t.gql(
          RECORD,
          { input: { surveyId: own.id, questionId: own.questions[0].id, stateIso3: 'KIR', choice: 'None', answeredOn: today } },
          cast.panama.token,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
  });
  it('gives in the progress report the results of the surveys each viewer may see, in the API and the downloads', async () => {
    const own = ok(await t.gql('{ surveys { id name questions { id choices } } }', {}, cast.france.token)).surveys.find(
      (s: any) => s.name === 'France only',
    );
    await record({
      surveyId: own.id,
      questionId: own.questions[0].id,
      stateIso3: 'KIR',
      choice: own.questions[0].choices[3],
      visibility: 'ORGANIZATION',
    });
    const REPORT = `query($input: ProgressReportInput!) { progressReport(input: $input) { surveys { survey { name }
      results { question { position } answers choices { choice count stateIso3s states { iso3 } } regions { regionalGroup choices { choice count stateIso3s } } } } } }`;
    const report = async (actor: Actor) =>
      ok(await t.gql(REPORT, { input: { from: today, to: today } }, actor.token)).progressReport.surveys;
    const names = (surveys: any[]) => surveys.map((s) => s.survey.name);

    const france = await report(cast.france);
    expect(names(france)).toEqual(['Obstacles 2026', 'Own questions', 'France only']);
    expect(picked(france[2].results[0])).toEqual([`${own.questions[0].choices[3]}: KIR`]);
    expect(picked(france[0].results[1])).toEqual(['Inter-ministerial consultation: BRA', 'Parliamentary approval: KIR TUV']);
    expect(france[0].results[1].regions.map((r: any) => [r.regionalGroup, picked(r)])).toEqual([
      ['ASIA_PACIFIC', ['Parliamentary approval: KIR TUV']],
      ['LATIN_AMERICAN_AND_CARIBBEAN', ['Inter-ministerial consultation: BRA']],
    ]);
    // Another organization does not get France's survey; a partner gets the shared survey with its shared answers only.
    expect(names(await report(cast.panama))).toEqual(['Obstacles 2026', 'Own questions']);
    const partner = await report(cast.partner);
    expect(names(partner)).toEqual(['Obstacles 2026']);
    expect(partner[0].results.map(picked)).toEqual([[], ['Parliamentary approval: KIR'], []]);
    // The report's scope narrows the answers counted.
    const asia = ok(
      await t.gql(REPORT, { input: { from: today, to: today, regionalGroups: ['LATIN_AMERICAN_AND_CARIBBEAN'] } }, cast.france.token),
    ).progressReport.surveys;
    expect(picked(asia[0].results[1])).toEqual(['Inter-ministerial consultation: BRA']);

    const download = async (file: string, actor: Actor) => {
      const response = await fetch(`${t.url}/exports/${file}?from=${today}&to=${today}`, {
        headers: { authorization: `Bearer ${actor.token}` },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const surveyLines = (text: string) => text.split('\n').filter((line) => line.startsWith('Survey:'));
    const frenchCsv = surveyLines(await download('progress-report.csv', cast.france));
    expect(frenchCsv).toContain(
      'Survey: Obstacles 2026,Q2. Which procedural steps stand in the way of joining the Convention? | Parliamentary approval | All,2,KIR;TUV,Kiribati; Tuvalu',
    );
    expect(frenchCsv).toContain(
      'Survey: Obstacles 2026,Q2. Which procedural steps stand in the way of joining the Convention? | Parliamentary approval | Asia-Pacific,2,KIR;TUV,Kiribati; Tuvalu',
    );
    expect(frenchCsv.some((line) => line.startsWith('Survey: France only'))).toBe(true);
    const panamaCsv = surveyLines(await download('progress-report.csv', cast.panama));
    expect(panamaCsv.some((line) => line.includes('France only'))).toBe(false);
    const partnerCsv = surveyLines(await download('progress-report.csv', cast.partner));
    expect(partnerCsv.filter((line) => / \| All,[1-9]/.test(line))).toEqual([
      'Survey: Obstacles 2026,Q2. Which procedural steps stand in the way of joining the Convention? | Parliamentary approval | All,1,KIR,Kiribati',
    ]);
    expect(partnerCsv.join('\n')).not.toMatch(/Own questions|France only|TUV|Tuvalu/);

    const frenchMd = await download('progress-report.md', cast.france);
    expect(frenchMd).toContain('### France only');
    expect(frenchMd).toContain('| Asia-Pacific | Parliamentary approval | 2 | Kiribati, Tuvalu |');
    const partnerMd = (await download('progress-report.md', cast.partner)).split('## Surveys')[1];
    expect(partnerMd).toContain('| All | Parliamentary approval | 1 | Kiribati |');
    expect(partnerMd).not.toMatch(/Own questions|France only|Tuvalu/);
    expect((await download('progress-report.md', cast.panama)).split('## Surveys')[1]).not.toContain('France only');
  });

  it("weighs in the targets' score the survey answers each viewer may see, and only those", async () => {
    const substantive = survey.questions[0];
    await record({ questionId: substantive.id, stateIso3: 'KIR', choice: 'None', visibility: 'SHARED' });
    await record({ questionId: substantive.id, stateIso3: 'TUV', choice: substantive.choices[1] });
    const TARGETS = `{ targets(first: 200) { edges { node { score state { iso3 } reasons { factor points detail } } } } }`;
    const targets = async (actor: Actor) => {
      const edges = ok(await t.gql(TARGETS, {}, actor.token)).targets.edges;
      return Object.fromEntries(
        edges.filter((e: any) => ['KIR', 'TUV', 'EGY', 'BRA'].includes(e.node.state.iso3)).map((e: any) => [e.node.state.iso3, e.node]),
      );
    };
    const factor = (node: any) => node.reasons.find((r: any) => r.factor === 'surveyAnswers') ?? null;

    const france = await targets(cast.france);
    expect(factor(france.KIR)).toEqual({
      factor: 'surveyAnswers',
      points: 1,
      detail: 'Survey answers: no substantive obstacle; 1 obstacle named (procedural)',
    });
    expect(factor(france.TUV)).toEqual({
      factor: 'surveyAnswers',
      points: -4,
      detail: 'Survey answers: 2 obstacles named (substantive, procedural)',
    });
    expect(factor(france.BRA)).toMatchObject({ points: -2, detail: 'Survey answers: 1 obstacle named (procedural)' });
    // EGY: France sees only the technical answer, which opened an obstacle in the register (counted there); Panama's answer is Panama's.
    expect(factor(france.EGY)).toBeNull();
    expect(factor((await targets(cast.panama)).EGY)).toMatchObject({ points: -2 });
    expect(factor((await targets(cast.panama)).BRA)).toBeNull();

    // A partner's score does not reveal the confidential answers: TUV's are COORDINATORS, KIR's procedural one SHARED.
    const partner = await targets(cast.partner);
    expect(factor(partner.TUV)).toBeNull();
    expect(partner.TUV.score).toBe(france.TUV.score + 4);
    expect(JSON.stringify(partner.TUV)).not.toContain('urvey');
    expect(factor(partner.KIR)).toEqual(factor(france.KIR));
  });

  it('writes a survey once for a retry with the same idempotency key, and answers the first survey again', async () => {
    const KEYED = `mutation($input: CreateSurveyInput!, $key: String) { createSurvey(input: $input, idempotencyKey: $key) { id name campaignId } }`;
    const input = { name: 'Sent twice', stateIso3s: ['KIR'] };
    const first = ok(await t.gql(KEYED, { input, key: 'survey-retry-0001' }, cast.france.token)).createSurvey;
    const again = ok(await t.gql(KEYED, { input, key: 'survey-retry-0001' }, cast.france.token)).createSurvey;
    expect(again).toEqual(first);
    expect(ok(await t.gql('{ surveys { name } }', {}, cast.france.token)).surveys.filter((s: any) => s.name === 'Sent twice')).toHaveLength(
      1,
    );
  });

  it('writes a survey with its campaign, and an answer with its obstacle, all or nothing', async () => {
    const db = t.app.get(DataSource);
    const counts = async () =>
      (
        await db.query(`SELECT (SELECT count(*) FROM letter_campaigns)::int AS campaigns, (SELECT count(*) FROM interactions)::int AS letters,
          (SELECT count(*) FROM activity_events)::int AS events, (SELECT count(*) FROM surveys)::int AS surveys,
          (SELECT count(*) FROM obstacles)::int AS obstacles, (SELECT count(*) FROM survey_answers)::int AS answers`)
      )[0];
    // The second half of each write fails (a constraint of the database, say) after the first has been written.
    await db.query(
      `CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`,
    );
    await db.query(`CREATE TRIGGER refuse_questions BEFORE INSERT ON survey_questions FOR EACH ROW EXECUTE FUNCTION refuse_for_test()`);
    await db.query(`CREATE TRIGGER refuse_answers BEFORE INSERT ON survey_answers FOR EACH ROW EXECUTE FUNCTION refuse_for_test()`);
    try {
      const before = await counts();
      const created = await t.gql(CREATE, { input: { name: 'Half written', stateIso3s: ['KIR', 'TUV'] } }, cast.france.token);
      expect(created.errors).toHaveLength(1);
      const technical = survey.questions[2];
      const answered = await t.gql(
        RECORD,
        {
          input: {
            surveyId: survey.id,
            questionId: technical.id,
            stateIso3: 'KIR',
            choice: technical.choices[1],
            answeredOn: today,
            openObstacle: true,
          },
        },
        cast.france.token,
      );
      expect(answered.errors).toHaveLength(1);
      expect(await counts()).toEqual(before);
    } finally {
      await db.query(`DROP TRIGGER refuse_questions ON survey_questions`);
      await db.query(`DROP TRIGGER refuse_answers ON survey_answers`);
      await db.query(`DROP FUNCTION refuse_for_test()`);
    }
  });

  it("names a campaign's survey only to those who may see the survey, whatever the campaign's visibility", async () => {
    const own = ok(
      await t.gql(CREATE, { input: { name: 'Quiet survey', stateIso3s: ['TUV'], visibility: 'ORGANIZATION' } }, cast.france.token),
    ).createSurvey;
    const CAMPAIGN = `query($id: ID!) { letterCampaign(id: $id) { id version visibility surveyId } }`;
    const read = async (actor: Actor) => ok(await t.gql(CAMPAIGN, { id: own.campaignId }, actor.token)).letterCampaign;
    expect(await read(cast.france)).toMatchObject({ surveyId: own.id });
    expect(await read(cast.panama)).toBeNull();
    // The campaign is then shared with everyone; its survey stays with France.
    const campaign = await read(cast.france);
    ok(
      await t.gql(
        `mutation($input: UpdateLetterCampaignInput!) { updateLetterCampaign(input: $input) { id } }`,
        { input: { id: own.campaignId, expectedVersion: campaign.version, visibility: 'SHARED' } },
        cast.france.token,
      ),
    );
    expect(await read(cast.panama)).toMatchObject({ visibility: 'SHARED', surveyId: null });
    expect(await read(cast.partner)).toMatchObject({ visibility: 'SHARED', surveyId: null });
    expect(await read(cast.france)).toMatchObject({ surveyId: own.id });
    // A campaign of no survey has none; a shared survey's campaign names it to the partner.
    expect(ok(await t.gql(CAMPAIGN, { id: survey.campaignId }, cast.partner.token)).letterCampaign.surveyId).toBe(survey.id);
  });
});
