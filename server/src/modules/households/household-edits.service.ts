import type {
  Household,
  HouseholdsChangeHeadBody,
  HouseholdsUpdateBody,
  IndicatorsInput,
  ResidentInput,
  ResidentsUpdateBody,
} from '@lianxin/common';
import type { Updateable } from 'kysely';
import { type Db, isUniqueViolation } from '../../db/dialect';
import type { HouseholdsTable } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { sameSet } from '../../platform/collections';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaContext } from '../../platform/request-context';
import { findArea } from '../areas';
import { retierHousehold } from '../tiering';
import { findIndicators, upsertIndicators } from './household-indicators.repository';
import {
  findHousehold,
  findHouseholdByNumber,
  refreshHouseholdMembers,
  replaceHouseholdTags,
  updateHouseholdRow,
} from './households.repository';
import { assertTagsKnown, getHousehold } from './households.service';
import { residentColumns, residentRow } from './resident-rows';
import {
  activeHeadCount,
  findResident,
  insertResident,
  insertResidentTags,
  moveResidents,
  replaceResidentTags,
  residentTags,
  updateResidentRow,
} from './residents.repository';
import { assertIdNumberFree } from './residents.service';

async function householdInScope(db: Db, ctx: AreaContext, id: string) {
  const household = await findHousehold(db, ctx.scope, id);
  if (!household) throw notFound();
  return household;
}

/** Changes a household file's own fields; moving it keeps its members with it. */
export async function updateHousehold(
  db: Db,
  ctx: AreaContext,
  id: string,
  body: HouseholdsUpdateBody,
): Promise<Household> {
  const before = await getHousehold(db, ctx, id);
  const changes: Updateable<HouseholdsTable> = { updated_at: ctx.clock.now().toISOString() };
  let villageCode = before.villageCode;
  if (body.areaCode !== undefined && body.areaCode !== before.areaCode) {
    const area = await findArea(db, ctx.scope, body.areaCode);
    if (!area) throw new AppError('AREA_UNKNOWN', { code: body.areaCode });
    if (area.kind !== 'village' && area.kind !== 'group') throw new AppError('AREA_LEVEL_INVALID');
    villageCode = area.kind === 'group' ? (area.parent_code ?? area.code) : area.code;
    changes.area_code = area.code;
    changes.village_code = villageCode;
  }
  const number = body.number ?? before.number;
  if (number !== before.number || villageCode !== before.villageCode) {
    const taken = await findHouseholdByNumber(db, villageCode, number);
    if (taken && taken.id !== id) throw new AppError('HOUSEHOLD_NUMBER_TAKEN', { number });
    changes.number = number;
  }
  if (body.address !== undefined) changes.address = body.address;
  if (body.phone !== undefined) changes.phone = body.phone;
  if (body.latitude !== undefined) changes.latitude = body.latitude;
  if (body.longitude !== undefined) changes.longitude = body.longitude;
  if (body.status !== undefined) changes.status = body.status;
  if (!(await updateHouseholdRow(db, id, body.version, changes))) throw new AppError('VERSION_CONFLICT');
  if (changes.area_code) await moveResidents(db, id, changes.area_code);
  await refreshHouseholdMembers(db, id, changes.updated_at as string);
  const tagsChanged = body.tags !== undefined && !sameSet(body.tags, before.tags);
  if (body.tags && tagsChanged) {
    await assertTagsKnown(db, body.tags);
    await replaceHouseholdTags(db, id, [...new Set(body.tags)]);
    await retierHousehold(db, ctx.clock, id, 'tags', ctx.actor.id);
  }
  const { version: _, ...asked } = body;
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'household.update',
    objectType: 'household',
    objectId: id,
    areaCode: changes.area_code ?? before.areaCode,
    before: Object.fromEntries(Object.keys(asked).map((k) => [k, before[k as keyof Household] ?? null])),
    after: asked,
  });
  return getHousehold(db, ctx, id);
}

/** Adds a member (a birth, a marriage, a move in). */
export async function addMember(
  db: Db,
  ctx: AreaContext,
  householdId: string,
  input: ResidentInput,
): Promise<Household> {
  const household = await householdInScope(db, ctx, householdId);
  if (input.relation === 'head' && input.status === 'active' && household.head_resident_id) {
    throw new AppError('HOUSEHOLD_HEAD_INVALID');
  }
  await assertTagsKnown(db, input.tags);
  if (input.idNumber) await assertIdNumberFree(db, ctx, ctx.secrets.lookupHash(input.idNumber));
  const now = ctx.clock.now().toISOString();
  const id = newId();
  try {
    await insertResident(
      db,
      residentRow(ctx.secrets, input, { id, householdId, areaCode: household.area_code, now }),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ID_NUMBER_TAKEN', { where: '' });
    throw err;
  }
  await insertResidentTags(db, id, [...new Set(input.tags)]);
  await refreshHouseholdMembers(db, householdId, now);
  await retierHousehold(db, ctx.clock, householdId, 'members', ctx.actor.id);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'resident.create',
    objectType: 'resident',
    objectId: id,
    areaCode: household.area_code,
    after: { householdId, name: input.name, relation: input.relation },
  });
  return getHousehold(db, ctx, householdId);
}

