import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { PageLoader } from '../components/PageLoader';
import { graphql } from '../gql';
import { authorizedFetch, fileNameOf, saveResponse } from '../lib/download';
import { errorMessage } from '../lib/errors';
import { today, useFormat } from '../lib/format';
import { useStateNames } from '../lib/stateNames';
import { ChoiceTable } from '../surveys/ResultTables';
import { IndicatorChart } from '../work-plans/IndicatorChart';
import { metricValue, reportExportPath, type Metric } from '../work-plans/metrics';
import '../i18n/later';

const ReportDocument = graphql(`
  query MandateProgressReport($mandateId: ID!, $input: ProgressReportInput!) {
    mandate(id: $mandateId) {
      id
      name
      periodFrom
      periodTo
      organizations {
        id
        name
      }
      objectives {
        id
        title
        indicators {
          description
          metric
          targetValue
          currentValue
        }
      }
    }
    progressReport(input: $input) {
      from
      to
      asOf
      interactions {
        ...ReportTally
      }
      statesContacted {
        ...ReportTally
      }
      interactionsByType {
        type
        count
        states {
          iso3
          name
        }
      }
      letters {
        sent {
          ...ReportTally
        }
        answered {
          ...ReportTally
        }
        unanswered {
          ...ReportTally
        }
      }
      obstacles {
        recorded {
          ...ReportTally
        }
        addressed {
          ...ReportTally
        }
      }
      stageMoves {
        forward {
          ...ReportTally
        }
        back {
          ...ReportTally
        }
      }
      treaty {
        statesParties
        partiesIncludingDeposited
        signatures {
          ...ReportTally
        }
        ratifications {
          ...ReportTally
        }
      }
    }
  }

  fragment ReportTally on StateTally {
    count
    states {
      iso3
      name
    }
  }
`);

// Apart from the rest of the report: nested lists (surveys, questions, regional groups, choices,
// States) would make one response too large for the service's limit. The States by ISO code.
const ReportSurveysDocument = graphql(`
  query ProgressReportSurveys($input: ProgressReportInput!) {
    progressReport(input: $input) {
      surveys {
        survey {
          id
          name
        }
        results {
          answers
          question {
            id
            position
            text
          }
          choices {
            choice
            count
            stateIso3s
          }
          regions {
            regionalGroup
            choices {
              choice
              count
              stateIso3s
            }
          }
        }
      }
    }
  }
`);

type ReportInput = { mandateId: string; from?: string; to?: string };

const withStates = (choices: { choice?: string | null; count: number; stateIso3s: string[] }[]) =>
  choices.map((choice) => ({ ...choice, states: choice.stateIso3s.map((iso3) => ({ iso3, name: iso3 })) }));

/** The surveys of the report: per survey and question, each choice with its States, overall and per regional group. */
function ReportSurveys({ input }: { input: ReportInput }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: ReportSurveysDocument, variables: { input }, requestPolicy: 'cache-and-network' });
  const surveys = data?.progressReport.surveys;
  return (
    <section aria-labelledby="surveys-heading" className="report-surveys">
      <Title order={2} id="surveys-heading" mt="xl" mb="sm">
        {t('workPlans.surveys')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('workPlans.surveysHelp')}
      </Text>
      {error && !data && (
        <Alert color="red" role="alert" mt="xs">
          {errorMessage(error)}
        </Alert>
      )}
      {!surveys && !error && <Loader size="sm" aria-label={t('app.loading')} />}
      {surveys && !surveys.length && <Text mt="xs">{t('workPlans.noSurveys')}</Text>}
      {surveys?.map(({ survey, results }) => (
        <article key={survey.id} className="report-survey" aria-labelledby={`survey-${survey.id}`}>
          <Title order={3} id={`survey-${survey.id}`} mt="md">
            <Link to={`/surveys/${survey.id}`}>{survey.name}</Link>
          </Title>
          {results.map((result) => (
            <Stack key={result.question.id} gap="xs" mt="sm">
              <Title order={4} size="h5">
                {result.question.position}. {result.question.text}
              </Title>
              <Text size="sm">{t('surveys.answeredBy', { count: result.answers })}</Text>
              {result.answers > 0 && (
                <>
                  <ChoiceTable caption={t('surveys.allRegions')} choices={withStates(result.choices)} />
                  {result.regions.map((region) => (
                    <ChoiceTable
                      key={region.regionalGroup ?? 'none'}
                      caption={region.regionalGroup ? t(`regionalGroup.${region.regionalGroup}`) : t('surveys.noRegion')}
                      choices={withStates(region.choices.filter((choice) => choice.count > 0))}
                    />
                  ))}
                </>
              )}
            </Stack>
          ))}
        </article>
      ))}
    </section>
  );
}

