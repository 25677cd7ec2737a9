import type { TestApp } from '../../support/app.js';
import { CALLERS, type Caller, type MatrixCase } from '../../support/authorization.js';
import { todayIso } from '../../../src/common/dates.js';
import type { Actor } from '../../support/fixtures.js';

const CREATE = `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id questions { id choices } } }`;
const RECORD = `mutation($input: RecordSurveyAnswerInput!) { recordSurveyAnswer(input: $input) { id } }`;
const UPDATE = `mutation($input: UpdateSurveyAnswerInput!) { updateSurveyAnswer(input: $input) { id } }`;
const DELETE = `mutation($id: ID!, $expectedVersion: Int!) { deleteSurveyAnswer(id: $id, expectedVersion: $expectedVersion) }`;
const RESULTS = `query($id: ID!) { surveyResults(surveyId: $id) { choices { choice stateIso3s } } }`;

/** One State per caller, so that each caller answers for a State of its own. */
const STATE_OF: Record<Caller, string> = { admin: 'KIR', france: 'TON', panama: 'FSM', partner: 'PNG', anonymous: 'SLB' };

interface Survey {
  id: string;
  questionId: string;
  choice: string;
}

async function survey(t: TestApp, owner: Actor, visibility: string): Promise<Survey> {
  const input = { name: `Matrix ${visibility} survey`, stateIso3s: Object.values(STATE_OF), visibility };
  const created = (await t.gql(CREATE, { input }, owner.token)).data.createSurvey;
  return { id: created.id, questionId: created.questions[0].id, choice: created.questions[0].choices[0] };
}

async function answer(t: TestApp, owner: Actor, of: Survey, stateIso3: string, visibility: string): Promise<string> {
  const input = { surveyId: of.id, questionId: of.questionId, stateIso3, choice: of.choice, answeredOn: todayIso(), visibility };
  return (await t.gql(RECORD, { input }, owner.token)).data.recordSurveyAnswer.id;
}

/** A SHARED survey of France with one answer of France (this visibility), for KIR: whether the results count it. */
async function answered(t: TestApp, france: Actor, visibility: string): Promise<Survey> {
  const shared = await survey(t, france, 'SHARED');
  await answer(t, france, shared, 'KIR', visibility);
  return shared;
}

/** An answer of France for each caller's State, so that a change or deletion by one leaves the others' as they were. */
async function answerPerCaller(t: TestApp, france: Actor, visibility: string): Promise<Record<Caller, string>> {
  const of = await survey(t, france, 'COORDINATORS');
  const ids = {} as Record<Caller, string>;
  for (const caller of CALLERS) ids[caller] = await answer(t, france, of, STATE_OF[caller], visibility);
  return ids;
}

/** A SHARED survey of France to one more State, answered by France with "None" to its substantive question (this visibility). */
async function answeredFor(t: TestApp, france: Actor, stateIso3: string, visibility: string): Promise<Survey> {
  const created = (
    await t.gql(CREATE, { input: { name: `Matrix survey to ${stateIso3}`, stateIso3s: [stateIso3], visibility: 'SHARED' } }, france.token)
  ).data.createSurvey;
  const shared = { id: created.id, questionId: created.questions[0].id, choice: created.questions[0].choices[0] };
  await answer(t, france, shared, stateIso3, visibility);
  return shared;
}

const REPORT = `query($input: ProgressReportInput!) { progressReport(input: $input) { surveys { survey { id } results { choices { stateIso3s } } } } }`;
const report = (t: TestApp, token: string | null) => t.gql(REPORT, { input: { from: todayIso(), to: todayIso() } }, token ?? undefined);
const TARGETS = `{ targets(first: 200) { edges { node { state { iso3 } reasons { factor } } } } }`;
const weighed = (iso3: string) => (response: any) =>
  (response.data?.targets.edges ?? []).some(
    (e: any) => e.node.state.iso3 === iso3 && e.node.reasons.some((r: any) => r.factor === 'surveyAnswers'),
  );

const counted = (response: any) =>
  (response.data?.surveyResults ?? []).some((q: any) => q.choices.some((c: any) => c.stateIso3s.includes('KIR')));

