import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RatificationStage, TreatyActionKind } from '../common/enums.js';
import { fileGives, overlayActions } from '../treaty-actions/overlay.js';
import type { StateRecord } from './records.js';
import { countUpsert, type TableCounts } from './sql-counts.js';
import { planStage, type StageChange } from './stage-plan.js';

const UPSERT_STATES = `
  INSERT INTO states AS s (iso3, iso2, name, un_member, regional_group, m49_region, subregion, m49_code,
                           intermediate_region, signature_date, consent_date, consent_type, withdrawal_date,
                           status_as_of, ratification_stage, file_signature_date, file_consent_date,
                           file_consent_type, file_withdrawal_date, un_language)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::regional_group[], $6::text[],
                       $7::text[], $8::text[], $9::text[], $10::date[], $11::date[], $12::consent_type[],
                       $13::date[], $14::date[], $15::ratification_stage[], $16::date[], $17::date[],
                       $18::consent_type[], $19::date[], $20::text[])
  ON CONFLICT (iso3) DO UPDATE SET
    iso2 = EXCLUDED.iso2, name = EXCLUDED.name, un_member = EXCLUDED.un_member,
    regional_group = EXCLUDED.regional_group, m49_region = EXCLUDED.m49_region, subregion = EXCLUDED.subregion,
    m49_code = EXCLUDED.m49_code, intermediate_region = EXCLUDED.intermediate_region,
    signature_date = EXCLUDED.signature_date, consent_date = EXCLUDED.consent_date,
    consent_type = EXCLUDED.consent_type, withdrawal_date = EXCLUDED.withdrawal_date,
    status_as_of = EXCLUDED.status_as_of, ratification_stage = EXCLUDED.ratification_stage,
    file_signature_date = EXCLUDED.file_signature_date, file_consent_date = EXCLUDED.file_consent_date,
    file_consent_type = EXCLUDED.file_consent_type, file_withdrawal_date = EXCLUDED.file_withdrawal_date,
    un_language = EXCLUDED.un_language,
    version = s.version + 1, updated_at = now()
  WHERE (s.iso2, s.name, s.un_member, s.regional_group, s.m49_region, s.subregion, s.m49_code,
         s.intermediate_region, s.signature_date,
         s.consent_date, s.consent_type, s.withdrawal_date, s.status_as_of, s.ratification_stage,
         s.file_signature_date, s.file_consent_date, s.file_consent_type, s.file_withdrawal_date, s.un_language)
    IS DISTINCT FROM
        (EXCLUDED.iso2, EXCLUDED.name, EXCLUDED.un_member, EXCLUDED.regional_group, EXCLUDED.m49_region,
         EXCLUDED.subregion, EXCLUDED.m49_code, EXCLUDED.intermediate_region, EXCLUDED.signature_date, EXCLUDED.consent_date, EXCLUDED.consent_type,
         EXCLUDED.withdrawal_date, EXCLUDED.status_as_of, EXCLUDED.ratification_stage, EXCLUDED.file_signature_date,
         EXCLUDED.file_consent_date, EXCLUDED.file_consent_type, EXCLUDED.file_withdrawal_date, EXCLUDED.un_language)`;

/** The import's changes take effect on the day the record is read for (never after today). */
const INSERT_STAGE_CHANGES = `
  INSERT INTO stage_changes (id, state_iso3, from_stage, to_stage, note, visibility, effective_on)
  SELECT *, 'SHARED'::visibility, LEAST($6::date, (now() AT TIME ZONE 'UTC')::date)
  FROM unnest($1::uuid[], $2::text[], $3::ratification_stage[], $4::ratification_stage[], $5::text[])`;

/** The current stages of the given States, locked until the import commits. */
async function currentStages(manager: EntityManager, codes: string[]): Promise<Map<string, RatificationStage>> {
  const rows = await manager.query<{ iso3: string; stage: RatificationStage }[]>(
    'SELECT iso3, ratification_stage AS stage FROM states WHERE iso3 = ANY($1::text[]) FOR UPDATE',
    [codes],
  );
  return new Map(rows.map((row) => [row.iso3, row.stage]));
}