const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The progress report of a mandate for a period: tables, a chart per indicator, downloads, print. */
export default function ProgressReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const format = useFormat();
  const names = useStateNames();
  const from = isDate(params.get('from')) ? params.get('from')! : '';
  const to = isDate(params.get('to')) ? params.get('to')! : '';
  const [draftFrom, setDraftFrom] = useState(from);
  const [draftTo, setDraftTo] = useState(to);
  useEffect(() => {
    setDraftFrom(from);
    setDraftTo(to);
  }, [from, to]);
  const input = useMemo<ReportInput>(() => ({ mandateId: id, from: from || undefined, to: to || undefined }), [id, from, to]);
  const [{ data, error }] = useQuery({
    query: ReportDocument,
    variables: { mandateId: id, input },
    requestPolicy: 'cache-and-network',
  });
  const [downloading, setDownloading] = useState<string | null>(null);
  const [printedOn] = useState(today);

  const download = async (kind: 'csv' | 'md') => {
    setDownloading(kind);
    try {
      const response = await authorizedFetch(reportExportPath(kind, id, from, to));
      await saveResponse(response, fileNameOf(response, `progress-report.${kind}`));
    } catch (failure) {
      notifications.show({ color: 'red', message: t('errors.generic', { message: (failure as Error).message }) });
    } finally {
      setDownloading(null);
    }
  };

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (draftFrom) next.set('from', draftFrom);
    else next.delete('from');
    if (draftTo) next.set('to', draftTo);
    else next.delete('to');
    setParams(next, { replace: true });
  };

  if (error && !data) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  }
  if (!data) return <PageLoader />;
  const { mandate, progressReport: report } = data;
  if (!mandate) {
    return (
      <>
        <Title order={1}>{t('workPlans.notFound')}</Title>
        <Link to="/work-plans">{t('workPlans.backToList')}</Link>
      </>
    );
  }
  const period = t('workPlans.periodRange', { from: format.date(report.from), to: format.date(report.to) });
  const statesOf = (states: { iso3: string; name: string }[]) => states.map((s) => names.name(s.iso3, s.name)).join(', ');
  const rows: { label: string; tally: { count: number; states: { iso3: string; name: string }[] } }[] = [
    { label: t('workPlans.metric.INTERACTIONS'), tally: report.interactions },
    { label: t('workPlans.metric.STATES_CONTACTED'), tally: report.statesContacted },
    { label: t('workPlans.metric.LETTERS_SENT'), tally: report.letters.sent },
    { label: t('workPlans.metric.LETTERS_ANSWERED'), tally: report.letters.answered },
    { label: t('workPlans.lettersUnanswered'), tally: report.letters.unanswered },
    { label: t('workPlans.obstaclesRecorded'), tally: report.obstacles.recorded },
    { label: t('workPlans.metric.OBSTACLES_ADDRESSED'), tally: report.obstacles.addressed },
    { label: t('workPlans.metric.STAGE_MOVES_FORWARD'), tally: report.stageMoves.forward },
    { label: t('workPlans.stageMovesBack'), tally: report.stageMoves.back },
    { label: t('workPlans.metric.SIGNATURES'), tally: report.treaty.signatures },
    { label: t('workPlans.metric.RATIFICATIONS'), tally: report.treaty.ratifications },
  ];
  const indicators = mandate.objectives.flatMap((objective) =>
    objective.indicators.map((indicator, index) => ({ objective, indicator, key: `${objective.id}-${index}` })),
  );

  return (
    <div className="progress-report">
      <Text size="sm" mb="xs" className="no-print">
        <Link to={`/work-plans/${mandate.id}`}>{t('workPlans.backToMandate', { name: mandate.name })}</Link>
      </Text>
      <header className="report-header">
        <Title order={1}>{t('workPlans.reportTitle', { name: mandate.name })}</Title>
        <Text className="report-period">{t('workPlans.reportPeriod', { period })}</Text>
        <Text size="sm" c="dimmed">
          {mandate.organizations.map((o) => o.name).join(', ')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('workPlans.reportAsOf', { date: format.date(report.asOf) })} · {t('workPlans.printedOn', { date: format.date(printedOn) })}
        </Text>
      </header>

      <Paper withBorder p="sm" my="md" className="no-print">
        <form onSubmit={apply} aria-label={t('workPlans.periodForm')}>
          <Group align="flex-end">
            <TextInput label={t('workPlans.from')} type="date" value={draftFrom} onChange={(e) => setDraftFrom(e.currentTarget.value)} />
            <TextInput label={t('workPlans.to')} type="date" value={draftTo} onChange={(e) => setDraftTo(e.currentTarget.value)} />
            <Button type="submit" variant="default">
              {t('workPlans.showPeriod')}
            </Button>
            <Button variant="default" onClick={() => void download('csv')} loading={downloading === 'csv'}>
              {t('workPlans.downloadCsv')}
            </Button>
            <Button variant="default" onClick={() => void download('md')} loading={downloading === 'md'}>
              {t('workPlans.downloadMarkdown')}
            </Button>
            <Button onClick={() => window.print()}>{t('workPlans.print')}</Button>
          </Group>
        </form>
      </Paper>

      <section aria-labelledby="indicators-heading">
        <Title order={2} id="indicators-heading" mt="lg" mb="sm">
          {t('workPlans.indicators')}
        </Title>
        {!indicators.length && <Text c="dimmed">{t('workPlans.noIndicatorsInPlan')}</Text>}
        {indicators.length > 0 && (
          <table className="data-table report-indicators">
            <caption>{t('workPlans.indicatorsCaption', { period })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workPlans.objective')}</th>
                <th scope="col">{t('workPlans.indicator')}</th>
                <th scope="col" className="num">
                  {t('workPlans.inPeriod')}
                </th>
                <th scope="col" className="num">
                  {t('workPlans.mandateToDate')}
                </th>
                <th scope="col" className="num">
                  {t('workPlans.targetValue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {indicators.map(({ objective, indicator, key }) => (
                <tr key={key}>
                  <td>{objective.title}</td>
                  <th scope="row">{indicator.description}</th>
                  <td className="num">{indicator.metric ? format.number(metricValue(report, indicator.metric)) : '—'}</td>
                  <td className="num">
                    {indicator.currentValue === null || indicator.currentValue === undefined ? '—' : format.number(indicator.currentValue)}
                  </td>
                  <td className="num">
                    {indicator.targetValue === null || indicator.targetValue === undefined ? '—' : format.number(indicator.targetValue)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Stack mt="md" gap="md" className="indicator-charts">
          {indicators
            .filter(({ indicator }) => indicator.metric)
            .map(({ objective, indicator, key }) => {
              const bars = [
                { label: t('workPlans.inPeriod'), value: metricValue(report, indicator.metric as Metric) },
                ...(indicator.currentValue === null || indicator.currentValue === undefined
                  ? []
                  : [{ label: t('workPlans.mandateToDate'), value: indicator.currentValue }]),
                ...(indicator.targetValue === null || indicator.targetValue === undefined
                  ? []
                  : [{ label: t('workPlans.targetValue'), value: indicator.targetValue, kind: 'target' as const }]),
              ];
              return (
                <figure key={key} className="indicator-figure">
                  <figcaption>
                    <Text fw={600}>{indicator.description}</Text>
                    <Text size="xs" c="dimmed">
                      {objective.title} · {t(`workPlans.metric.${indicator.metric}`)}
                    </Text>
                  </figcaption>
                  <IndicatorChart title={indicator.description} bars={bars} format={format.number} />
                </figure>
              );
            })}
        </Stack>
      </section>

      <section aria-labelledby="numbers-heading">
        <Title order={2} id="numbers-heading" mt="xl" mb="sm">
          {t('workPlans.numbers')}
        </Title>
        <table className="data-table report-numbers">
          <caption>{t('workPlans.numbersCaption', { period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workPlans.measure')}</th>
              <th scope="col" className="num">
                {t('workPlans.count')}
              </th>
              <th scope="col">{t('workPlans.states')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ label, tally }) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{format.number(tally.count)}</td>
                <td>{statesOf(tally.states)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('workPlans.statesParties')}</th>
              <td className="num">{format.number(report.treaty.statesParties)}</td>
              <td>{t('workPlans.partiesIncludingDeposited', { count: report.treaty.partiesIncludingDeposited })}</td>
            </tr>
          </tbody>
        </table>

        <table className="data-table report-by-type">
          <caption>{t('workPlans.byTypeCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workPlans.interactionType')}</th>
              <th scope="col" className="num">
                {t('workPlans.count')}
              </th>
              <th scope="col">{t('workPlans.states')}</th>
            </tr>
          </thead>
          <tbody>
            {report.interactionsByType.map((row) => (
              <tr key={row.type}>
                <th scope="row">{t(`interactionType.${row.type}`)}</th>
                <td className="num">{format.number(row.count)}</td>
                <td>{statesOf(row.states)}</td>
              </tr>
            ))}
            {!report.interactionsByType.length && (
              <tr>
                <td colSpan={3}>{t('workPlans.noInteractions')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </section>

      <ReportSurveys input={input} />
    </div>
  );
}
