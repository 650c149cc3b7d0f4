import { chinaDate, type ResidentInput } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { HouseholdIndicatorsTable, HouseholdsTable } from '../../../db/schema';
import { type Actor, recordAudit } from '../../../platform/audit/audit.service';
import { newId } from '../../../platform/ids';
import { type RuleSet, retierHouseholds, ruleSetInForce } from '../../tiering';
import { upsertIndicators } from '../household-indicators.repository';
import {
  householdSearchText,
  refreshHouseholdMembers,
  replaceHouseholdTags,
  updateHouseholdRow,
} from '../households.repository';
import { residentColumns, residentRow } from '../resident-rows';
import { moveResidents, replaceResidentTags, updateResidentRow } from '../residents.repository';
import { type BulkTypes, insertJsonRows, insertMany, JsonRows } from './roster.repository';
import type { ImportContext, PlannedHousehold, PlannedMember, Progress, RosterPlan } from './roster-plan';
import { newHouseholdTier } from './roster-tiers';

function indicatorsRow(
  householdId: string,
  household: PlannedHousehold,
  now: string,
  actor: Actor,
): Insertable<HouseholdIndicatorsTable> | null {
  const i = household.indicators;
  if (!i) return null;
  return {
    household_id: householdId,
    year: i.year,
    total_income: i.totalIncome,
    debt: i.debt,
    main_income_source: i.mainIncomeSource,
    hardships: JSON.stringify(i.hardships),
    updated_at: now,
    updated_by: actor.id,
  };
}

async function updateExisting(
  db: Db,
  ctx: ImportContext,
  actor: Actor,
  household: PlannedHousehold,
  now: string,
  types: BulkTypes,
): Promise<void> {
  const found = household.existing;
  if (!found) return;
  const changes: Updateable<HouseholdsTable> = { updated_at: now };
  if (household.areaCode !== found.area_code) changes.area_code = household.areaCode;
  if (household.address !== null) changes.address = household.address;
  if (household.phone !== null) changes.phone = household.phone;
  await updateHouseholdRow(db, found.id, found.version, changes);
  if (changes.area_code) await moveResidents(db, found.id, household.areaCode);
  if (household.tags !== null) await replaceHouseholdTags(db, found.id, household.tags);
  const indicators = indicatorsRow(found.id, household, now, actor);
  if (indicators) await upsertIndicators(db, indicators);
  for (const member of household.members) {
    if (member.action === 'unchanged') continue;
    if (member.existing) {
      const columns = residentColumns(
        ctx.secrets,
        member.fields,
        member.existing.id_number_hash,
        member.hash,
      );
      await updateResidentRow(db, member.existing.id, member.existing.version, {
        ...columns,
        updated_at: now,
      });
      if (member.tags !== null) await replaceResidentTags(db, member.existing.id, member.tags);
    } else {
      const id = newId();
      await insertMany(
        db,
        {
          households: [],
          residents: [
            residentRow(ctx.secrets, fullResident(member), {
              id,
              householdId: found.id,
              areaCode: household.areaCode,
              now,
            }),
          ],
          householdTags: [],
          residentTags: (member.tags ?? []).map((tag_code) => ({ resident_id: id, tag_code })),
          indicators: [],
        },
        types,
      );
    }
  }
  await refreshHouseholdMembers(db, found.id, now);
}

/** The new rows of one batch, each table's kept as JSON text. */
class Batch {
  readonly households = new JsonRows('households');
  readonly residents = new JsonRows('residents');
  readonly householdTags = new JsonRows('household_tags');
  readonly residentTags = new JsonRows('resident_tags');
  readonly indicators = new JsonRows('household_indicators');
  readonly tierHistory = new JsonRows('tier_history');

  readonly #tables = [
    // Households first: the other rows refer to them.
    this.households,
    this.residents,
    this.householdTags,
    this.residentTags,
    this.indicators,
    this.tierHistory,
  ];

  async write(db: Db, types: BulkTypes): Promise<void> {
    for (const rows of this.#tables) await insertJsonRows(db, rows, types);
  }

  clear(): void {
    for (const rows of this.#tables) rows.clear();
  }
}

/**
 * New rows, written a thousand households at a time: memory stays flat. A batch is written
 * while the next one is built (encrypting ID numbers, tiering): PostgreSQL works in a process of
 * its own, so the two overlap. At most one batch waits to be written.
 */
class FreshRows {
  batch = new Batch();
  readonly types: BulkTypes = new Map();
  #spare: Batch | null = null;
  #writing: Promise<void> = Promise.resolve();

  /** Starts writing what has been gathered, once the batch before it is written. */
  async flush(db: Db): Promise<void> {
    await this.#writing;
    const batch = this.batch;
    this.batch = this.#spare ?? new Batch();
    this.#spare = null;
    this.#writing = batch.write(db, this.types).then(() => {
      batch.clear();
      this.#spare = batch;
    });
    // Awaited by the next flush or by `written`; a failure is reported there, not as unhandled.
    this.#writing.catch(() => undefined);
  }

  /** Waits until everything flushed is written (before other statements, so a failure is its own). */
  async written(): Promise<void> {
    await this.#writing;
  }
}

