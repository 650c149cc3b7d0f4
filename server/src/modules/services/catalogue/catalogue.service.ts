import {
  type AreaKind,
  hasPermission,
  type ServiceGuide,
  ServiceGuideFields,
  type ServiceItem,
  type ServiceItemSummary,
  ServiceItemsCreateBody,
  type ServiceItemsListQuery,
  ServiceItemsUpdateBody,
  type ServiceItemVersion,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { RequestContext } from '../../../platform/request-context';
import { type AreaScope, codeInScope, type Scope, scopeOf, seatOf } from '../../../platform/scope';
import { getUnit } from '../../departments';
import {
  areaOf,
  codeTaken,
  findItem,
  findItemVersion,
  type ItemReach,
  type ItemRow,
  insertItem,
  itemVersions,
  listItemRows,
  saveItemVersion,
  setItemActive,
} from './catalogue.repository';

// The service catalogue (便民服务事项清单): the district's list and the towns' local items, each
// edit a new version of the guide (办事指南) so that requests made on an old one keep it.

/** The district and town codes at and above an area (items belong to one of these two levels). */
export function codesAbove(code: string, kind: AreaKind): string[] {
  const district = code.slice(0, 6).padEnd(12, '0');
  if (kind === 'district') return [district];
  return [district, code.slice(0, 9).padEnd(12, '0')];
}

/** The kind of a 12-digit area code a query names (district, town or village), by its zeros. */
export function areaKindOfCode(code: string): AreaKind {
  if (code.endsWith('000000')) return 'district';
  return code.endsWith('000') ? 'town' : 'village';
}

/**
 * The centres a query naming an area asks for: a town's centre and its villages' stations, or a
 * village's station with its town's centre.
 */
export function centresAround(code: string): ItemReach {
  const kind = areaKindOfCode(code);
  return { scope: scopeOf({ code, kind }), above: kind === 'village' ? codesAbove(code, kind).slice(1) : [] };
}

/** What a caller reads: items of their seat's subtree and those of the areas above it. */
export function itemReachOf(scope: Scope): ItemReach {
  const seat = seatOf(scope);
  return { scope: seat, above: codesAbove(seat.areaCode, seat.kind) };
}

/**
 * Whether the caller may edit an item of `areaCode`: services.manage over an area — the district
 * its whole list, a town only its own local items.
 */
function mayEdit(ctx: Pick<RequestContext, 'caller' | 'scope'>, areaCode: string): boolean {
  if (!hasPermission(ctx.caller.role, 'services.manage') || ctx.scope.reach !== 'area') return false;
  const scope: AreaScope = ctx.scope;
  if (scope.kind === 'district') return codeInScope(areaCode, scope);
  if (scope.kind === 'town') return areaCode === scope.areaCode;
  return false;
}

export function guideOf(json: string): ServiceGuide {
  return JSON.parse(json) as ServiceGuide;
}

function toSummary(r: ItemRow): ServiceItemSummary {
  return {
    id: r.id,
    code: r.code,
    areaCode: r.area_code,
    areaName: r.area_name,
    category: r.category,
    name: r.name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    proxyAllowed: Boolean(r.proxy_allowed),
    promisedDays: r.promised_days,
    currentVersion: r.current_version,
    active: Boolean(r.active),
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function listItems(db: Db, scope: Scope, query: ServiceItemsListQuery) {
  const { rows, total } = await listItemRows(
    db,
    itemReachOf(scope),
    {
      q: query.q,
      category: query.category,
      areaCode: query.areaCode,
      unitId: query.unitId,
      proxyAllowed: query.proxyAllowed,
      active: query.active ?? true,
    },
    { limit: query.limit, offset: query.offset },
  );
  return { items: rows.map(toSummary), total };
}

async function itemInReach(db: Db, scope: Scope, id: string): Promise<ItemRow> {
  const row = await findItem(db, itemReachOf(scope), id);
  if (!row) throw notFound();
  return row;
}

/**
 * An item the caller may edit: one of its own subtree (a town's local items for a town, the whole
 * list for the district). The district's items are not found from a town, whatever it reads.
 */
async function itemToEdit(
  db: Db,
  ctx: Pick<RequestContext, 'caller' | 'scope'>,
  id: string,
): Promise<ItemRow> {
  if (ctx.scope.reach !== 'area') throw new AppError('FORBIDDEN');
  const row = await findItem(db, { scope: ctx.scope, above: [] }, id);
  if (!row) throw notFound();
  if (!mayEdit(ctx, row.area_code)) throw new AppError('FORBIDDEN');
  return row;
}

export async function getItem(
  db: Db,
  ctx: Pick<RequestContext, 'caller' | 'scope'>,
  id: string,
): Promise<ServiceItem> {
  const row = await itemInReach(db, ctx.scope, id);
  const current = await findItemVersion(db, id, row.current_version);
  if (!current) throw notFound();
  const versions = await itemVersions(db, id);
  return {
    ...toSummary(row),
    guide: guideOf(current.guide),
    versions: versions.map((v) => ({
      versionNo: v.version_no,
      createdAt: v.created_at,
      createdByName: v.created_by_name,
    })),
    editable: mayEdit(ctx, row.area_code),
  };
}

export async function getItemVersion(
  db: Db,
  scope: Scope,
  id: string,
  no: number,
): Promise<ServiceItemVersion> {
  const row = await itemInReach(db, scope, id);
  const v = await findItemVersion(db, id, no);
  if (!v) throw notFound();
  return {
    itemId: id,
    code: row.code,
    versionNo: v.version_no,
    current: v.version_no === row.current_version,
    guide: guideOf(v.guide),
    createdAt: v.created_at,
    createdByName: v.created_by_name,
  };
}

const HANDLING_KINDS = new Set(['department', 'town_office', 'service_station']);

/** The handling unit: an active department, town office or service station in the caller's reach. */
async function handlingUnit(db: Db, scope: Scope, unitId: string) {
  const unit = await getUnit(db, scope, unitId).catch(() => null);
  if (!unit?.active || !HANDLING_KINDS.has(unit.kind)) throw new AppError('UNIT_UNKNOWN');
  return unit;
}

/** The stored guide: the fields as written, with the handling unit's name at this version. */
async function guideFrom(db: Db, scope: Scope, fields: ServiceGuideFields): Promise<ServiceGuide> {
  const f = ServiceGuideFields.parse(fields);
  const unit = await handlingUnit(db, scope, f.unitId);
  return { ...f, unitName: unit.name };
}

/** What the catalogue search matches: the name and keywords (with any pinyin initials), lower-cased. */
export function searchTextOf(guide: Pick<ServiceGuide, 'name' | 'keywords'>): string {
  return `${guide.name} ${guide.keywords}`.toLowerCase().replace(/\s+/g, ' ').trim();
}

async function freeCode(db: Db, areaCode: string): Promise<string> {
  for (let n = 0; n < 20; n += 1) {
    const code = `SI${areaCode.slice(0, 9)}${Math.floor(Math.random() * 1e6)
      .toString()
      .padStart(6, '0')}`;
    if (!(await codeTaken(db, code))) return code;
  }
  throw new AppError('VERSION_CONFLICT');
}

type WriteContext = Pick<RequestContext, 'caller' | 'scope' | 'clock' | 'actor'>;

export async function createItem(
  db: Db,
  ctx: WriteContext,
  input: ServiceItemsCreateBody,
): Promise<ServiceItem> {
  const body = ServiceItemsCreateBody.parse(input);
  const area = await areaOf(db, body.areaCode);
  const inReach = ctx.scope.reach === 'area' && codeInScope(body.areaCode, ctx.scope);
  if (!area || !inReach || (area.kind !== 'district' && area.kind !== 'town')) {
    throw new AppError('AREA_UNKNOWN', { code: body.areaCode });
  }
  if (!mayEdit(ctx, area.code)) throw new AppError('FORBIDDEN');
  const { areaCode, code: wanted, ...fields } = body;
  const guide = await guideFrom(db, ctx.scope, fields);
  if (wanted !== undefined && (await codeTaken(db, wanted))) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'code', message: 'taken' }]);
  }
  const code = wanted ?? (await freeCode(db, areaCode));
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await insertItem(
    db,
    {
      id,
      code,
      area_code: areaCode,
      category: guide.category,
      name: guide.name,
      search_text: searchTextOf(guide),
      unit_id: guide.unitId,
      proxy_allowed: guide.proxyAllowed,
      promised_days: guide.promisedDays,
      current_version: 1,
      active: true,
      created_at: now,
      updated_at: now,
      version: 1,
    },
    { item_id: id, version_no: 1, guide: JSON.stringify(guide), created_at: now, created_by: ctx.caller.id },
  );
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'service_item.create',
    objectType: 'service_item',
    objectId: id,
    areaCode,
    after: { code, versionNo: 1, name: guide.name, unitId: guide.unitId },
  });
  return getItem(db, ctx, id);
}

