import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import { LetterDryRun } from '../campaigns/LetterDryRun';
import { ConflictAlert, ErrorList } from '../components/ConflictAlert';
import { PageLoader } from '../components/PageLoader';
import { graphql } from '../gql';
import { reloadAndReapply } from '../lib/conflict';
import { authorizedFetch, fileNameOf, saveResponse } from '../lib/download';
import { errorMessage, isConflict, type ErrorLike } from '../lib/errors';
import { formatDate, today } from '../lib/format';
import { useSession } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';
import { useFormWrite } from '../lib/useFormWrite';
import '../i18n/later';

const CampaignDocument = graphql(`
  query LetterCampaign($id: ID!, $days: Int!) {
    letterCampaign(id: $id) {
      id
      name
      version
      sendingDate
      templateRef
      visibility
      mandateId
      surveyId
      organization {
        id
        name
      }
      owner {
        id
        displayName
      }
      possibleOwners {
        id
        displayName
      }
      templates {
        language
        fileName
        placeholders
        sizeBytes
      }
      progress {
        sent
        replied
        noReply
        followUpDone
      }
      letters {
        version
        status
        sentOn
        addressedTo
        addressedPosting
        replyReceivedOn
        replyNote
        state {
          iso3
          name
        }
        contacts {
          id
          fullName
        }
        interaction {
          id
          followUpOn
        }
      }
      noReplyAfter(days: $days) {
        daysWithoutReply
        state {
          iso3
          name
        }
        letter {
          version
          addressedPosting
          interaction {
            id
          }
          contacts {
            id
            fullName
          }
        }
        suggestedFollowUps {
          channel
          contact {
            id
            fullName
            position
            posting
          }
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

const CampaignMandateDocument = graphql(`
  query LetterCampaignMandate($id: ID!) {
    mandate(id: $id) {
      id
      organizations {
        id
      }
    }
  }
`);

const CampaignVersionDocument = graphql(`
  query LetterCampaignVersion($id: ID!) {
    letterCampaign(id: $id) {
      id
      version
      letters {
        version
        interaction {
          id
        }
      }
    }
  }
`);

const UpdateCampaignDocument = graphql(`
  mutation UpdateLetterCampaign($input: UpdateLetterCampaignInput!) {
    updateLetterCampaign(input: $input) {
      id
      version
      name
      sendingDate
      templateRef
      visibility
      owner {
        id
        displayName
      }
    }
  }
`);

const DeleteCampaignDocument = graphql(`
  mutation DeleteLetterCampaign($id: ID!, $expectedVersion: Int!) {
    deleteLetterCampaign(id: $id, expectedVersion: $expectedVersion)
  }
`);

const LogReplyDocument = graphql(`
  mutation LogLetterReply($input: LogLetterReplyInput!) {
    logLetterReply(input: $input) {
      version
      status
      replyReceivedOn
      replyNote
    }
  }
`);

const UploadTemplateDocument = graphql(`
  mutation UploadLetterTemplate($input: UploadLetterTemplateInput!) {
    uploadLetterTemplate(input: $input) {
      id
      version
      templates {
        language
        fileName
        placeholders
      }
    }
  }
`);

const RemoveTemplateDocument = graphql(`
  mutation DeleteLetterTemplate($campaignId: ID!, $language: LetterLanguage!, $expectedVersion: Int!) {
    deleteLetterTemplate(campaignId: $campaignId, language: $language, expectedVersion: $expectedVersion) {
      id
      version
      templates {
        language
        fileName
      }
    }
  }
`);

const FollowUpDoneDocument = graphql(`
  mutation MarkCampaignFollowUpDone($input: MarkCampaignFollowUpDoneInput!) {
    markCampaignFollowUpDone(input: $input) {
      version
      status
    }
  }
`);

type Campaign = NonNullable<NonNullable<ReturnType<typeof useCampaign>[0]['data']>['letterCampaign']>;

function useCampaign(id: string, days: number) {
  return useQuery({ query: CampaignDocument, variables: { id, days }, requestPolicy: 'cache-and-network' });
}

const REFRESH = { additionalTypenames: ['LetterCampaign', 'CampaignLetter', 'Interaction'] };
const FIELDS = ['name', 'sendingDate', 'templateRef', 'visibility', 'ownerId'];

/** Whom the campaign may be given to, by name; the current owner stays a choice even if no longer on the list (say, disabled since). */
function ownerChoices(campaign: Campaign): { value: string; label: string }[] {
  const users = campaign.possibleOwners ?? [];
  const all = users.some((user) => user.id === campaign.owner.id) ? users : [campaign.owner, ...users];
  return all.map((user) => ({ value: user.id, label: user.displayName }));
}

/** Corrects the campaign's name, sending date, template reference, owner or visibility (with its version; CONFLICT offers to re-apply). */
function EditCampaign({ campaign, onDone }: { campaign: Campaign; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { viewer } = useSession();
  // The values as read when the form opened: only what the user changed is sent (a re-apply after a CONFLICT keeps the others' changes).
  const form = useFormWrite(
    () => ({
      name: campaign.name,
      sendingDate: campaign.sendingDate,
      templateRef: campaign.templateRef,
      visibility: campaign.visibility,
      ownerId: campaign.owner.id,
    }),
    FIELDS,
  );
  const { original, values, errors, other, conflict, busy } = form;
  const [, update] = useMutation(UpdateCampaignDocument);
  const changes = () => {
    const input: Record<string, string> = {};
    if (values.name.trim() !== original.name) input.name = values.name.trim();
    if (values.sendingDate !== original.sendingDate) input.sendingDate = values.sendingDate;
    if (values.templateRef.trim() !== original.templateRef) input.templateRef = values.templateRef.trim();
    if (values.visibility !== original.visibility) input.visibility = values.visibility;
    if (values.ownerId !== original.ownerId) input.ownerId = values.ownerId;
    return input;
  };
  const send = (expectedVersion: number) => update({ input: { id: campaign.id, expectedVersion, ...changes() } }, REFRESH);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!values.name.trim()) missing.name = t('common.required');
    if (!values.templateRef.trim()) missing.templateRef = t('common.required');
    if (!values.sendingDate) missing.sendingDate = t('common.required');
    if (await form.run(missing, async () => (Object.keys(changes()).length ? send(campaign.version) : {}))) onDone();
  };
  const reapply = async () => {
    const reload = async () =>
      (await client.query(CampaignVersionDocument, { id: campaign.id }, { requestPolicy: 'network-only' }).toPromise()).data
        ?.letterCampaign;
    if (await form.reapply(reload, send)) onDone();
  };
  const visibilities =
    viewer?.role === 'PARTNER'
      ? ['SHARED']
      : campaign.mandateId
        ? ['ORGANIZATION', 'COORDINATORS', 'SHARED', 'MANDATE']
        : ['ORGANIZATION', 'COORDINATORS', 'SHARED'];
  const set = (field: keyof typeof values, value: string) => form.set(field, value);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="xs">
        <TextInput
          label={t('campaigns.name')}
          required
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <TextInput
          label={t('campaigns.sendingDate')}
          description={t('campaigns.sendingDateMoves')}
          type="date"
          required
          max={today()}
          value={values.sendingDate}
          onChange={(e) => set('sendingDate', e.currentTarget.value)}
          error={errors.sendingDate}
        />
        <TextInput
          label={t('campaigns.templateRef')}
          required
          value={values.templateRef}
          onChange={(e) => set('templateRef', e.currentTarget.value)}
          error={errors.templateRef}
        />
        {campaign.possibleOwners && (
          <Select
            label={t('campaigns.owner')}
            description={t('campaigns.ownerHelp')}
            data={ownerChoices(campaign)}
            value={values.ownerId}
            onChange={(value) => value && set('ownerId', value)}
            allowDeselect={false}
            searchable
            error={errors.ownerId}
          />
        )}
        <Select
          label={t('campaigns.visibility')}
          description={t('campaigns.visibilityAll')}
          data={visibilities.map((value) => ({ value, label: value === 'MANDATE' ? t('campaigns.mandate') : t(`visibility.${value}`) }))}
          value={values.visibility}
          onChange={(value) => value && set('visibility', value)}
          allowDeselect={false}
          error={errors.visibility}
        />
        <ErrorList messages={other} />
        {conflict && <ConflictAlert error={conflict} onReapply={() => void reapply()} onDiscard={onDone} busy={busy} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Deletes the campaign and its letters (only while none has a reply or a follow-up: the API says CONFLICT otherwise). */
function DeleteCampaign({ campaign, onCancel }: { campaign: Campaign; onCancel: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const navigate = useNavigate();
  const [, remove] = useMutation(DeleteCampaignDocument);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<ErrorLike | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const send = (expectedVersion: number) => remove({ id: campaign.id, expectedVersion }, REFRESH);
  const done = (result: { error?: ErrorLike | null }) => {
    if (!result.error) {
      notifications.show({ message: t('campaigns.deleted', { name: campaign.name }) });
      void navigate('/campaigns');
      return;
    }
    // A stale version can be re-applied; a campaign with replies stays (also a CONFLICT, without versions).
    const item = result.error.graphQLErrors?.find((e) => e.extensions?.code === 'CONFLICT');
    const details = item?.extensions?.details as { expectedVersion?: unknown } | undefined;
    if (isConflict(result.error) && typeof details?.expectedVersion === 'number') return setConflict(result.error);
    setProblem(errorMessage(result.error) ?? '');
  };
  const confirm = async () => {
    setBusy(true);
    const result = await send(campaign.version);
    setBusy(false);
    done(result);
  };
  const reapply = async () => {
    setBusy(true);
    setConflict(null);
    const result = await reloadAndReapply(
      async () =>
        (await client.query(CampaignVersionDocument, { id: campaign.id }, { requestPolicy: 'network-only' }).toPromise()).data
          ?.letterCampaign,
      send,
      t('errors.gone'),
    );
    setBusy(false);
    done(result);
  };
  return (
    <Stack gap="xs">
      <Text>{t('campaigns.deleteConfirm', { name: campaign.name, count: campaign.progress.sent })}</Text>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {conflict && <ConflictAlert error={conflict} onReapply={() => void reapply()} onDiscard={onCancel} busy={busy} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red.9" onClick={() => void confirm()} loading={busy}>
          {t('campaigns.delete')}
        </Button>
      </Group>
    </Stack>
  );
}

interface LetterRef {
  interactionId: string;
  version: number;
  stateName: string;
  sentOn: string;
}

/** Records a letter's reply (date and what it said), or that it was followed up without reply. */
function LetterAction({
  campaignId,
  letter,
  kind,
  onDone,
}: {
  campaignId: string;
  letter: LetterRef;
  kind: 'reply' | 'followUp';
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const form = useFormWrite({ date: today(), note: '' }, { receivedOn: 'date', doneOn: 'date', replyReceivedOn: 'date', note: 'note' });
  const { values, set, errors, other, conflict, busy } = form;
  const { date, note } = values;
  const [, logReply] = useMutation(LogReplyDocument);
  const [, followUp] = useMutation(FollowUpDoneDocument);
  const send = (expectedVersion: number): Promise<{ error?: ErrorLike | null }> =>
    kind === 'reply'
      ? logReply(
          { input: { interactionId: letter.interactionId, expectedVersion, receivedOn: date, note: note.trim() || undefined } },
          REFRESH,
        )
      : followUp({ input: { interactionId: letter.interactionId, expectedVersion, doneOn: date || undefined } }, REFRESH);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = kind === 'reply' && !date ? { date: t('common.required') } : {};
    if (await form.run(local, () => send(letter.version))) onDone();
  };
  const reapply = async () => {
    const reload = async () => {
      const fresh = (await client.query(CampaignVersionDocument, { id: campaignId }, { requestPolicy: 'network-only' }).toPromise()).data
        ?.letterCampaign;
      return fresh?.letters.find((l) => l.interaction.id === letter.interactionId);
    };
    if (await form.reapply(reload, send)) onDone();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="xs">
        <Text size="sm">{t('campaigns.sentOnTo', { state: letter.stateName, date: formatDate(letter.sentOn, i18n.language) })}</Text>
        <TextInput
          label={kind === 'reply' ? t('campaigns.receivedOn') : t('campaigns.followedUpOn')}
          type="date"
          required={kind === 'reply'}
          min={letter.sentOn}
          max={today()}
          value={date}
          onChange={(e) => set('date', e.currentTarget.value)}
          error={errors.date}
          data-autofocus
        />
        {kind === 'reply' && (
          <Textarea
            label={t('campaigns.replyNote')}
            value={note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={3}
          />
        )}
        <ErrorList messages={other} />
        {conflict && <ConflictAlert error={conflict} onReapply={() => void reapply()} onDiscard={onDone} busy={busy} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const LANGUAGES = ['EN', 'FR', 'ES'] as const;

/** A file's content, base64-encoded (without the data: prefix). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file cannot be read'));
    reader.readAsDataURL(file);
  });
}

/**
 * The campaign's Word templates, one per language: upload (replacing the language's), remove, and
 * the letters filled from them as a .zip. Every write carries the campaign's version (CONFLICT offers to re-apply).
 */
function Templates({ campaign, canEdit, onChanged }: { campaign: Campaign; canEdit: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [language, setLanguage] = useState<string>('EN');
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState<{
    error: ErrorLike;
    retry: (expectedVersion: number) => Promise<{ error?: ErrorLike | null }>;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [, upload] = useMutation(UploadTemplateDocument);
  const [, remove] = useMutation(RemoveTemplateDocument);
  const languageName = (code: string) => new Intl.DisplayNames(i18n.language, { type: 'language' }).of(code.toLowerCase()) ?? code;

  const run = async (write: (expectedVersion: number) => Promise<{ error?: ErrorLike | null }>, expectedVersion: number) => {
    setBusy(true);
    setProblems([]);
    const result = await write(expectedVersion);
    setBusy(false);
    if (!result.error) {
      setConflict(null);
      setFile(null);
      onChanged();
      return;
    }
    if (isConflict(result.error)) return setConflict({ error: result.error, retry: write });
    const item = result.error.graphQLErrors?.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
    const listed = (item?.extensions?.details as { problems?: unknown } | undefined)?.problems;
    setProblems(Array.isArray(listed) && listed.length ? listed.map(String) : [errorMessage(result.error) ?? '']);
  };
  const send = async () => {
    if (!file) return;
    let contentBase64: string;
    try {
      contentBase64 = await base64Of(file);
    } catch (failure) {
      return setProblems([(failure as Error).message]);
    }
    const chosen = language as (typeof LANGUAGES)[number];
    await run(
      (expectedVersion) =>
        upload({ input: { campaignId: campaign.id, language: chosen, fileName: file.name, contentBase64, expectedVersion } }, REFRESH),
      campaign.version,
    );
  };
  const reapply = async () => {
    if (!conflict) return;
    const fresh = (await client.query(CampaignVersionDocument, { id: campaign.id }, { requestPolicy: 'network-only' }).toPromise()).data
      ?.letterCampaign;
    if (!fresh) return setProblems([t('campaigns.notFound')]);
    await run(conflict.retry, fresh.version);
  };
  const download = async () => {
    setDownloading(true);
    try {
      await downloadLetters(campaign.id);
    } catch (failure) {
      notifications.show({ color: 'red', message: t('errors.generic', { message: (failure as Error).message }) });
    } finally {
      setDownloading(false);
    }
  };
  if (!canEdit && !campaign.templates.length) return null;
  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="campaign-templates">
      <Title order={2} size="h3" id="campaign-templates">
        {t('campaigns.templatesTitle')}
      </Title>
      <Text size="sm" c="dimmed" mt="xs">
        {t('campaigns.templatesHelp')}
      </Text>
      {campaign.templates.length === 0 ? (
        <Text size="sm" mt="xs">
          {t('campaigns.noTemplate')}
        </Text>
      ) : (
        <List mt="xs" size="sm" className="templates-list">
          {campaign.templates.map((template) => (
            <List.Item key={template.language} data-language={template.language}>
              <Group gap="xs">
                <Text size="sm">
                  {t('campaigns.templateLine', {
                    language: languageName(template.language),
                    fileName: template.fileName,
                    count: template.placeholders.length,
                  })}
                </Text>
                {canEdit && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={busy}
                    onClick={() =>
                      void run(
                        (expectedVersion) => remove({ campaignId: campaign.id, language: template.language, expectedVersion }, REFRESH),
                        campaign.version,
                      )
                    }
                    aria-label={t('campaigns.removeTemplateFor', { language: languageName(template.language) })}
                  >
                    {t('campaigns.removeTemplate')}
                  </Button>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {campaign.templates.length > 0 && (
        <Button mt="sm" variant="default" onClick={() => void download()} loading={downloading}>
          {t('campaigns.downloadLetters')}
        </Button>
      )}
      {/* A new template or a removed one gives the campaign a new version: the check starts over. */}
      {campaign.templates.length > 0 && <LetterDryRun key={campaign.version} campaignId={campaign.id} />}
      {canEdit && (
        <Group mt="sm" align="flex-end">
          <FileInput
            label={t('letters.template')}
            placeholder={t('letters.choose')}
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            value={file}
            onChange={setFile}
            miw={240}
          />
          <Select
            label={t('letters.language')}
            data={LANGUAGES.map((value) => ({ value, label: languageName(value) }))}
            value={language}
            onChange={(value) => value && setLanguage(value)}
            allowDeselect={false}
            w={160}
          />
          <Button onClick={() => void send()} disabled={!file} loading={busy}>
            {t('campaigns.uploadTemplate')}
          </Button>
        </Group>
      )}
      {problems.length > 0 && (
        <Alert color="red" mt="sm" role="alert" title={t('campaigns.templateRefused')}>
          <List size="sm">
            {problems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {conflict && (
        <Stack mt="sm">
          <ConflictAlert error={conflict.error} onReapply={() => void reapply()} onDiscard={() => setConflict(null)} busy={busy} />
        </Stack>
      )}
    </Paper>
  );
}

const STATUS_COLORS: Record<string, string> = { REPLIED: 'teal.9', FOLLOWED_UP: 'blue.9', AWAITING_REPLY: 'red.9' };

/** Downloads the letters of every State filled from the campaign's templates (.zip). */
async function downloadLetters(id: string): Promise<void> {
  const response = await authorizedFetch(`/exports/campaigns/${id}/letters.zip`);
  await saveResponse(response, fileNameOf(response, 'letters.zip'));
}

export default function CampaignPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { viewer } = useSession();
  const names = useStateNames();
  const [daysInput, setDaysInput] = useState<number>(30);
  const [days] = useDebouncedValue(daysInput, 300);
  const [{ data, fetching, error }, reexecute] = useCampaign(id, days);
  // A campaign of a mandate is its organizations' work: their coordinators change it as their own.
  const mandateId = data?.letterCampaign?.mandateId ?? null;
  const [{ data: mandateData }] = useQuery({
    query: CampaignMandateDocument,
    variables: { id: mandateId ?? '' },
    pause: !mandateId || viewer?.role !== 'COORDINATOR',
  });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [action, setAction] = useState<{ kind: 'reply' | 'followUp'; letter: LetterRef } | null>(null);

  if (!data && fetching) return <PageLoader />;
  if (error && !data) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  }
  const campaign = data?.letterCampaign;
  if (!campaign) {
    return (
      <>
        <Title order={1}>{t('campaigns.notFound')}</Title>
        <Anchor component={Link} to="/campaigns">
          {t('campaigns.backToList')}
        </Anchor>
      </>
    );
  }
  const team = [campaign.organization.id, ...(mandateData?.mandate?.organizations.map((organization) => organization.id) ?? [])];
  const canEdit = !!viewer && (viewer.role === 'ADMIN' || (viewer.role === 'COORDINATOR' && team.includes(viewer.organization.id)));
  const deletable =
    campaign.progress.replied === 0 && campaign.progress.followUpDone === 0 && campaign.letters.every((letter) => !letter.replyNote);
  const date = (value: string | null | undefined) => formatDate(value, i18n.language);
  const stateName = (state: { iso3: string; name: string }) => names.name(state.iso3, state.name);
  const open = (
    kind: 'reply' | 'followUp',
    letter: { version: number; interaction: { id: string }; state: { iso3: string; name: string } },
    sentOn: string,
  ) =>
    setAction({
      kind,
      letter: { interactionId: letter.interaction.id, version: letter.version, stateName: stateName(letter.state), sentOn },
    });
  const close = () => {
    setAction(null);
    setEditing(false);
    reexecute({ requestPolicy: 'network-only' });
  };
  const suggestion = (s: Campaign['noReplyAfter'][number]['suggestedFollowUps'][number]) =>
    s.contact
      ? t('campaigns.tryContact', {
          name: s.contact.fullName,
          where:
            [s.contact.position, s.contact.posting ? t(`posting.${s.contact.posting}`) : null].filter(Boolean).join(', ') ||
            t(`campaigns.channel.${s.channel}`),
        })
      : t('campaigns.tryPartner', { organization: s.organization?.name ?? '' });
  const { progress } = campaign;

  return (
    <>
      <Anchor component={Link} to="/campaigns" size="sm">
        {t('campaigns.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start" mt="xs">
        <div>
          <Title order={1}>{campaign.name}</Title>
          <Text c="dimmed">
            {t('campaigns.meta', {
              date: date(campaign.sendingDate),
              organization: campaign.organization.name,
              owner: campaign.owner.displayName,
              visibility: campaign.visibility === 'MANDATE' ? t('campaigns.mandate') : t(`visibility.${campaign.visibility}`),
            })}
          </Text>
          <Text size="sm">{t('campaigns.templateIs', { ref: campaign.templateRef })}</Text>
          {campaign.surveyId && (
            <Text size="sm">
              {t('campaigns.ofSurvey')}{' '}
              <Anchor component={Link} to={`/surveys/${campaign.surveyId}`}>
                {t('campaigns.surveyLink')}
              </Anchor>
            </Text>
          )}
        </div>
        <Group>
          {canEdit && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {canEdit && deletable && (
            <Button variant="default" color="red" onClick={() => setDeleting(true)}>
              {t('campaigns.delete')}
            </Button>
          )}
        </Group>
      </Group>
      {canEdit && !deletable && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('campaigns.staysAsHistory')}
        </Text>
      )}

      <Paper withBorder p="md" mt="md" component="section" aria-labelledby="campaign-progress">
        <Title order={2} size="h3" id="campaign-progress">
          {t('campaigns.progress')}
        </Title>
        <Text role="status" className="campaign-progress">
          {t('campaigns.progressLine', {
            count: progress.sent,
            replied: progress.replied,
            followedUp: progress.followUpDone,
            awaiting: progress.noReply,
          })}
        </Text>
      </Paper>

      <section aria-labelledby="campaign-letters">
        <Title order={2} size="h3" mt="lg" id="campaign-letters">
          {t('campaigns.letters')}
        </Title>
        <Table.ScrollContainer minWidth={700}>
          <Table className="letters-table">
            <Table.Caption>{t('campaigns.lettersCaption', { count: campaign.letters.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('campaigns.state')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.addressedTo')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.status')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.reply')}</Table.Th>
                {canEdit && <Table.Th scope="col">{t('campaigns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaign.letters.map((letter) => (
                <Table.Tr key={letter.interaction.id} data-iso3={letter.state.iso3} data-status={letter.status}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/states/${letter.state.iso3}`}>
                      {stateName(letter.state)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    {letter.contacts.length ? (
                      <>
                        {letter.contacts.map((contact, index) => (
                          <span key={contact.id}>
                            {index > 0 && ', '}
                            <Anchor component={Link} to={`/contacts/${contact.id}`}>
                              {contact.fullName}
                            </Anchor>
                          </span>
                        ))}
                        {letter.addressedPosting && ` (${t(`posting.${letter.addressedPosting}`)})`}
                      </>
                    ) : (
                      <Text span c="dimmed" size="sm">
                        {t('campaigns.noNamedContact')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[letter.status]} variant="filled">
                      {t(`campaigns.statusName.${letter.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {letter.replyReceivedOn && <Text size="sm">{t('campaigns.repliedOn', { date: date(letter.replyReceivedOn) })}</Text>}
                    {letter.replyNote && <Text size="sm">{letter.replyNote}</Text>}
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {letter.status !== 'REPLIED' && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => open('reply', letter, letter.sentOn)}
                            aria-label={t('campaigns.recordReplyFor', { state: stateName(letter.state) })}
                          >
                            {t('campaigns.recordReply')}
                          </Button>
                        )}
                        {letter.status === 'AWAITING_REPLY' && (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => open('followUp', letter, letter.sentOn)}
                            aria-label={t('campaigns.followUpDoneFor', { state: stateName(letter.state) })}
                          >
                            {t('campaigns.followUpDone')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>

      <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="campaign-no-reply">
        <Title order={2} size="h3" id="campaign-no-reply">
          {t('campaigns.noReplyTitle', { count: days })}
        </Title>
        <NumberInput
          mt="xs"
          maw={240}
          label={t('campaigns.noReplyDays')}
          min={0}
          max={3650}
          allowDecimal={false}
          allowNegative={false}
          value={daysInput}
          onChange={(value) => setDaysInput(typeof value === 'number' ? value : Number(value) || 0)}
        />
        {campaign.noReplyAfter.length === 0 ? (
          <Text mt="sm">{t('campaigns.noReplyNone', { count: days })}</Text>
        ) : (
          <List mt="sm" spacing="sm" className="no-reply-list" listStyleType="none">
            {campaign.noReplyAfter.map((item) => (
              <List.Item key={item.letter.interaction.id} data-iso3={item.state.iso3}>
                <Group gap="xs">
                  <Text fw={600}>{stateName(item.state)}</Text>
                  <Text size="sm">{t('campaigns.daysWithoutReply', { count: item.daysWithoutReply })}</Text>
                  {canEdit && (
                    <>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() =>
                          open(
                            'reply',
                            { ...item.letter, state: item.state },
                            campaign.letters.find((l) => l.interaction.id === item.letter.interaction.id)?.sentOn ?? campaign.sendingDate,
                          )
                        }
                        aria-label={t('campaigns.recordReplyFor', { state: stateName(item.state) })}
                      >
                        {t('campaigns.recordReply')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() =>
                          open(
                            'followUp',
                            { ...item.letter, state: item.state },
                            campaign.letters.find((l) => l.interaction.id === item.letter.interaction.id)?.sentOn ?? campaign.sendingDate,
                          )
                        }
                        aria-label={t('campaigns.followUpDoneFor', { state: stateName(item.state) })}
                      >
                        {t('campaigns.followUpDone')}
                      </Button>
                    </>
                  )}
                </Group>
                {item.suggestedFollowUps.length ? (
                  <>
                    <Text size="sm">{t('campaigns.tryNext')}</Text>
                    <List size="sm" withPadding>
                      {item.suggestedFollowUps.map((s) => (
                        <List.Item key={s.contact?.id ?? s.organization?.id ?? s.channel}>{suggestion(s)}</List.Item>
                      ))}
                    </List>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('campaigns.noSuggestion')}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Paper>

      <Templates campaign={campaign} canEdit={canEdit} onChanged={() => reexecute({ requestPolicy: 'network-only' })} />

      <Modal
        lockScroll={false}
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('campaigns.editTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && <EditCampaign campaign={campaign} onDone={close} />}
      </Modal>
      <Modal
        lockScroll={false}
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('campaigns.deleteTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {deleting && <DeleteCampaign campaign={campaign} onCancel={() => setDeleting(false)} />}
      </Modal>
      <Modal
        lockScroll={false}
        opened={!!action}
        onClose={() => setAction(null)}
        title={action?.kind === 'followUp' ? t('campaigns.followUpTitle') : t('campaigns.replyTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {action && <LetterAction campaignId={campaign.id} letter={action.letter} kind={action.kind} onDone={close} />}
      </Modal>
    </>
  );
}