/** A new household's rows: the household (tiered), its members, their tags, its indicators. */
function addNew(
  fresh: FreshRows,
  ctx: ImportContext,
  actor: Actor,
  household: PlannedHousehold,
  ruleSet: RuleSet,
  now: string,
): void {
  const id = newId();
  const members = household.members.map((m) => ({ member: m, id: newId(), input: fullResident(m) }));
  const active = members.filter((m) => m.input.status === 'active');
  const indicators = household.indicators;
  // What re-tiering reads: the household's tags and those of its active members.
  const tags = [...(household.tags ?? [])];
  for (const m of active) tags.push(...m.input.tags);
  const tiered = newHouseholdTier(
    id,
    {
      indicators: indicators && {
        year: indicators.year,
        totalIncome: indicators.totalIncome,
        debt: indicators.debt,
        hardships: indicators.hardships,
      },
      activeMembers: active.length,
      tags,
    },
    ruleSet,
    now,
    actor.id,
  );
  fresh.batch.households.add({
    id,
    area_code: household.areaCode,
    village_code: household.villageCode,
    number: household.number,
    address: household.address ?? '',
    phone: household.phone,
    head_resident_id: active.find((m) => m.input.relation === 'head')?.id ?? null,
    latitude: null,
    longitude: null,
    status: 'active',
    member_count: active.length,
    ...tiered.columns,
    search_text: householdSearchText(
      household.number,
      household.address ?? '',
      members.map((m) => m.input.name),
    ),
    version: 1,
    created_at: now,
    updated_at: now,
  });
  fresh.batch.tierHistory.add(tiered.history);
  for (const m of members) {
    fresh.batch.residents.add(
      residentRow(ctx.secrets, m.input, {
        id: m.id,
        householdId: id,
        areaCode: household.areaCode,
        now,
        idNumberHash: m.member.hash,
      }),
    );
    for (const tag_code of m.input.tags) fresh.batch.residentTags.add({ resident_id: m.id, tag_code });
  }
  for (const tag_code of household.tags ?? []) fresh.batch.householdTags.add({ household_id: id, tag_code });
  const indicatorRow = indicatorsRow(id, household, now, actor);
  if (indicatorRow) fresh.batch.indicators.add(indicatorRow);
}

/**
 * Writes a checked plan: new households in bulk, already tiered; changed ones one by one, then
 * re-tiers those. Run it in one transaction with the check, so the file lands whole or not at
 * all.
 */
export async function applyRoster(
  db: Db,
  ctx: ImportContext,
  actor: Actor,
  plan: RosterPlan,
  fileName: string,
  progress?: Progress,
): Promise<void> {
  if (plan.problemCount > 0) throw new Error('a roster with problems cannot be applied');
  const now = ctx.clock.now().toISOString();
  const ruleSet = await ruleSetInForce(db, chinaDate(ctx.clock.now()));
  const updated: string[] = [];
  const fresh = new FreshRows();
  const total = plan.households.length;
  let done = 0;
  for (const household of plan.households) {
    done++;
    if (done % 1_000 === 0) {
      await fresh.flush(db);
      await progress?.(done, total);
    }
    if (household.action === 'unchanged') continue;
    if (household.existing) {
      await fresh.written();
      await updateExisting(db, ctx, actor, household, now, fresh.types);
      updated.push(household.existing.id);
    } else addNew(fresh, ctx, actor, household, ruleSet, now);
  }
  await fresh.flush(db);
  await fresh.written();
  await progress?.(total, total);
  await retierHouseholds(db, ctx.clock, updated, 'import', actor.id);
  await recordAudit(db, ctx.clock, actor, {
    action: 'household.import',
    objectType: 'household_import',
    objectId: fileName,
    areaCode: ctx.scope.areaCode,
    after: plan.summary,
  });
}

/** A planned member as a full resident input, with the defaults for the columns the file lacks. */
function fullResident(member: PlannedMember): ResidentInput {
  const f = member.fields;
  return {
    name: f.name,
    idNumber: f.idNumber ?? null,
    relation: f.relation,
    phone: f.phone ?? null,
    partyMember: f.partyMember ?? false,
    partyJoinYear: f.partyJoinYear ?? null,
    employment: f.employment ?? null,
    education: f.education ?? null,
    disabled: f.disabled ?? false,
    seriouslyIll: f.seriouslyIll ?? false,
    publicRoles: f.publicRoles ?? [],
    tags: member.tags ?? [],
    status: f.status ?? 'active',
  };
}
