/**
 * The "Log an interaction" form's values, and what it sends: the whole input for a new
 * interaction, only the fields the user changed for an edit (so that "reload and re-apply" after a
 * CONFLICT re-applies the user's change on top of the other one instead of undoing it).
 */
export const INTERACTION_TYPES = [
  'LETTER',
  'EMAIL',
  'BILATERAL_MEETING',
  'DEMARCHE',
  'PHONE_CALL',
  'WORKSHOP',
  'EVENT_MEETING',
  'OTHER',
] as const;
export const VISIBILITIES = ['ORGANIZATION', 'COORDINATORS', 'SHARED'] as const;

export type InteractionTypeValue = (typeof INTERACTION_TYPES)[number];
export type VisibilityValue = (typeof VISIBILITIES)[number];

export interface InteractionValues {
  type: InteractionTypeValue;
  occurredOn: string;
  stateIso3s: string[];
  contactIds: string[];
  subject: string;
  summary: string;
  outcome: string;
  followUpOn: string;
  visibility: VisibilityValue;
}

export const FIELDS = [
  'type',
  'occurredOn',
  'stateIso3s',
  'contactIds',
  'subject',
  'summary',
  'outcome',
  'followUpOn',
  'visibility',
] as const;

/** An interaction as read from the service, for editing. */
export interface EditableInteraction {
  id: string;
  version: number;
  type: string;
  occurredOn: string;
  subject: string;
  summary?: string | null;
  outcome?: string | null;
  followUpOn?: string | null;
  visibility: string;
  states: { iso3: string; name?: string }[];
  contacts: { id: string; fullName?: string }[];
}

export function valuesOf(interaction: EditableInteraction): InteractionValues {
  return {
    type: interaction.type as InteractionTypeValue,
    occurredOn: interaction.occurredOn,
    stateIso3s: interaction.states.map((s) => s.iso3),
    contactIds: interaction.contacts.map((c) => c.id),
    subject: interaction.subject,
    summary: interaction.summary ?? '',
    outcome: interaction.outcome ?? '',
    followUpOn: interaction.followUpOn ?? '',
    visibility: interaction.visibility as VisibilityValue,
  };
}

export function emptyValues(today: string, stateIso3s: string[] = [], visibility: VisibilityValue = 'ORGANIZATION'): InteractionValues {
  return {
    type: 'LETTER',
    occurredOn: today,
    stateIso3s,
    contactIds: [],
    subject: '',
    summary: '',
    outcome: '',
    followUpOn: '',
    visibility,
  };
}

/** Problems the browser can tell before sending (the service checks everything again). */
export function localProblems(
  values: InteractionValues,
  messages: { required: string; statesRequired: string; followUpBefore: string },
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!values.subject.trim()) problems.subject = messages.required;
  if (!values.occurredOn) problems.occurredOn = messages.required;
  if (!values.stateIso3s.length) problems.stateIso3s = messages.statesRequired;
  if (values.followUpOn && values.occurredOn && values.followUpOn < values.occurredOn) problems.followUpOn = messages.followUpBefore;
  return problems;
}

const text = (value: string) => (value.trim() ? value.trim() : undefined);

/** The input of `logInteraction`: empty fields left out. */
export function logInput(values: InteractionValues) {
  return {
    type: values.type,
    occurredOn: values.occurredOn,
    stateIso3s: values.stateIso3s,
    contactIds: values.contactIds.length ? values.contactIds : undefined,
    subject: values.subject.trim(),
    summary: text(values.summary),
    outcome: text(values.outcome),
    followUpOn: values.followUpOn || undefined,
    visibility: values.visibility,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * The fields of `updateInteraction`'s input the user changed from `original` (without
 * `expectedVersion`); a cleared text or date is sent as null. Empty when nothing changed.
 */
export function changedFields(original: InteractionValues, values: InteractionValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const before = original[field];
    const after = values[field];
    if (Array.isArray(before) && Array.isArray(after)) {
      if (!sameList(before, after)) changes[field] = [...after];
    } else if (typeof before === 'string' && typeof after === 'string' && before.trim() !== after.trim()) {
      changes[field] = after.trim() === '' ? null : after.trim();
    }
  }
  return changes;
}
