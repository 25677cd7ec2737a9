import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import { ConflictAlert, ErrorList } from '../components/ConflictAlert';
import { PageLoader } from '../components/PageLoader';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { today, useFormat } from '../lib/format';
import { useSession } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';
import {
  ActivityForm,
  DeleteConfirm,
  indicatorInputs,
  ObjectiveForm,
  type ActivityValues,
  type ObjectiveValues,
} from '../work-plans/forms';
import { canEditMandate } from '../work-plans/metrics';
import { StartMandateForm } from '../work-plans/StartMandateForm';
import { useVersionedWrite } from '../work-plans/useVersionedWrite';
import '../i18n/later';

const MandateDocument = graphql(`
  query MandatePage($id: ID!) {
    mandate(id: $id) {
      id
      name
      version
      periodFrom
      periodTo
      visibility
      organizations {
        id
        name
      }
      previousMandate {
        id
        name
      }
      nextMandate {
        id
        name
      }
      objectives {
        id
        title
        description
        version
        indicators {
          description
          metric
          targetValue
          currentValue
        }
      }
      plannedActivities {
        id
        title
        kind
        status
        plannedOn
        plannedUntil
        notes
        version
        states {
          iso3
          name
        }
        carriedFrom {
          id
        }
      }
      handOver {
        previousMandate {
          id
          name
        }
        plannedActivities {
          id
          title
          kind
          plannedOn
          plannedUntil
          status
        }
        followUps {
          id
          subject
          occurredOn
          followUpOn
          states {
            iso3
            name
          }
        }
        obstacles {
          id
          description
          recordedOn
          state {
            iso3
            name
          }
        }
        targetLists {
          id
          name
        }
      }
    }
  }
`);

/** The current versions, for "reload and re-apply". */
const MandateVersionsDocument = graphql(`
  query MandateVersions($id: ID!) {
    mandate(id: $id) {
      id
      version
      objectives {
        id
        version
      }
      plannedActivities {
        id
        version
      }
    }
  }
`);

const UpdateMandateDocument = graphql(`
  mutation UpdateMandate($id: ID!, $input: UpdateMandateInput!) {
    updateMandate(id: $id, input: $input) {
      id
      version
    }
  }
`);

const DeleteMandateDocument = graphql(`
  mutation DeleteMandate($id: ID!, $expectedVersion: Int!) {
    deleteMandate(id: $id, expectedVersion: $expectedVersion)
  }
`);

const AddObjectiveDocument = graphql(`
  mutation AddObjective($mandateId: ID!, $input: AddObjectiveInput!) {
    addObjective(mandateId: $mandateId, input: $input) {
      id
    }
  }
`);

const UpdateObjectiveDocument = graphql(`
  mutation UpdateObjective($id: ID!, $input: UpdateObjectiveInput!) {
    updateObjective(id: $id, input: $input) {
      id
      version
    }
  }
`);

const DeleteObjectiveDocument = graphql(`
  mutation DeleteObjective($id: ID!, $expectedVersion: Int!) {
    deleteObjective(id: $id, expectedVersion: $expectedVersion)
  }
`);

const PlanActivityDocument = graphql(`
  mutation PlanActivity($mandateId: ID!, $input: PlanActivityInput!) {
    planActivity(mandateId: $mandateId, input: $input) {
      id
    }
  }
`);

const UpdatePlannedActivityDocument = graphql(`
  mutation UpdatePlannedActivity($id: ID!, $input: UpdatePlannedActivityInput!) {
    updatePlannedActivity(id: $id, input: $input) {
      id
      version
    }
  }
`);

const DeletePlannedActivityDocument = graphql(`
  mutation DeletePlannedActivity($id: ID!, $expectedVersion: Int!) {
    deletePlannedActivity(id: $id, expectedVersion: $expectedVersion)
  }
`);

type MandateData = NonNullable<NonNullable<ReturnType<typeof useMandate>[0]['data']>['mandate']>;
type ObjectiveData = MandateData['objectives'][number];
type ActivityData = MandateData['plannedActivities'][number];

