import { Button, Checkbox, Group, MultiSelect, Paper, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { ConflictAlert, ErrorList } from '../components/ConflictAlert';
import { graphql } from '../gql';
import type { ObstacleCategory, Visibility } from '../gql/graphql';
import { today } from '../lib/format';
import { useStateNames } from '../lib/stateNames';
import { newIdempotencyKey, useFormWrite, useIdempotencyKey } from '../lib/useFormWrite';
import '../i18n/later';

export const VISIBILITIES = ['ORGANIZATION', 'COORDINATORS', 'SHARED'] as const;
export const CATEGORIES = ['SUBSTANTIVE', 'PROCEDURAL', 'TECHNICAL'] as const;

const SurveyStatesDocument = graphql(`
  query SurveyStatePicker($search: String!) {
    states(filter: { search: $search }, first: 15) {
      edges {
        node {
          iso3
          name
        }
      }
    }
  }
`);

const CreateSurveyDocument = graphql(`
  mutation CreateSurvey($input: CreateSurveyInput!, $idempotencyKey: String) {
    createSurvey(input: $input, idempotencyKey: $idempotencyKey) {
      id
      name
    }
  }
`);

const RecordAnswerDocument = graphql(`
  mutation RecordSurveyAnswer($input: RecordSurveyAnswerInput!) {
    recordSurveyAnswer(input: $input) {
      id
      version
      obstacleId
    }
  }
`);

const UpdateAnswerDocument = graphql(`
  mutation UpdateSurveyAnswer($input: UpdateSurveyAnswerInput!) {
    updateSurveyAnswer(input: $input) {
      id
      version
      choice
      text
      answeredOn
      visibility
    }
  }
`);

const AnswerVersionsDocument = graphql(`
  query SurveyAnswerVersions($id: ID!) {
    survey(id: $id) {
      id
      answers {
        id
        version
      }
    }
  }
`);

/** Several States, by type-ahead on the service's search (name or ISO code). */
function StatesPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string[];
  onChange: (iso3s: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const names = useStateNames();
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [{ data }] = useQuery({ query: SurveyStatesDocument, variables: { search: debounced }, pause: !debounced });
  const options = useMemo(() => {
    const map = new Map<string, string>();
    for (const iso3 of value) map.set(iso3, known.get(iso3) ?? names.name(iso3, iso3));
    for (const { node } of data?.states.edges ?? []) map.set(node.iso3, names.name(node.iso3, node.name));
    return [...map].map(([iso3, name]) => ({ value: iso3, label: `${name} (${iso3})` }));
  }, [data, value, known, names]);
  return (
    <MultiSelect
      label={label}
      required
      searchable
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(next) => {
        setKnown((before) => {
          const after = new Map(before);
          for (const option of options)
            if (next.includes(option.value)) after.set(option.value, option.label.replace(/ \([A-Z]{3}\)$/, ''));
          return after;
        });
        setSearch('');
        onChange(next);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('logForm.typeToSearch')}
      error={error}
    />
  );
}

interface QuestionDraft {
  key: string;
  text: string;
  category: string;
  choices: string;
  allowsText: boolean;
}

const emptyQuestion = (): QuestionDraft => ({ key: newIdempotencyKey(), text: '', category: '', choices: '', allowsText: true });

/** Create a survey: its name, the States it goes to, the default questions or questions of one's own, who sees it. */
export function CreateSurveyForm({ onDone }: { onDone: (id?: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [stateIso3s, setStateIso3s] = useState<string[]>([]);
  const [custom, setCustom] = useState(false);
  const [questions, setQuestions] = useState<QuestionDraft[]>([emptyQuestion()]);
  const [visibility, setVisibility] = useState<Visibility>('COORDINATORS');
  const form = useFormWrite({}, ['name', 'stateIso3s', 'questions', 'visibility']);
  const { errors, other, busy } = form;
  const key = useIdempotencyKey();
  const [, create] = useMutation(CreateSurveyDocument);
  const setQuestion = (index: number, change: Partial<QuestionDraft>) =>
    setQuestions((all) => all.map((q, i) => (i === index ? { ...q, ...change } : q)));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = t('common.required');
    if (!stateIso3s.length) missing.stateIso3s = t('common.required');
    if (custom) questions.forEach((q, index) => !q.text.trim() && (missing[`questions.${index}`] = t('common.required')));
    const input = {
      name: name.trim(),
      stateIso3s,
      visibility,
      questions: custom
        ? questions.map((q) => ({
            text: q.text.trim(),
            category: (q.category || null) as ObstacleCategory | null,
            choices: q.choices
              .split('\n')
              .map((c) => c.trim())
              .filter(Boolean),
            allowsText: q.allowsText,
          }))
        : undefined,
    };
    let id: string | undefined;
    const created = await form.run(missing, async () => {
      const result = await create({ input, idempotencyKey: key }, { additionalTypenames: ['Survey', 'LetterCampaign'] });
      id = result.data?.createSurvey.id;
      return result;
    });
    if (created) onDone(id);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('surveys.create')}>
      <Stack gap="sm">
        <TextInput
          label={t('surveys.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <StatesPicker label={t('surveys.states')} value={stateIso3s} onChange={setStateIso3s} error={errors.stateIso3s} />
        <Radio.Group
          label={t('surveys.questions')}
          value={custom ? 'custom' : 'default'}
          onChange={(value) => setCustom(value === 'custom')}
          error={errors.questions}
        >
          <Stack gap={4} mt="xs">
            <Radio value="default" label={t('surveys.defaultQuestions')} />
            <Radio value="custom" label={t('surveys.customQuestions')} />
          </Stack>
        </Radio.Group>
        {custom &&
          questions.map((question, index) => (
            <Paper key={question.key} withBorder p="sm">
              <fieldset className="plain-fieldset">
                <legend>{t('surveys.questionNumber', { number: index + 1 })}</legend>
                <Stack gap="xs">
                  <TextInput
                    label={t('surveys.questionText')}
                    required
                    value={question.text}
                    onChange={(e) => setQuestion(index, { text: e.currentTarget.value })}
                    error={errors[`questions.${index}`]}
                  />
                  <Select
                    label={t('surveys.category')}
                    description={t('surveys.categoryHelp')}
                    data={CATEGORIES.map((value) => ({ value, label: t(`obstacles.categories.${value}`) }))}
                    value={question.category || null}
                    onChange={(value) => setQuestion(index, { category: value ?? '' })}
                    clearable
                  />
                  <Textarea
                    label={t('surveys.choices')}
                    description={t('surveys.choicesHelp')}
                    minRows={3}
                    autosize
                    value={question.choices}
                    onChange={(e) => setQuestion(index, { choices: e.currentTarget.value })}
                  />
                  <Checkbox
                    label={t('surveys.allowsText')}
                    checked={question.allowsText}
                    onChange={(e) => setQuestion(index, { allowsText: e.currentTarget.checked })}
                  />
                  {questions.length > 1 && (
                    <Group justify="flex-end">
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        onClick={() => setQuestions((all) => all.filter((_, i) => i !== index))}
                      >
                        {t('surveys.removeQuestion', { number: index + 1 })}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </fieldset>
            </Paper>
          ))}
        {custom && (
          <Group>
            <Button variant="default" size="xs" onClick={() => setQuestions((all) => [...all, emptyQuestion()])}>
              {t('surveys.addQuestion')}
            </Button>
          </Group>
        )}
        <Radio.Group
          label={t('logForm.visibility')}
          value={visibility}
          onChange={(value) => setVisibility(value as Visibility)}
          error={errors.visibility}
        >
          <Group mt="xs">
            {VISIBILITIES.map((value) => (
              <Radio key={value} value={value} label={t(`visibility.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Text size="sm" c="dimmed">
          {t('surveys.campaignNote')}
        </Text>
        <ErrorList messages={other} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('surveys.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export interface QuestionLike {
  id: string;
  position: number;
  text: string;
  category?: ObstacleCategory | null;
  choices: string[];
  allowsText: boolean;
}

export interface AnswerLike {
  id: string;
  questionId: string;
  stateIso3: string;
  choice?: string | null;
  text?: string | null;
  answeredOn: string;
  visibility: Visibility;
  version: number;
}

const ANSWER_FIELDS = ['questionId', 'choice', 'text', 'answeredOn', 'visibility', 'openObstacle'];

/**
 * Record a State's answer from its reply (a question, a choice and/or text, the date, who sees it,
 * and whether it opens an obstacle), or correct one (from the version read; CONFLICT offers to re-apply).
 */
export function AnswerForm({
  surveyId,
  stateIso3,
  stateName,
  questions,
  answer,
  answeredQuestionIds,
  onDone,
}: {
  surveyId: string;
  stateIso3: string;
  stateName: string;
  questions: QuestionLike[];
  answer?: AnswerLike;
  answeredQuestionIds: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const open = questions.filter((q) => q.id === answer?.questionId || !answeredQuestionIds.includes(q.id));
  const [questionId, setQuestionId] = useState(answer?.questionId ?? open[0]?.id ?? '');
  const [choice, setChoice] = useState(answer?.choice ?? '');
  const [text, setText] = useState(answer?.text ?? '');
  const [answeredOn, setAnsweredOn] = useState(answer?.answeredOn ?? today());
  const [visibility, setVisibility] = useState<Visibility>(answer?.visibility ?? 'COORDINATORS');
  const [openObstacle, setOpenObstacle] = useState(false);
  const form = useFormWrite({}, ANSWER_FIELDS);
  const { errors, other, conflict, busy } = form;
  const [, record] = useMutation(RecordAnswerDocument);
  const [, update] = useMutation(UpdateAnswerDocument);
  const question = questions.find((q) => q.id === questionId);
  const context = { additionalTypenames: ['SurveyAnswer', 'Obstacle', 'Survey'] };

  const sendUpdate = (expectedVersion: number) =>
    update(
      { input: { id: answer!.id, expectedVersion, choice: choice || null, text: text.trim() || null, answeredOn, visibility } },
      context,
    );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!questionId) missing.questionId = t('common.required');
    if (!answeredOn) missing.answeredOn = t('common.required');
    if (!choice && !text.trim()) missing.choice = t('surveys.choiceOrText');
    const done = await form.run(missing, () =>
      answer
        ? sendUpdate(answer.version)
        : record(
            {
              input: {
                surveyId,
                questionId,
                stateIso3,
                choice: choice || null,
                text: text.trim() || null,
                answeredOn,
                visibility,
                openObstacle: openObstacle && !!question?.category,
              },
            },
            context,
          ),
    );
    if (done) onDone();
  };
  const reapply = async () => {
    const reload = async () =>
      (
        await client.query(AnswerVersionsDocument, { id: surveyId }, { requestPolicy: 'network-only' }).toPromise()
      ).data?.survey?.answers.find((a) => a.id === answer!.id);
    if (await form.reapply(reload, sendUpdate)) onDone();
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={answer ? t('surveys.editAnswerFor', { name: stateName }) : t('surveys.recordAnswerFor', { name: stateName })}
    >
      <Stack gap="sm">
        <Select
          label={t('surveys.question')}
          required
          disabled={!!answer}
          data={(answer ? questions.filter((q) => q.id === answer.questionId) : open).map((q) => ({
            value: q.id,
            label: `${q.position}. ${q.text}`,
          }))}
          value={questionId || null}
          onChange={(value) => {
            setQuestionId(value ?? '');
            setChoice('');
          }}
          error={errors.questionId}
        />
        {question && question.choices.length > 0 && (
          <Select
            label={t('surveys.choice')}
            data={question.choices}
            value={choice || null}
            onChange={(value) => setChoice(value ?? '')}
            clearable
            error={errors.choice}
          />
        )}
        {question?.allowsText && (
          <Textarea
            label={t('surveys.text')}
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text ?? (question.choices.length ? undefined : errors.choice)}
          />
        )}
        <TextInput
          label={t('surveys.answeredOn')}
          type="date"
          required
          value={answeredOn}
          onChange={(e) => setAnsweredOn(e.currentTarget.value)}
          error={errors.answeredOn}
        />
        <Radio.Group
          label={t('logForm.visibility')}
          value={visibility}
          onChange={(value) => setVisibility(value as Visibility)}
          error={errors.visibility}
        >
          <Group mt="xs">
            {VISIBILITIES.map((value) => (
              <Radio key={value} value={value} label={t(`visibility.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Text size="sm" c="dimmed">
          {t(`visibility.help.${visibility}`)}
        </Text>
        {!answer && question?.category && (
          <Checkbox
            label={t('surveys.openObstacle', { category: t(`obstacles.categories.${question.category}`) })}
            checked={openObstacle}
            onChange={(e) => setOpenObstacle(e.currentTarget.checked)}
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