/** Changes a member; a change of status or tags re-tiers the household. */
export async function updateResident(
  db: Db,
  ctx: AreaContext,
  residentId: string,
  body: ResidentsUpdateBody,
): Promise<Household> {
  const resident = await findResident(db, ctx.scope, residentId);
  if (!resident) throw notFound();
  const now = ctx.clock.now().toISOString();
  const { version, tags, ...fields } = body;
  const hash = body.idNumber ? ctx.secrets.lookupHash(body.idNumber) : null;
  if (hash && hash !== resident.id_number_hash) await assertIdNumberFree(db, ctx, hash, residentId);
  const changes = { ...residentColumns(ctx.secrets, fields, resident.id_number_hash, hash), updated_at: now };
  try {
    if (!(await updateResidentRow(db, residentId, version, changes))) {
      throw new AppError('VERSION_CONFLICT');
    }
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ID_NUMBER_TAKEN', { where: '' });
    throw err;
  }
  if (
    (body.relation !== undefined || body.status !== undefined) &&
    (await activeHeadCount(db, resident.household_id)) !== 1
  ) {
    throw new AppError('HOUSEHOLD_HEAD_INVALID');
  }
  const tagsBefore = await residentTags(db, residentId);
  const tagsChanged = tags !== undefined && !sameSet(tags, tagsBefore);
  if (tags && tagsChanged) {
    await assertTagsKnown(db, tags);
    await replaceResidentTags(db, residentId, [...new Set(tags)]);
  }
  await refreshHouseholdMembers(db, resident.household_id, now);
  if (tagsChanged || (body.status !== undefined && body.status !== resident.status)) {
    await retierHousehold(db, ctx.clock, resident.household_id, 'members', ctx.actor.id);
  }
  const { idNumber, ...asked } = fields;
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'resident.update',
    objectType: 'resident',
    objectId: residentId,
    areaCode: resident.area_code,
    // Never the ID number itself in the audit trail: only that it changed.
    after: {
      ...asked,
      ...(tags ? { tags } : {}),
      ...(idNumber !== undefined ? { idNumberChanged: true } : {}),
    },
  });
  return getHousehold(db, ctx, resident.household_id);
}

/** Hands the headship to another active member (the head died or moved away). */
export async function changeHead(
  db: Db,
  ctx: AreaContext,
  householdId: string,
  body: HouseholdsChangeHeadBody,
): Promise<Household> {
  const household = await householdInScope(db, ctx, householdId);
  const next = await findResident(db, ctx.scope, body.residentId);
  if (!next || next.household_id !== householdId || next.status !== 'active' || next.relation === 'head') {
    throw new AppError('RESIDENT_NOT_IN_HOUSEHOLD');
  }
  const now = ctx.clock.now().toISOString();
  if (!(await updateHouseholdRow(db, householdId, body.version, { updated_at: now }))) {
    throw new AppError('VERSION_CONFLICT');
  }
  const former = household.head_resident_id
    ? await findResident(db, ctx.scope, household.head_resident_id)
    : null;
  if (former) {
    await updateResidentRow(db, former.id, former.version, {
      relation: body.formerHeadRelation,
      updated_at: now,
    });
  }
  await updateResidentRow(db, next.id, next.version, { relation: 'head', updated_at: now });
  await refreshHouseholdMembers(db, householdId, now);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'household.change_head',
    objectType: 'household',
    objectId: householdId,
    areaCode: household.area_code,
    before: { head: former?.name ?? null },
    after: { head: next.name, formerHeadRelation: body.formerHeadRelation },
  });
  return getHousehold(db, ctx, householdId);
}

/** Records a year's income, debt and hardships, and re-tiers the household. */
export async function putIndicators(
  db: Db,
  ctx: AreaContext,
  householdId: string,
  year: number,
  body: IndicatorsInput,
): Promise<Household> {
  const household = await householdInScope(db, ctx, householdId);
  const before = await findIndicators(db, householdId, year);
  const now = ctx.clock.now().toISOString();
  await upsertIndicators(db, {
    household_id: householdId,
    year,
    total_income: body.totalIncome,
    debt: body.debt,
    main_income_source: body.mainIncomeSource,
    hardships: JSON.stringify([...new Set(body.hardships)]),
    updated_at: now,
    updated_by: ctx.actor.id,
  });
  await updateHouseholdRow(db, householdId, household.version, { updated_at: now });
  await retierHousehold(db, ctx.clock, householdId, 'indicators', ctx.actor.id);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'household.indicators',
    objectType: 'household',
    objectId: householdId,
    areaCode: household.area_code,
    before: before
      ? {
          year,
          totalIncome: Number(before.total_income),
          debt: Number(before.debt),
          hardships: JSON.parse(before.hardships) as string[],
        }
      : null,
    after: { year, ...body },
  });
  return getHousehold(db, ctx, householdId);
}