export async function updateItem(
  db: Db,
  ctx: WriteContext,
  id: string,
  input: ServiceItemsUpdateBody,
): Promise<ServiceItem> {
  const { version, ...fields } = ServiceItemsUpdateBody.parse(input);
  const row = await itemToEdit(db, ctx, id);
  if (row.version !== version) throw new AppError('VERSION_CONFLICT');
  const guide = await guideFrom(db, ctx.scope, fields);
  const now = ctx.clock.now().toISOString();
  const versionNo = row.current_version + 1;
  const saved = await saveItemVersion(
    db,
    id,
    version,
    {
      category: guide.category,
      name: guide.name,
      search_text: searchTextOf(guide),
      unit_id: guide.unitId,
      proxy_allowed: guide.proxyAllowed,
      promised_days: guide.promisedDays,
      updated_at: now,
    },
    {
      item_id: id,
      version_no: versionNo,
      guide: JSON.stringify(guide),
      created_at: now,
      created_by: ctx.caller.id,
    },
  );
  if (!saved) throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'service_item.update',
    objectType: 'service_item',
    objectId: id,
    areaCode: row.area_code,
    before: { versionNo: row.current_version, name: row.name, unitId: row.unit_id },
    after: { versionNo, name: guide.name, unitId: guide.unitId },
  });
  return getItem(db, ctx, id);
}