function useMandate(id: string) {
  return useQuery({ query: MandateDocument, variables: { id }, requestPolicy: 'cache-and-network' });
}

/** What the page has open: one form or question at a time, in a dialog. */
type Dialog =
  | { kind: 'editMandate' }
  | { kind: 'deleteMandate' }
  | { kind: 'handOver' }
  | { kind: 'addObjective' }
  | { kind: 'editObjective'; objective: ObjectiveData }
  | { kind: 'deleteObjective'; objective: ObjectiveData }
  | { kind: 'addActivity' }
  | { kind: 'editActivity'; activity: ActivityData }
  | { kind: 'deleteActivity'; activity: ActivityData };

function EditMandateForm({
  mandate,
  reload,
  onDone,
  onCancel,
}: {
  mandate: MandateData;
  reload: () => Promise<number | undefined>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(mandate.name);
  const [periodFrom, setFrom] = useState(mandate.periodFrom);
  const [periodTo, setTo] = useState(mandate.periodTo);
  const [, update] = useMutation(UpdateMandateDocument);
  const write = useVersionedWrite(
    ['name', 'periodFrom', 'periodTo'],
    (expectedVersion) => update({ id: mandate.id, input: { expectedVersion, name: name.trim(), periodFrom, periodTo } }),
    reload,
    onDone,
  );
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return write.setErrors({ name: t('common.required') });
    void write.submit(mandate.version);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('workPlans.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={write.errors.name}
          data-autofocus
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('workPlans.periodFrom')}
            type="date"
            required
            value={periodFrom}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={write.errors.periodFrom}
          />
          <TextInput
            label={t('workPlans.periodTo')}
            type="date"
            required
            value={periodTo}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={write.errors.periodTo}
          />
        </Group>
        <ErrorList messages={write.other} />
        {write.conflict && (
          <ConflictAlert error={write.conflict} onReapply={() => void write.reapply()} onDiscard={write.discard} busy={write.busy} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={write.busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function objectiveValues(objective?: ObjectiveData): ObjectiveValues {
  if (!objective) return { title: '', description: '', indicators: [{ description: '', metric: null, targetValue: '' }] };
  return {
    title: objective.title,
    description: objective.description ?? '',
    indicators: objective.indicators.map((indicator) => ({
      description: indicator.description,
      metric: indicator.metric ?? null,
      targetValue: indicator.targetValue ?? '',
    })),
  };
}

function activityValues(activity?: ActivityData, mandate?: MandateData): ActivityValues {
  if (!activity) {
    const day = today();
    const plannedOn = mandate && (day < mandate.periodFrom || day > mandate.periodTo) ? mandate.periodFrom : day;
    return { title: '', kind: 'DEMARCHE', status: 'PLANNED', plannedOn, plannedUntil: '', notes: '', states: [] };
  }
  return {
    title: activity.title,
    kind: activity.kind,
    status: activity.status,
    plannedOn: activity.plannedOn,
    plannedUntil: activity.plannedUntil ?? '',
    notes: activity.notes ?? '',
    states: activity.states,
  };
}

/** What the mandate took over from the previous one at its hand-over. */
function HandOverSection({ handOver }: { handOver: NonNullable<MandateData['handOver']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const statesOf = (states: { iso3: string; name: string }[]) => states.map((s) => names.name(s.iso3, s.name)).join(', ');
  return (
    <section aria-labelledby="hand-over-heading" className="hand-over">
      <Title order={2} id="hand-over-heading" mt="xl">
        {t('workPlans.carriedOver')}
      </Title>
      <Text c="dimmed" mb="sm">
        {handOver.previousMandate ? (
          <>
            {t('workPlans.carriedOverFrom')} <Link to={`/work-plans/${handOver.previousMandate.id}`}>{handOver.previousMandate.name}</Link>
          </>
        ) : (
          t('workPlans.carriedOverHidden')
        )}
      </Text>
      <Stack gap="lg">
        {handOver.plannedActivities.length === 0 ? (
          <Text size="sm" fw={600} className="carried-activities">
            {t('workPlans.carriedActivities', { count: 0 })}
          </Text>
        ) : (
          <table className="data-table carried-activities">
            <caption>{t('workPlans.carriedActivities', { count: handOver.plannedActivities.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workPlans.plannedOn')}</th>
                <th scope="col">{t('workPlans.activityTitle')}</th>
                <th scope="col">{t('workPlans.activityKind')}</th>
              </tr>
            </thead>
            <tbody>
              {handOver.plannedActivities.map((activity) => (
                <tr key={activity.id}>
                  <td>{format.date(activity.plannedOn)}</td>
                  <th scope="row">{activity.title}</th>
                  <td>{t(`workPlans.kind.${activity.kind}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {handOver.followUps.length === 0 ? (
          <Text size="sm" fw={600} className="carried-follow-ups">
            {t('workPlans.carriedFollowUps', { count: 0 })}
          </Text>
        ) : (
          <table className="data-table carried-follow-ups">
            <caption>{t('workPlans.carriedFollowUps', { count: handOver.followUps.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workPlans.followUpOn')}</th>
                <th scope="col">{t('workPlans.subject')}</th>
                <th scope="col">{t('workPlans.states')}</th>
              </tr>
            </thead>
            <tbody>
              {handOver.followUps.map((interaction) => (
                <tr key={interaction.id}>
                  <td>{format.date(interaction.followUpOn ?? interaction.occurredOn)}</td>
                  <th scope="row">{interaction.subject}</th>
                  <td>{statesOf(interaction.states)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {handOver.obstacles.length === 0 ? (
          <Text size="sm" fw={600} className="carried-obstacles">
            {t('workPlans.carriedObstacles', { count: 0 })}
          </Text>
        ) : (
          <table className="data-table carried-obstacles">
            <caption>{t('workPlans.carriedObstacles', { count: handOver.obstacles.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workPlans.recordedOn')}</th>
                <th scope="col">{t('workPlans.obstacle')}</th>
                <th scope="col">{t('workPlans.state')}</th>
              </tr>
            </thead>
            <tbody>
              {handOver.obstacles.map((obstacle) => (
                <tr key={obstacle.id}>
                  <td>{format.date(obstacle.recordedOn)}</td>
                  <th scope="row">{obstacle.description}</th>
                  <td>
                    <Link to={`/states/${obstacle.state.iso3}`}>{names.name(obstacle.state.iso3, obstacle.state.name)}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div>
          <Title order={3} size="h5">
            {t('workPlans.carriedTargetLists', { count: handOver.targetLists.length })}
          </Title>
          {handOver.targetLists.length > 0 && (
            <ul className="plain-list">
              {handOver.targetLists.map((grouping) => (
                <li key={grouping.id}>{grouping.name}</li>
              ))}
            </ul>
          )}
        </div>
      </Stack>
    </section>
  );
}

export default function MandatePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const format = useFormat();
  const names = useStateNames();
  const navigate = useNavigate();
  const client = useClient();
  const [{ data, error, fetching }, refetch] = useMandate(id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [, addObjective] = useMutation(AddObjectiveDocument);
  const [, updateObjective] = useMutation(UpdateObjectiveDocument);
  const [, deleteObjective] = useMutation(DeleteObjectiveDocument);
  const [, planActivity] = useMutation(PlanActivityDocument);
  const [, updateActivity] = useMutation(UpdatePlannedActivityDocument);
  const [, deleteActivity] = useMutation(DeletePlannedActivityDocument);
  const [, deleteMandate] = useMutation(DeleteMandateDocument);

  if (error && !data) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  }
  if (!data) return <PageLoader />;
  const mandate = data.mandate;
  if (!mandate) {
    return (
      <>
        <Title order={1}>{t('workPlans.notFound')}</Title>
        <Link to="/work-plans">{t('workPlans.backToList')}</Link>
      </>
    );
  }
  const editable = canEditMandate(viewer, mandate);
  const close = () => setDialog(null);
  const done = () => {
    setDialog(null);
    refetch({ requestPolicy: 'network-only' });
  };
  const versions = async () =>
    (await client.query(MandateVersionsDocument, { id }, { requestPolicy: 'network-only' }).toPromise()).data?.mandate;
  const objectiveVersion = (objectiveId: string) => async () => (await versions())?.objectives.find((o) => o.id === objectiveId)?.version;
  const activityVersion = (activityId: string) => async () =>
    (await versions())?.plannedActivities.find((a) => a.id === activityId)?.version;
  const noVersion = () => Promise.resolve(0);
  const reportTo = mandate.periodTo < today() ? mandate.periodTo : today() < mandate.periodFrom ? mandate.periodTo : today();

  const dialogTitle: Record<Dialog['kind'], string> = {
    editMandate: t('workPlans.editMandate'),
    deleteMandate: t('workPlans.deleteMandate'),
    handOver: t('workPlans.startNext'),
    addObjective: t('workPlans.addObjective'),
    editObjective: t('workPlans.editObjective'),
    deleteObjective: t('workPlans.deleteObjective'),
    addActivity: t('workPlans.addActivity'),
    editActivity: t('workPlans.editActivity'),
    deleteActivity: t('workPlans.deleteActivity'),
  };

  return (
    <>
      <Text size="sm" mb="xs">
        <Link to="/work-plans">{t('workPlans.backToList')}</Link>
      </Text>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{mandate.name}</Title>
          <Text c="dimmed">
            {t('workPlans.periodRange', { from: format.date(mandate.periodFrom), to: format.date(mandate.periodTo) })} ·{' '}
            {mandate.organizations.map((o) => o.name).join(', ')} · {t(`workPlans.visibility.${mandate.visibility}`)}
          </Text>
          {mandate.previousMandate && (
            <Text size="sm">
              {t('workPlans.previous')} <Link to={`/work-plans/${mandate.previousMandate.id}`}>{mandate.previousMandate.name}</Link>
            </Text>
          )}
          {mandate.nextMandate && (
            <Text size="sm">
              {t('workPlans.next')} <Link to={`/work-plans/${mandate.nextMandate.id}`}>{mandate.nextMandate.name}</Link>
            </Text>
          )}
        </div>
        <Group>
          <Button component={Link} to={`/work-plans/${mandate.id}/report?from=${mandate.periodFrom}&to=${reportTo}`}>
            {t('workPlans.report')}
          </Button>
          {editable && !mandate.nextMandate && (
            <Button variant="default" onClick={() => setDialog({ kind: 'handOver' })}>
              {t('workPlans.startNext')}
            </Button>
          )}
          {editable && (
            <Button variant="default" onClick={() => setDialog({ kind: 'editMandate' })}>
              {t('workPlans.editMandate')}
            </Button>
          )}
          {editable && !mandate.nextMandate && (
            <Button variant="default" color="red" onClick={() => setDialog({ kind: 'deleteMandate' })}>
              {t('workPlans.deleteMandate')}
            </Button>
          )}
        </Group>
      </Group>
      {fetching && (
        <span className="visually-hidden" role="status">
          {t('app.loading')}
        </span>
      )}

      <section aria-labelledby="objectives-heading">
        <Group justify="space-between" mt="xl" mb="sm">
          <Title order={2} id="objectives-heading">
            {t('workPlans.objectives')}
          </Title>
          {editable && (
            <Button variant="default" onClick={() => setDialog({ kind: 'addObjective' })}>
              {t('workPlans.addObjective')}
            </Button>
          )}
        </Group>
        {!mandate.objectives.length && <Text c="dimmed">{t('workPlans.noObjectives')}</Text>}
        <Stack>
          {mandate.objectives.map((objective) => (
            <Paper
              key={objective.id}
              withBorder
              p="md"
              component="article"
              aria-labelledby={`objective-${objective.id}`}
              className="objective"
            >
              <Group justify="space-between" align="flex-start">
                <div>
                  <Title order={3} size="h4" id={`objective-${objective.id}`}>
                    {objective.title}
                  </Title>
                  {objective.description && <Text size="sm">{objective.description}</Text>}
                </div>
                {editable && (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setDialog({ kind: 'editObjective', objective })}
                      aria-label={t('workPlans.editNamed', { name: objective.title })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      onClick={() => setDialog({ kind: 'deleteObjective', objective })}
                      aria-label={t('workPlans.deleteNamed', { name: objective.title })}
                    >
                      {t('workPlans.delete')}
                    </Button>
                  </Group>
                )}
              </Group>
              {objective.indicators.length > 0 && (
                <table className="data-table indicators-table">
                  <caption className="visually-hidden">{t('workPlans.indicatorsOf', { title: objective.title })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('workPlans.indicator')}</th>
                      <th scope="col">{t('workPlans.metricLabel')}</th>
                      <th scope="col" className="num">
                        {t('workPlans.currentValue')}
                      </th>
                      <th scope="col" className="num">
                        {t('workPlans.targetValue')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {objective.indicators.map((indicator, index) => (
                      <tr key={index}>
                        <th scope="row">{indicator.description}</th>
                        <td>{indicator.metric ? t(`workPlans.metric.${indicator.metric}`) : t('workPlans.noMetric')}</td>
                        <td className="num">
                          {indicator.currentValue === null || indicator.currentValue === undefined
                            ? '—'
                            : format.number(indicator.currentValue)}
                        </td>
                        <td className="num">
                          {indicator.targetValue === null || indicator.targetValue === undefined
                            ? '—'
                            : format.number(indicator.targetValue)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Paper>
          ))}
        </Stack>
      </section>

      <section aria-labelledby="activities-heading">
        <Group justify="space-between" mt="xl" mb="sm">
          <Title order={2} id="activities-heading">
            {t('workPlans.activities')}
          </Title>
          {editable && (
            <Button variant="default" onClick={() => setDialog({ kind: 'addActivity' })}>
              {t('workPlans.addActivity')}
            </Button>
          )}
        </Group>
        {!mandate.plannedActivities.length ? (
          <Text c="dimmed">{t('workPlans.noActivities')}</Text>
        ) : (
          <table className="data-table activities-table">
            <caption className="visually-hidden">{t('workPlans.activities')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workPlans.plannedOn')}</th>
                <th scope="col">{t('workPlans.activityTitle')}</th>
                <th scope="col">{t('workPlans.activityKind')}</th>
                <th scope="col">{t('workPlans.states')}</th>
                <th scope="col">{t('workPlans.activityStatus')}</th>
                {editable && <th scope="col">{t('workPlans.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {mandate.plannedActivities.map((activity) => (
                <tr key={activity.id}>
                  <td>
                    {activity.plannedUntil
                      ? t('workPlans.periodRange', { from: format.date(activity.plannedOn), to: format.date(activity.plannedUntil) })
                      : format.date(activity.plannedOn)}
                  </td>
                  <th scope="row">
                    {activity.title}
                    {activity.carriedFrom && (
                      <Badge ml="xs" size="xs" variant="light">
                        {t('workPlans.carriedBadge')}
                      </Badge>
                    )}
                    {activity.notes && (
                      <Text size="xs" c="dimmed">
                        {activity.notes}
                      </Text>
                    )}
                  </th>
                  <td>{t(`workPlans.kind.${activity.kind}`)}</td>
                  <td>{activity.states.map((state) => names.name(state.iso3, state.name)).join(', ')}</td>
                  <td>{t(`workPlans.status.${activity.status}`)}</td>
                  {editable && (
                    <td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setDialog({ kind: 'editActivity', activity })}
                          aria-label={t('workPlans.editNamed', { name: activity.title })}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          onClick={() => setDialog({ kind: 'deleteActivity', activity })}
                          aria-label={t('workPlans.deleteNamed', { name: activity.title })}
                        >
                          {t('workPlans.delete')}
                        </Button>
                      </Group>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {mandate.handOver && <HandOverSection handOver={mandate.handOver} />}

      <Modal
        lockScroll={false}
        size="lg"
        opened={dialog !== null}
        onClose={close}
        title={dialog ? dialogTitle[dialog.kind] : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {dialog?.kind === 'editMandate' && (
          <EditMandateForm mandate={mandate} reload={async () => (await versions())?.version} onDone={done} onCancel={close} />
        )}
        {dialog?.kind === 'deleteMandate' && (
          <DeleteConfirm
            question={t('workPlans.deleteMandateQuestion', { name: mandate.name })}
            version={mandate.version}
            remove={(expectedVersion) => deleteMandate({ id: mandate.id, expectedVersion })}
            reload={async () => (await versions())?.version}
            onDone={() => void navigate('/work-plans')}
            onCancel={close}
          />
        )}
        {dialog?.kind === 'handOver' && <StartMandateForm previous={mandate} onClose={close} />}
        {dialog?.kind === 'addObjective' && (
          <ObjectiveForm
            initial={objectiveValues()}
            version={null}
            save={(values) =>
              addObjective({
                mandateId: mandate.id,
                input: {
                  title: values.title.trim(),
                  description: values.description.trim() || undefined,
                  indicators: indicatorInputs(values.indicators),
                },
              })
            }
            reload={noVersion}
            onDone={done}
            onCancel={close}
          />
        )}
        {dialog?.kind === 'editObjective' && (
          <ObjectiveForm
            initial={objectiveValues(dialog.objective)}
            version={dialog.objective.version}
            save={(values, expectedVersion) =>
              updateObjective({
                id: dialog.objective.id,
                input: {
                  expectedVersion,
                  title: values.title.trim(),
                  description: values.description.trim(),
                  indicators: indicatorInputs(values.indicators),
                },
              })
            }
            reload={objectiveVersion(dialog.objective.id)}
            onDone={done}
            onCancel={close}
          />
        )}
        {dialog?.kind === 'deleteObjective' && (
          <DeleteConfirm
            question={t('workPlans.deleteObjectiveQuestion', { title: dialog.objective.title })}
            version={dialog.objective.version}
            remove={(expectedVersion) => deleteObjective({ id: dialog.objective.id, expectedVersion })}
            reload={objectiveVersion(dialog.objective.id)}
            onDone={done}
            onCancel={close}
          />
        )}
        {dialog?.kind === 'addActivity' && (
          <ActivityForm
            initial={activityValues(undefined, mandate)}
            version={null}
            save={(values) =>
              planActivity({
                mandateId: mandate.id,
                input: {
                  title: values.title.trim(),
                  kind: values.kind as never,
                  status: values.status as never,
                  plannedOn: values.plannedOn,
                  plannedUntil: values.plannedUntil || undefined,
                  notes: values.notes.trim() || undefined,
                  stateIso3s: values.states.map((state) => state.iso3),
                },
              })
            }
            reload={noVersion}
            onDone={done}
            onCancel={close}
          />
        )}
        {dialog?.kind === 'editActivity' && (
          <ActivityForm
            initial={activityValues(dialog.activity)}
            version={dialog.activity.version}
            save={(values, expectedVersion) =>
              updateActivity({
                id: dialog.activity.id,
                input: {
                  expectedVersion,
                  title: values.title.trim(),
                  kind: values.kind as never,
                  status: values.status as never,
                  plannedOn: values.plannedOn,
                  plannedUntil: values.plannedUntil || null,
                  notes: values.notes.trim() || null,
                  stateIso3s: values.states.map((state) => state.iso3),
                },
              })
            }
            reload={activityVersion(dialog.activity.id)}
            onDone={done}
            onCancel={close}
          />
        )}
        {dialog?.kind === 'deleteActivity' && (
          <DeleteConfirm
            question={t('workPlans.deleteActivityQuestion', { title: dialog.activity.title })}
            version={dialog.activity.version}
            remove={(expectedVersion) => deleteActivity({ id: dialog.activity.id, expectedVersion })}
            reload={activityVersion(dialog.activity.id)}
            onDone={done}
            onCancel={close}
          />
        )}
      </Modal>
    </>
  );
}
