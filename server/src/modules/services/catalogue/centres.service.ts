import {
  chinaDate,
  hasPermission,
  type ServiceCentre,
  type ServiceCentreSummary,
  type ServiceCentresListQuery,
  ServiceCentresUpdateBody,
  type ServiceDuty,
  type ServiceRoster,
  ServiceRosterPutBody,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { RequestContext } from '../../../platform/request-context';
import { codeInScope, type Scope, scopeOf } from '../../../platform/scope';
import { centresAround, codesAbove, itemReachOf } from './catalogue.service';
import {
  activeItemIdsIn,
  type CentreRow,
  centreItems,
  dutiesOf,
  findCentre,
  listCentreRows,
  replaceCentreItems,
  replaceWeek,
  saveProfile,
  stationStaff,
} from './centres.repository';

// The centres and stations (便民服务中心/站): a service_station unit's profile, the items handled
// there and the duty roster (今日值班).

/** A day `n` days after `date` (YYYY-MM-DD). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday of `date`'s week. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

const levelOf = (r: { area_kind: string }) =>
  (r.area_kind === 'town' ? 'town' : 'village') as 'town' | 'village';

export function toDuty(d: {
  id: string;
  duty_date: string;
  user_id: string | null;
  name: string;
  phone: string | null;
  note: string | null;
}): ServiceDuty {
  return { id: d.id, date: d.duty_date, userId: d.user_id, name: d.name, phone: d.phone, note: d.note };
}

/** Today's duty lines by centre. */
export async function todayDuties(db: Db, unitIds: string[], today: string) {
  const byUnit = new Map<string, ServiceDuty[]>();
  for (const d of await dutiesOf(db, unitIds, today, today)) {
    byUnit.set(d.unit_id, [...(byUnit.get(d.unit_id) ?? []), toDuty(d)]);
  }
  return byUnit;
}

function toSummary(r: CentreRow, today: ServiceDuty[]): ServiceCentreSummary {
  return {
    unitId: r.id,
    name: r.name,
    level: levelOf(r),
    areaCode: r.area_code,
    areaName: r.area_name,
    address: r.address,
    phone: r.phone,
    hoursText: r.hours_text,
    itemCount: Number(r.item_count ?? 0),
    todayDuty: today.map((d) => d.name),
    active: Boolean(r.active),
  };
}

export async function listCentres(
  db: Db,
  ctx: Pick<RequestContext, 'scope' | 'clock'>,
  query: ServiceCentresListQuery,
) {
  const within = query.areaCode === undefined ? undefined : centresAround(query.areaCode);
  const rows = await listCentreRows(db, itemReachOf(ctx.scope), { within, level: query.level });
  const page = rows.slice(query.offset, query.offset + query.limit);
  const today = await todayDuties(
    db,
    page.map((r) => r.id),
    chinaDate(ctx.clock.now()),
  );
  return { items: page.map((r) => toSummary(r, today.get(r.id) ?? [])), total: rows.length };
}

type Ctx = Pick<RequestContext, 'scope' | 'clock' | 'caller' | 'actor'>;

/** services.manage over an area holding the centre, or the station's own head (services.supervise). */
function mayEditProfile(ctx: Pick<RequestContext, 'scope' | 'caller'>, r: CentreRow): boolean {
  if (ctx.scope.reach === 'station') {
    return ctx.scope.stationId === r.id && hasPermission(ctx.caller.role, 'services.supervise');
  }
  return (
    ctx.scope.reach === 'area' &&
    hasPermission(ctx.caller.role, 'services.manage') &&
    codeInScope(r.area_code, ctx.scope)
  );
}

/** services.supervise over an area holding the centre, or over the caller's own station. */
function mayPutRoster(ctx: Pick<RequestContext, 'scope' | 'caller'>, r: CentreRow): boolean {
  if (!hasPermission(ctx.caller.role, 'services.supervise')) return false;
  if (ctx.scope.reach === 'station') return ctx.scope.stationId === r.id;
  return ctx.scope.reach === 'area' && codeInScope(r.area_code, ctx.scope);
}

async function centreInReach(db: Db, scope: Scope, id: string): Promise<CentreRow> {
  const row = await findCentre(db, itemReachOf(scope), id);
  if (!row) throw notFound();
  return row;
}

/** A centre the caller works on: one of its own subtree, or a station's own station. */
async function centreToEdit(db: Db, scope: Scope, id: string): Promise<CentreRow> {
  let row: CentreRow | undefined;
  if (scope.reach === 'area') row = await findCentre(db, { scope, above: [] }, id);
  else if (scope.reach === 'station' && scope.stationId === id) row = await findCentre(db, null, id);
  if (!row) throw notFound();
  return row;
}

export async function getCentre(
  db: Db,
  ctx: Pick<RequestContext, 'scope' | 'clock' | 'caller'>,
  id: string,
  weekStart?: string,
): Promise<ServiceCentre> {
  const row = await centreInReach(db, ctx.scope, id);
  const today = chinaDate(ctx.clock.now());
  const monday = mondayOf(weekStart ?? today);
  const [items, week, todays, staff] = await Promise.all([
    centreItems(db, id, false),
    dutiesOf(db, [id], monday, addDays(monday, 6)),
    dutiesOf(db, [id], today, today),
    stationStaff(db, id),
  ]);
  const todayLines = todays.map(toDuty);
  return {
    ...toSummary(row, todayLines),
    intro: row.intro,
    holidayHoursText: row.holiday_hours_text,
    items: items.map((i) => ({
      id: i.id,
      name: i.name,
      category: i.category,
      proxyAllowed: Boolean(i.proxy_allowed),
      promisedDays: i.promised_days,
    })),
    today: todayLines,
    weekStart: monday,
    week: week.map(toDuty),
    staff: staff.map((s) => ({ userId: s.id, name: s.name, role: s.role })),
    canEdit: mayEditProfile(ctx, row),
    canPutRoster: mayPutRoster(ctx, row),
    version: row.version ?? 0,
  };
}

export async function updateCentre(
  db: Db,
  ctx: Ctx,
  id: string,
  input: ServiceCentresUpdateBody,
): Promise<ServiceCentre> {
  const body = ServiceCentresUpdateBody.parse(input);
  const row = await centreToEdit(db, ctx.scope, id);
  if (!mayEditProfile(ctx, row)) throw new AppError('FORBIDDEN');
  const wanted = [...new Set(body.itemIds)];
  // The items a centre may handle: the active ones its residents see (the district's and its town's).
  const area = scopeOf({ code: row.area_code, kind: levelOf(row) });
  const found = await activeItemIdsIn(
    db,
    { scope: area, above: codesAbove(row.area_code, area.kind) },
    wanted,
  );
  if (found.length !== wanted.length) {
    const missing = wanted.find((w) => !found.includes(w));
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'itemIds', message: `unknown item ${missing}` }]);
  }
  const now = ctx.clock.now().toISOString();
  const fields = { intro: body.intro, hours_text: body.hoursText, holiday_hours_text: body.holidayHoursText };
  if (!(await saveProfile(db, id, body.version, fields, now))) throw new AppError('VERSION_CONFLICT');
  const before = await centreItems(db, id, false);
  await replaceCentreItems(db, id, wanted);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'service_centre.update',
    objectType: 'unit',
    objectId: id,
    areaCode: row.area_code,
    before: {
      hoursText: row.hours_text,
      holidayHoursText: row.holiday_hours_text,
      items: before.map((i) => i.id),
    },
    after: { hoursText: body.hoursText, holidayHoursText: body.holidayHoursText, items: wanted },
  });
  return getCentre(db, ctx, id);
}

