import {
  type Role,
  type Unit,
  type UnitStaff,
  type UnitsCreateBody,
  type UnitsListQuery,
  type UnitsUpdateBody,
  unitAreaKinds,
  WorkingHoursSchema,
} from '@lianxin/common';
import { type Db, isUniqueViolation } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { AreaContext, RequestContext } from '../../../platform/request-context';
import { type Scope, scopeOf, seatOf } from '../../../platform/scope';
import { findCategory } from '../../appeals';
import { findArea } from '../../areas';
import {
  findUnitInReach,
  insertUnit,
  listUnits,
  replaceUnitCategories,
  type UnitRow,
  unitCategories,
  unitStaff,
  updateUnit,
} from './units.repository';

function parseHours(json: string | null): Unit['workingHours'] {
  if (json === null) return null;
  const parsed = WorkingHoursSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function toUnit(row: UnitRow, categories: string[]): Unit {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    area: { code: row.area_code, name: row.area_name, kind: row.area_kind },
    parentId: row.parent_id,
    phone: row.phone,
    address: row.address,
    workingHours: parseHours(row.working_hours),
    categories,
    active: Boolean(row.active),
    staffCount: Number(row.staff_count ?? 0),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The units in the caller's reach: an area caller sees its subtree's units and the district's departments. */
export async function listUnitsInReach(db: Db, scope: Scope, query: UnitsListQuery): Promise<Unit[]> {
  let within = null;
  if (query.areaCode) {
    const area = await findArea(db, seatOf(scope), query.areaCode);
    if (!area) return [];
    within = scopeOf(area);
  }
  const rows = await listUnits(db, scope, query, within);
  const categories = await unitCategories(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toUnit(row, categories.get(row.id) ?? []));
}

export async function getUnit(db: Db, scope: Scope, id: string): Promise<Unit> {
  const row = await findUnitInReach(db, scope, id);
  if (!row) throw notFound();
  const categories = await unitCategories(db, [id]);
  return toUnit(row, categories.get(id) ?? []);
}

async function assertCategories(db: Db, codes: string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  for (const code of unique) {
    if (!(await findCategory(db, code))) throw new AppError('APPEAL_CATEGORY_UNKNOWN', { code });
  }
  return unique;
}

function auditedFields(unit: Unit) {
  return {
    kind: unit.kind,
    name: unit.name,
    areaCode: unit.area.code,
    phone: unit.phone,
    address: unit.address,
    workingHours: unit.workingHours,
    categories: unit.categories,
    active: unit.active,
  };
}

export type UnitCommandContext = Pick<AreaContext, 'clock' | 'actor' | 'scope'>;

export async function createUnit(db: Db, ctx: UnitCommandContext, body: UnitsCreateBody): Promise<Unit> {
  const area = await findArea(db, ctx.scope, body.areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN', { code: body.areaCode });
  if (!(unitAreaKinds[body.kind] as readonly string[]).includes(area.kind))
    throw new AppError('UNIT_AREA_MISMATCH');
  if (body.parentId !== null && !(await findUnitInReach(db, ctx.scope, body.parentId))) {
    throw new AppError('UNIT_UNKNOWN');
  }
  const categories = await assertCategories(db, body.categories);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  try {
    await insertUnit(db, {
      id,
      kind: body.kind,
      name: body.name,
      area_code: body.areaCode,
      parent_id: body.parentId,
      phone: body.phone,
      address: body.address,
      working_hours: body.workingHours ? JSON.stringify(body.workingHours) : null,
      active: true,
      created_at: now,
      updated_at: now,
      version: 1,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('UNIT_NAME_TAKEN', { name: body.name });
    throw err;
  }
  await replaceUnitCategories(db, id, categories);
  const unit = await getUnit(db, ctx.scope, id);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'unit.create',
    objectType: 'unit',
    objectId: id,
    areaCode: unit.area.code,
    after: auditedFields(unit),
  });
  return unit;
}

export async function updateUnitInReach(
  db: Db,
  ctx: UnitCommandContext,
  id: string,
  body: UnitsUpdateBody,
): Promise<Unit> {
  const before = await getUnit(db, ctx.scope, id);
  // A district-wide unit is listed to every area caller, but only the district edits it.
  const area = await findArea(db, ctx.scope, before.area.code);
  if (!area) throw notFound();
  const workingHours = body.workingHours === undefined ? before.workingHours : body.workingHours;
  try {
    const updated = await updateUnit(db, id, body.version, {
      name: body.name ?? before.name,
      phone: body.phone === undefined ? before.phone : body.phone,
      address: body.address === undefined ? before.address : body.address,
      working_hours: workingHours ? JSON.stringify(workingHours) : null,
      active: body.active ?? before.active,
      updated_at: ctx.clock.now().toISOString(),
    });
    if (!updated) throw new AppError('VERSION_CONFLICT');
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('UNIT_NAME_TAKEN', { name: body.name ?? before.name });
    throw err;
  }
  if (body.categories) await replaceUnitCategories(db, id, await assertCategories(db, body.categories));
  const after = await getUnit(db, ctx.scope, id);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'unit.update',
    objectType: 'unit',
    objectId: id,
    areaCode: after.area.code,
    before: auditedFields(before),
    after: auditedFields(after),
  });
  return after;
}

export async function listUnitStaff(
  db: Db,
  ctx: Pick<RequestContext, 'scope'>,
  id: string,
): Promise<UnitStaff[]> {
  await getUnit(db, ctx.scope, id);
  const rows = await unitStaff(db, id);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role as Role,
    disabled: r.disabled_at !== null,
  }));
}
