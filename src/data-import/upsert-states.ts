import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RatificationStage } from '../common/enums.js';
import type { StateRecord } from './records.js';
import { countUpsert, type TableCounts } from './sql-counts.js';
import { planStage, type StageChange } from './stage-plan.js';

const UPSERT_STATES = `
  INSERT INTO states AS s (iso3, iso2, name, un_member, regional_group, m49_region, subregion, m49_code,
                           intermediate_region, signature_date, consent_date, consent_type, withdrawal_date,
                           status_as_of, ratification_stage)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::regional_group[], $6::text[],
                       $7::text[], $8::text[], $9::text[], $10::date[], $11::date[], $12::consent_type[],
                       $13::date[], $14::date[], $15::ratification_stage[])
  ON CONFLICT (iso3) DO UPDATE SET
    iso2 = EXCLUDED.iso2, name = EXCLUDED.name, un_member = EXCLUDED.un_member,
    regional_group = EXCLUDED.regional_group, m49_region = EXCLUDED.m49_region, subregion = EXCLUDED.subregion,
    m49_code = EXCLUDED.m49_code, intermediate_region = EXCLUDED.intermediate_region,
    signature_date = EXCLUDED.signature_date, consent_date = EXCLUDED.consent_date,
    consent_type = EXCLUDED.consent_type, withdrawal_date = EXCLUDED.withdrawal_date,
    status_as_of = EXCLUDED.status_as_of, ratification_stage = EXCLUDED.ratification_stage,
    version = s.version + 1, updated_at = now()
  WHERE (s.iso2, s.name, s.un_member, s.regional_group, s.m49_region, s.subregion, s.m49_code,
         s.intermediate_region, s.signature_date,
         s.consent_date, s.consent_type, s.withdrawal_date, s.status_as_of, s.ratification_stage)
    IS DISTINCT FROM
        (EXCLUDED.iso2, EXCLUDED.name, EXCLUDED.un_member, EXCLUDED.regional_group, EXCLUDED.m49_region,
         EXCLUDED.subregion, EXCLUDED.m49_code, EXCLUDED.intermediate_region, EXCLUDED.signature_date, EXCLUDED.consent_date, EXCLUDED.consent_type,
         EXCLUDED.withdrawal_date, EXCLUDED.status_as_of, EXCLUDED.ratification_stage)`;

const INSERT_STAGE_CHANGES = `
  INSERT INTO stage_changes (id, state_iso3, from_stage, to_stage, note, visibility)
  SELECT *, 'SHARED'::visibility FROM unnest($1::uuid[], $2::text[], $3::ratification_stage[], $4::ratification_stage[], $5::text[])`;

/** The current stages of the given States, locked until the import commits. */
async function currentStages(manager: EntityManager, codes: string[]): Promise<Map<string, RatificationStage>> {
  const rows: { iso3: string; stage: RatificationStage }[] = await manager.query(
    'SELECT iso3, ratification_stage AS stage FROM states WHERE iso3 = ANY($1::text[]) FOR UPDATE',
    [codes],
  );
  return new Map(rows.map((row) => [row.iso3, row.stage]));
}

async function recordStageChanges(manager: EntityManager, changes: StageChange[]): Promise<void> {
  if (changes.length === 0) return;
  await manager.query(INSERT_STAGE_CHANGES, [
    changes.map(() => randomUUID()),
    changes.map((change) => change.iso3),
    changes.map((change) => change.from),
    changes.map((change) => change.to),
    changes.map((change) => change.note),
  ]);
}

/**
 * Inserts new States and updates changed ones (bumping their version), setting ratification
 * stages as planned by planStage and recording each stage change with no user.
 */
export async function upsertStates(
  manager: EntityManager,
  states: StateRecord[],
  asOf: string,
): Promise<{ counts: TableCounts; stageChanges: number }> {
  const current = await currentStages(manager, states.map((state) => state.iso3));
  const plans = states.map((state) => planStage(state, current.get(state.iso3), asOf));
  const column = <K extends keyof StateRecord>(key: K) => states.map((state) => state[key]);
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
    ],
    states.length,
  );
  const changes = plans.flatMap((plan) => (plan.change ? [plan.change] : []));
  await recordStageChanges(manager, changes);
  return { counts, stageChanges: changes.length };
}