export async function putRoster(
  db: Db,
  ctx: Ctx,
  id: string,
  input: ServiceRosterPutBody,
): Promise<ServiceRoster> {
  const body = ServiceRosterPutBody.parse(input);
  const row = await centreToEdit(db, ctx.scope, id);
  if (!mayPutRoster(ctx, row)) throw new AppError('FORBIDDEN');
  const from = body.weekStart;
  const to = addDays(from, 6);
  if (mondayOf(from) !== from) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'weekStart', message: 'not a Monday' }]);
  }
  const staff = new Map((await stationStaff(db, id)).map((s) => [s.id, s.name]));
  const now = ctx.clock.now().toISOString();
  const rows = body.duties.map((d, i) => {
    if (d.date < from || d.date > to) {
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: `duties.${i}.date`, message: 'outside the week' },
      ]);
    }
    const staffName = d.userId === null ? undefined : staff.get(d.userId);
    if (d.userId !== null && staffName === undefined) {
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: `duties.${i}.userId`, message: 'not of the station' },
      ]);
    }
    return {
      id: newId(),
      unit_id: id,
      duty_date: d.date,
      user_id: d.userId,
      name: staffName ?? d.name,
      phone: d.phone,
      note: d.note,
      created_at: now,
    };
  });
  await replaceWeek(db, id, from, to, rows);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'service_centre.roster',
    objectType: 'unit',
    objectId: id,
    areaCode: row.area_code,
    after: { weekStart: from, duties: rows.map((r) => ({ date: r.duty_date, name: r.name })) },
  });
  return { unitId: id, weekStart: from, duties: (await dutiesOf(db, [id], from, to)).map(toDuty) };
}