async function recordStageChanges(manager: EntityManager, changes: StageChange[], asOf: string): Promise<void> {
  if (changes.length === 0) return;
  await manager.query(INSERT_STAGE_CHANGES, [
    changes.map(() => randomUUID()),
    changes.map((change) => change.iso3),
    changes.map((change) => change.from),
    changes.map((change) => change.to),
    changes.map((change) => change.note),
    asOf,
  ]);
}

interface RecordedActionRow {
  id: string;
  iso3: string;
  action: TreatyActionKind;
  date: string;
  inFile: boolean;
}

/**
 * The treaty actions recorded by hand: the file is the baseline and they are later facts, so each
 * State's dates in force are the file's overlaid with its actions (see overlay.ts). An action the
 * file now gives too is marked `in_file`: it is the same fact, counted once.
 */
async function overlayRecordedActions(manager: EntityManager, states: StateRecord[]): Promise<{ inForce: StateRecord[]; inFile: number }> {
  const rows = await manager.query<RecordedActionRow[]>(
    `SELECT id, state_iso3 AS iso3, action, to_char(date, 'YYYY-MM-DD') AS date, in_file AS "inFile" FROM treaty_actions FOR UPDATE`,
  );
  if (rows.length === 0) return { inForce: states, inFile: 0 };
  const byState = new Map<string, RecordedActionRow[]>();
  for (const row of rows) byState.set(row.iso3, [...(byState.get(row.iso3) ?? []), row]);
  const given: string[] = [];
  const inForce = states.map((state) => {
    const actions = byState.get(state.iso3);
    if (!actions) return state;
    for (const action of actions) if (fileGives(state, action)) given.push(action.id);
    return { ...state, ...overlayActions(state, actions) };
  });
  const imported = new Set(states.map((state) => state.iso3));
  const known = rows.filter((row) => imported.has(row.iso3)).map((row) => row.id);
  await manager.query(
    `UPDATE treaty_actions SET in_file = (id = ANY($2::uuid[])) WHERE id = ANY($1::uuid[]) AND in_file <> (id = ANY($2::uuid[]))`,
    [known, given],
  );
  return { inForce, inFile: given.length };
}

/**
 * Inserts new States and updates changed ones (bumping their version), setting ratification
 * stages as planned by planStage and recording each stage change with no user.
 */
export async function upsertStates(
  manager: EntityManager,
  states: StateRecord[],
  asOf: string,
): Promise<{ counts: TableCounts; stageChanges: number; treatyActionsInFile: number }> {
  const current = await currentStages(
    manager,
    states.map((state) => state.iso3),
  );
  const { inForce, inFile } = await overlayRecordedActions(manager, states);
  const plans = inForce.map((state) => planStage(state, current.get(state.iso3), asOf));
  const column = <K extends keyof StateRecord>(key: K) => inForce.map((state) => state[key]);
  const fileColumn = <K extends keyof StateRecord>(key: K) => states.map((state) => state[key]);
  const counts = await countUpsert(
    manager,
    UPSERT_STATES,
    [
      column('iso3'),
      column('iso2'),
      column('name'),
      column('unMember'),
      column('regionalGroup'),
      column('m49Region'),
      column('subregion'),
      column('m49Code'),
      column('intermediateRegion'),
      column('signatureDate'),
      column('consentDate'),
      column('consentType'),
      column('withdrawalDate'),
      column('statusAsOf'),
      plans.map((plan) => plan.stage),
      fileColumn('signatureDate'),
      fileColumn('consentDate'),
      fileColumn('consentType'),
      fileColumn('withdrawalDate'),
      column('unLanguage'),
    ],
    states.length,
  );
  const changes = plans.flatMap((plan) => (plan.change ? [plan.change] : []));
  await recordStageChanges(manager, changes, asOf);
  return { counts, stageChanges: changes.length, treatyActionsInFile: inFile };
}