export async function setItemActiveOf(
  db: Db,
  ctx: WriteContext,
  id: string,
  body: { version: number; active: boolean },
): Promise<ServiceItemSummary> {
  const row = await itemToEdit(db, ctx, id);
  const now = ctx.clock.now().toISOString();
  if (!(await setItemActive(db, id, body.version, body.active, now))) throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: body.active ? 'service_item.activate' : 'service_item.deactivate',
    objectType: 'service_item',
    objectId: id,
    areaCode: row.area_code,
    before: { active: Boolean(row.active) },
    after: { active: body.active },
  });
  return toSummary(await itemInReach(db, ctx.scope, id));
}

/**
 * An item's guide at a version (default: the current one), for proxy requests: the materials
 * to collect and the promised working days. Undefined for an unknown item or version.
 */
export async function getServiceItemGuide(db: Db, itemId: string, versionNo?: number) {
  const item = await findItem(db, null, itemId);
  if (!item) return undefined;
  const no = versionNo ?? item.current_version;
  const v = await findItemVersion(db, itemId, no);
  if (!v) return undefined;
  const guide = guideOf(v.guide);
  return {
    itemId,
    code: item.code,
    areaCode: item.area_code,
    active: Boolean(item.active),
    versionNo: no,
    currentVersion: item.current_version,
    name: guide.name,
    unitId: guide.unitId,
    unitName: guide.unitName,
    proxyAllowed: guide.proxyAllowed,
    promisedDays: guide.promisedDays,
    materials: guide.materials,
    guide,
  };
}
