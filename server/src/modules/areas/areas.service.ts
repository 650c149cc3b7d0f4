import {
  type Area,
  type AreaKind,
  type AreaSummary,
  type AreasCreateBody,
  type AreasListQuery,
  type AreasUpdateBody,
  areaParentKind,
  isValidAreaCode,
  lineageCodes,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { isUniqueViolation } from '../../db/dialect';
import type { AreaRow } from '../../db/schema';
import { type Actor, recordAudit } from '../../platform/audit/audit.service';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { AreaScope } from '../../platform/scope';
import { findArea, findAreasByCodes, insertArea, listAreas, updateArea } from './areas.repository';

export function toArea(row: AreaRow): Area {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentCode: row.parent_code,
    flags: {
      extremelyPoor: Boolean(row.extremely_poor),
      remote: Boolean(row.remote),
      hardToAdvance: Boolean(row.hard_to_advance),
      disasterHit: Boolean(row.disaster_hit),
      disasterFrom: row.disaster_from,
      disasterTo: row.disaster_to,
    },
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function areaPath(db: Db, code: string, kind: AreaKind): Promise<AreaSummary[]> {
  const rows = await findAreasByCodes(db, lineageCodes(code, kind));
  return rows
    .sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code))
    .map((r) => ({ code: r.code, name: r.name, kind: r.kind }));
}

export async function listAreasInScope(db: Db, scope: AreaScope, query: AreasListQuery): Promise<Area[]> {
  return (await listAreas(db, scope, query)).map(toArea);
}

export async function getArea(db: Db, scope: AreaScope, code: string): Promise<Area> {
  const row = await findArea(db, scope, code);
  if (!row) throw notFound();
  return toArea(row);
}

/** Creates a town, village or group under an area of the caller's subtree. */
export async function createArea(
  db: Db,
  clock: Clock,
  actor: Actor,
  scope: AreaScope,
  body: AreasCreateBody,
): Promise<Area> {
  const parent = await findArea(db, scope, body.parentCode);
  if (!parent) throw new AppError('AREA_UNKNOWN', { code: body.parentCode });
  const expected = areaParentKind[body.kind];
  if (parent.kind !== expected) {
    throw new AppError('AREA_PARENT_INVALID', { kind: body.kind, expected: expected ?? '-' });
  }
  if (!isValidAreaCode(body.code, body.kind, parent.code)) {
    throw new AppError('AREA_CODE_INVALID', { code: body.code });
  }
  const now = clock.now().toISOString();
  const flags = body.flags;
  const row = {
    code: body.code,
    name: body.name,
    kind: body.kind,
    parent_code: parent.code,
    extremely_poor: flags?.extremelyPoor ?? false,
    remote: flags?.remote ?? false,
    hard_to_advance: flags?.hardToAdvance ?? false,
    disaster_hit: flags?.disasterHit ?? false,
    disaster_from: flags?.disasterFrom ?? null,
    disaster_to: flags?.disasterTo ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  } satisfies AreaRow;
  try {
    await insertArea(db, row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('AREA_CODE_TAKEN', { code: body.code });
    throw err;
  }
  const area = toArea(row);
  await recordAudit(db, clock, actor, {
    action: 'area.create',
    objectType: 'area',
    objectId: area.code,
    areaCode: area.code,
    after: { name: area.name, kind: area.kind, flags: area.flags },
  });
  return area;
}

export async function updateAreaInScope(
  db: Db,
  clock: Clock,
  actor: Actor,
  scope: AreaScope,
  code: string,
  body: AreasUpdateBody,
): Promise<Area> {
  const current = await findArea(db, scope, code);
  if (!current) throw notFound();
  const before = toArea(current);
  const flags = { ...before.flags, ...body.flags };
  if (flags.disasterFrom && flags.disasterTo && flags.disasterFrom > flags.disasterTo) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'body.flags.disasterTo', message: 'area.disasterRange' },
    ]);
  }
  const updated = await updateArea(db, code, body.version, {
    name: body.name ?? current.name,
    extremely_poor: flags.extremelyPoor,
    remote: flags.remote,
    hard_to_advance: flags.hardToAdvance,
    disaster_hit: flags.disasterHit,
    disaster_from: flags.disasterFrom,
    disaster_to: flags.disasterTo,
    updated_at: clock.now().toISOString(),
  });
  if (!updated) throw new AppError('VERSION_CONFLICT');
  const after = await getArea(db, scope, code);
  await recordAudit(db, clock, actor, {
    action: 'area.update',
    objectType: 'area',
    objectId: code,
    areaCode: code,
    before: { name: before.name, flags: before.flags },
    after: { name: after.name, flags: after.flags },
  });
  return after;
}
