import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { ErrorList } from '../components/ConflictAlert';
import { graphql } from '../gql';
import type { SurveyPageQuery } from '../gql/graphql';
import { errorMessage, isConflict } from '../lib/errors';
import { useFormat } from '../lib/format';
import { useCan } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';
import { ChoiceTable } from '../surveys/ResultTables';
import { AnswerForm, CreateSurveyForm } from '../surveys/SurveyForms';
import '../i18n/later';

const SurveysDocument = graphql(`
  query Surveys {
    surveys {
      id
      name
      visibility
      stateIso3s
      createdAt
    }
  }
`);

const SurveyPageDocument = graphql(`
  query SurveyPage($id: ID!) {
    survey(id: $id) {
      id
      name
      visibility
      createdAt
      campaignId
      states {
        iso3
        name
      }
      questions {
        id
        position
        text
        category
        choices
        allowsText
      }
      answers {
        id
        questionId
        stateIso3
        choice
        text
        answeredOn
        obstacleId
        visibility
        version
      }
    }
  }
`);

const SurveyResultsDocument = graphql(`
  query SurveyResults($id: ID!) {
    surveyResults(surveyId: $id) {
      answers
      question {
        id
        position
        text
      }
      choices {
        choice
        count
        states {
          iso3
          name
        }
      }
      regions {
        regionalGroup
        choices {
          choice
          count
          states {
            iso3
            name
          }
        }
      }
    }
  }
`);

const DeleteAnswerDocument = graphql(`
  mutation DeleteSurveyAnswer($id: ID!, $expectedVersion: Int!) {
    deleteSurveyAnswer(id: $id, expectedVersion: $expectedVersion)
  }
`);

type SurveyNode = NonNullable<SurveyPageQuery['survey']>;
type AnswerNode = SurveyNode['answers'][number];

const CONTEXT = { additionalTypenames: ['Survey', 'SurveyAnswer', 'Obstacle'] };

/** Per question: each choice with the States behind it, then the same per regional group. */
function Results({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: SurveyResultsDocument, variables: { id: surveyId }, context: useMemo(() => CONTEXT, []) });
  return (
    <section aria-labelledby="results-title">
      <Title order={2} size="h3" id="results-title">
        {t('surveys.results')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('surveys.resultsHelp')}
      </Text>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {!data && !error && <Loader size="sm" aria-label={t('app.loading')} />}
      {data?.surveyResults.map((result) => (
        <Stack key={result.question.id} gap="xs" mt="md">
          <Title order={3} size="h4">
            {result.question.position}. {result.question.text}
          </Title>
          <Text size="sm">{t('surveys.answeredBy', { count: result.answers })}</Text>
          {result.answers > 0 && (
            <>
              <ChoiceTable caption={t('surveys.allRegions')} choices={result.choices} />
              {result.regions.map((region) => (
                <ChoiceTable
                  key={region.regionalGroup ?? 'none'}
                  caption={region.regionalGroup ? t(`regionalGroup.${region.regionalGroup}`) : t('surveys.noRegion')}
                  choices={region.choices.filter((choice) => choice.count > 0)}
                />
              ))}
            </>
          )}
        </Stack>
      ))}
    </section>
  );
}