/** The obstacle survey: reading follows the rule of every item (the results count only the answers the caller may see); answers are written by coordinators and admins. */
export const SURVEY_CASES: MatrixCase[] = [
  {
    name: 'createSurvey',
    run: (t, _cast, token, _context, caller) =>
      t.gql(CREATE, { input: { name: `Matrix survey of ${caller}`, stateIso3s: [STATE_OF[caller]] } }, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'survey: an ORGANIZATION survey of France',
    setup: (t, cast) => survey(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, context) => t.gql(`query($id: ID!) { survey(id: $id) { id } }`, { id: context.id }, token ?? undefined),
    seen: (response) => Boolean(response.data?.survey),
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'surveys: a SHARED survey of France',
    setup: (t, cast) => survey(t, cast.france, 'SHARED'),
    run: (t, _cast, token) => t.gql(`{ surveys { id } }`, {}, token ?? undefined),
    seen: (response, context) => (response.data?.surveys ?? []).some((s: any) => s.id === context.id),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'ok', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'surveyResults: an ORGANIZATION survey of France',
    setup: (t, cast) => survey(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, context) => t.gql(RESULTS, { id: context.id }, token ?? undefined),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'surveyResults: an ORGANIZATION answer of France in a SHARED survey',
    setup: (t, cast) => answered(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, context) => t.gql(RESULTS, { id: context.id }, token ?? undefined),
    seen: counted,
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'surveyResults: a COORDINATORS answer of France in a SHARED survey',
    setup: (t, cast) => answered(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, context) => t.gql(RESULTS, { id: context.id }, token ?? undefined),
    seen: counted,
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'surveyResults: a SHARED answer of France in a SHARED survey',
    setup: (t, cast) => answered(t, cast.france, 'SHARED'),
    run: (t, _cast, token, context) => t.gql(RESULTS, { id: context.id }, token ?? undefined),
    seen: counted,
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'ok', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'survey.answers: a COORDINATORS answer of France in a SHARED survey',
    setup: (t, cast) => answered(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, context) =>
      t.gql(`query($id: ID!) { survey(id: $id) { answers { stateIso3 } } }`, { id: context.id }, token ?? undefined),
    seen: (response) => (response.data?.survey?.answers ?? []).some((a: any) => a.stateIso3 === 'KIR'),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'progressReport.surveys: an ORGANIZATION survey of France',
    setup: (t, cast) => survey(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token) => report(t, token),
    seen: (response, context) => (response.data?.progressReport.surveys ?? []).some((s: any) => s.survey.id === context.id),
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'progressReport.surveys: a COORDINATORS answer of France in a SHARED survey',
    setup: (t, cast) => answered(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token) => report(t, token),
    seen: (response, context) =>
      (response.data?.progressReport.surveys ?? []).some(
        (s: any) => s.survey.id === context.id && s.results.some((q: any) => q.choices.some((c: any) => c.stateIso3s.includes('KIR'))),
      ),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'targets: the score weighs a COORDINATORS survey answer of France',
    setup: (t, cast) => answeredFor(t, cast.france, 'MMR', 'COORDINATORS'),
    run: (t, _cast, token) => t.gql(TARGETS, {}, token ?? undefined),
    seen: weighed('MMR'),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'targets: the score weighs an ORGANIZATION survey answer of France',
    setup: (t, cast) => answeredFor(t, cast.france, 'IND', 'ORGANIZATION'),
    run: (t, _cast, token) => t.gql(TARGETS, {}, token ?? undefined),
    seen: weighed('IND'),
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'recordSurveyAnswer: a COORDINATORS survey of France',
    setup: (t, cast) => survey(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, context, caller) =>
      t.gql(
        RECORD,
        {
          input: {
            surveyId: context.id,
            questionId: context.questionId,
            stateIso3: STATE_OF[caller],
            choice: context.choice,
            answeredOn: todayIso(),
          },
        },
        token ?? undefined,
      ),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'recordSurveyAnswer: an ORGANIZATION survey of France',
    setup: (t, cast) => survey(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, context, caller) =>
      t.gql(
        RECORD,
        {
          input: {
            surveyId: context.id,
            questionId: context.questionId,
            stateIso3: STATE_OF[caller],
            choice: context.choice,
            answeredOn: todayIso(),
          },
        },
        token ?? undefined,
      ),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'updateSurveyAnswer: an ORGANIZATION answer of France',
    setup: (t, cast) => answerPerCaller(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, context, caller) =>
      t.gql(UPDATE, { input: { id: context[caller], expectedVersion: 1, text: 'Corrected' } }, token ?? undefined),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'deleteSurveyAnswer: a COORDINATORS answer of France',
    setup: (t, cast) => answerPerCaller(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, context, caller) => t.gql(DELETE, { id: context[caller], expectedVersion: 1 }, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
];