/** One State's row: its answers, with what a coordinator may do with each. */
function StateAnswers({
  survey,
  state,
  onRecord,
  onEdit,
}: {
  survey: SurveyNode;
  state: { iso3: string; name: string };
  onRecord: () => void;
  onEdit: (answer: AnswerNode) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const names = useStateNames();
  const [, remove] = useMutation(DeleteAnswerDocument);
  const [problem, setProblem] = useState<string[]>([]);
  const answers = survey.answers.filter((answer) => answer.stateIso3 === state.iso3);
  const name = names.name(state.iso3, state.name);
  const question = (id: string) => survey.questions.find((q) => q.id === id);
  const [deleting, setDeleting] = useState<AnswerNode | null>(null);
  const [busy, setBusy] = useState(false);
  const deleteAnswer = async (answer: AnswerNode) => {
    setBusy(true);
    const result = await remove({ id: answer.id, expectedVersion: answer.version }, CONTEXT);
    setBusy(false);
    setDeleting(null);
    setProblem(result.error ? [isConflict(result.error) ? t('errors.conflictShort') : (errorMessage(result.error) ?? '')] : []);
  };
  const answerLabel = (answer: AnswerNode) => t('surveys.deleteAnswerOf', { position: question(answer.questionId)?.position ?? '?', name });
  return (
    <tr>
      <th scope="row">
        <Link to={`/states/${state.iso3}`}>{name}</Link>
      </th>
      <td>
        <Text size="sm" fw={answers.length ? 500 : undefined} c={answers.length ? undefined : 'dimmed'}>
          {answers.length ? t('surveys.answeredCount', { count: answers.length, total: survey.questions.length }) : t('surveys.awaiting')}
        </Text>
      </td>
      <td>
        <ul className="plain-list">
          {answers.map((answer) => (
            <li key={answer.id}>
              <Text size="sm">
                {t('surveys.answerLine', {
                  position: question(answer.questionId)?.position ?? '?',
                  answer: [answer.choice, answer.text].filter(Boolean).join(' — '),
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {[format.date(answer.answeredOn), t(`visibility.${answer.visibility}`)].join(' · ')}
                {answer.obstacleId && (
                  <>
                    {' · '}
                    <Link to={`/states/${state.iso3}`}>{t('surveys.obstacleOpened')}</Link>
                  </>
                )}
              </Text>
              {can.write && (
                <Group gap="xs">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => onEdit(answer)}
                    aria-label={t('surveys.editAnswerOf', { position: question(answer.questionId)?.position ?? '?', name })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setDeleting(answer)}
                    aria-label={answerLabel(answer)}
                  >
                    {t('surveys.delete')}
                  </Button>
                </Group>
              )}
            </li>
          ))}
        </ul>
        <ErrorList messages={problem} />
        <Modal
          lockScroll={false}
          opened={!!deleting}
          onClose={() => setDeleting(null)}
          title={deleting ? answerLabel(deleting) : ''}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack gap="xs">
            <Text>{t('surveys.deleteConfirm')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button color="red.9" onClick={() => deleting && void deleteAnswer(deleting)} loading={busy}>
                {t('surveys.delete')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      </td>
      <td>
        {can.write && answers.length < survey.questions.length && (
          <Button size="xs" variant="default" onClick={onRecord} aria-label={t('surveys.recordAnswerFor', { name })}>
            {t('surveys.recordAnswer')}
          </Button>
        )}
      </td>
    </tr>
  );
}

function SurveyDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const [params] = useSearchParams();
  const [{ data, fetching, error }] = useQuery({ query: SurveyPageDocument, variables: { id }, context: useMemo(() => CONTEXT, []) });
  const [recording, setRecording] = useState<{ iso3: string; name: string; answer?: AnswerNode } | null>(null);
  if (!data && fetching) return <Loader aria-label={t('app.loading')} />;
  if (error && !data)
    return (
      <Alert color="red" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  const survey = data?.survey;
  if (!survey) return <Alert>{t('surveys.notFound')}</Alert>;
  const only = params.get('state');
  const states = only ? survey.states.filter((state) => state.iso3 === only) : survey.states;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/surveys">
        ← {t('surveys.back')}
      </Anchor>
      <div>
        <Title order={1}>{survey.name}</Title>
        <Text c="dimmed">
          {[
            t('surveys.createdOn', { date: format.dateTime(survey.createdAt) }),
            t(`visibility.${survey.visibility}`),
            t('surveys.stateCount', { count: survey.states.length }),
          ].join(' · ')}
        </Text>
        {survey.campaignId && (
          <Text size="sm" mt="xs">
            {t('surveys.sentThrough')}{' '}
            <Anchor component={Link} to={`/campaigns/${survey.campaignId}`}>
              {t('surveys.campaignLink')}
            </Anchor>
          </Text>
        )}
      </div>
      <section aria-labelledby="questions-title">
        <Title order={2} size="h3" id="questions-title">
          {t('surveys.questions')}
        </Title>
        <ol className="survey-questions">
          {survey.questions.map((question) => (
            <li key={question.id}>
              <Text fw={500}>
                {question.text} {question.category && <Badge variant="light">{t(`obstacles.categories.${question.category}`)}</Badge>}
              </Text>
              {question.choices.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t('surveys.choicesList', { choices: question.choices.join(' · ') })}
                </Text>
              )}
              {question.allowsText && (
                <Text size="sm" c="dimmed">
                  {t('surveys.textAllowed')}
                </Text>
              )}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="answers-title">
        <Title order={2} size="h3" id="answers-title">
          {t('surveys.answers')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('surveys.answersHelp')}
        </Text>
        {only && (
          <Text size="sm">
            {t('surveys.onlyState', { name: names.name(only, only) })} <Link to={`/surveys/${survey.id}`}>{t('surveys.allStates')}</Link>
          </Text>
        )}
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('surveys.answersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.state')}</th>
                <th scope="col">{t('surveys.status')}</th>
                <th scope="col">{t('surveys.answers')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('surveys.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {states.map((state) => (
                <StateAnswers
                  key={state.iso3}
                  survey={survey}
                  state={state}
                  onRecord={() => setRecording({ iso3: state.iso3, name: names.name(state.iso3, state.name) })}
                  onEdit={(answer) => setRecording({ iso3: state.iso3, name: names.name(state.iso3, state.name), answer })}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <Results surveyId={survey.id} />
      <Modal
        lockScroll={false}
        opened={!!recording}
        onClose={() => setRecording(null)}
        title={recording ? t(recording.answer ? 'surveys.editAnswerFor' : 'surveys.recordAnswerFor', { name: recording.name }) : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {recording && (
          <AnswerForm
            surveyId={survey.id}
            stateIso3={recording.iso3}
            stateName={recording.name}
            questions={survey.questions}
            answer={recording.answer}
            answeredQuestionIds={survey.answers.filter((a) => a.stateIso3 === recording.iso3).map((a) => a.questionId)}
            onDone={() => setRecording(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function SurveysList() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const names = useStateNames();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const only = params.get('state');
  const [{ data, error }] = useQuery({ query: SurveysDocument, context: useMemo(() => CONTEXT, []) });
  const [creating, setCreating] = useState(false);
  const surveys = (data?.surveys ?? []).filter((survey) => !only || survey.stateIso3s.includes(only));
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('surveys.title')}</Title>
        {can.write && <Button onClick={() => setCreating(true)}>{t('surveys.create')}</Button>}
      </Group>
      <Text mt="xs" c="dimmed">
        {t('surveys.intro')}
      </Text>
      {only && (
        <Text mt="xs">
          {t('surveys.onlyState', { name: names.name(only, only) })} <Link to="/surveys">{t('surveys.allSurveys')}</Link>
        </Text>
      )}
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {!data && !error && <Loader aria-label={t('app.loading')} />}
      {data && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('surveys.count', { count: surveys.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.name')}</th>
                <th scope="col" className="num">
                  {t('surveys.states')}
                </th>
                <th scope="col">{t('logForm.visibility')}</th>
                <th scope="col">{t('surveys.created')}</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((survey) => (
                <tr key={survey.id}>
                  <th scope="row">
                    <Link to={`/surveys/${survey.id}${only ? `?state=${only}` : ''}`}>{survey.name}</Link>
                  </th>
                  <td className="num">{format.number(survey.stateIso3s.length)}</td>
                  <td>{t(`visibility.${survey.visibility}`)}</td>
                  <td>{format.dateTime(survey.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && surveys.length === 0 && <Text c="dimmed">{t('surveys.none')}</Text>}
      <Modal
        lockScroll={false}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('surveys.create')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && (
          <CreateSurveyForm
            onDone={(id) => {
              setCreating(false);
              if (id) void navigate(`/surveys/${id}`);
            }}
          />
        )}
      </Modal>
    </>
  );
}

export default function SurveysPage() {
  const { id } = useParams();
  return id ? <SurveyDetail key={id} id={id} /> : <SurveysList />;
}
