import {
  addWorkingHours,
  defaultWorkingHours,
  type HolidayCalendar,
  isWorkingTime,
  type Whistle,
  type WhistleCloseBody,
  type WhistleSettings,
  type WhistlesCreateBody,
  type WhistlesListQuery,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { enqueueNotifications } from '../../../platform/notifications/notifications.service';
import type { AreaContext, RequestContext } from '../../../platform/request-context';
import { appendToTimeline, loadAppeal } from '../../appeals';
import { findArea } from '../../areas';
import { unitStaff } from '../units/units.repository';
import { getUnit } from '../units/units.service';
import { whistleSettings } from './whistle-settings.service';
import {
  countUnreported,
  findWhistle,
  insertWhistle,
  listWhistles,
  markReported,
  recordReport,
  updateWhistle,
  type WhistleRow,
  whistleUnits,
} from './whistles.repository';

type UnitRow = Awaited<ReturnType<typeof whistleUnits>>[number];

const MINUTE = 60_000;

function toWhistle(row: WhistleRow, units: UnitRow[], now: Date): Whistle {
  return {
    id: row.id,
    townCode: row.town_code,
    townName: row.town_name ?? row.town_code,
    villageCode: row.village_code,
    villageName: row.village_name,
    appeal:
      row.appeal_id === null
        ? null
        : { id: row.appeal_id, trackingCode: row.tracking_code ?? '', title: row.appeal_title ?? '' },
    place: row.place,
    description: row.description,
    status: row.status,
    outsideWorkingTime: Boolean(row.outside_working_time),
    raisedAt: row.raised_at,
    raisedBy: row.raised_by_name,
    closedAt: row.closed_at,
    closingNote: row.closing_note,
    units: units.map((u) => ({
      unitId: u.unit_id,
      unitName: u.unit_name,
      dueAt: u.due_at,
      reportedAt: u.reported_at,
      reportedBy: u.reported_by_name,
      action: u.action,
      late: Boolean(u.late) || (u.reported_at === null && Date.parse(u.due_at) < now.getTime()),
      responseMinutes:
        u.reported_at === null
          ? null
          : Math.round((Date.parse(u.reported_at) - Date.parse(row.raised_at)) / MINUTE),
    })),
    version: row.version,
  };
}

async function withUnits(db: Db, rows: WhistleRow[], now: Date): Promise<Whistle[]> {
  const units = await whistleUnits(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    toWhistle(
      row,
      units.filter((u) => u.whistle_id === row.id),
      now,
    ),
  );
}

export async function listWhistlesInReach(
  db: Db,
  ctx: Pick<RequestContext, 'scope' | 'clock'>,
  query: WhistlesListQuery,
): Promise<Whistle[]> {
  const now = ctx.clock.now();
  return withUnits(db, await listWhistles(db, ctx.scope, query, now.toISOString()), now);
}

export async function getWhistle(
  db: Db,
  ctx: Pick<RequestContext, 'scope' | 'clock'>,
  id: string,
): Promise<Whistle> {
  const row = await findWhistle(db, ctx.scope, id);
  if (!row) throw notFound();
  const [whistle] = await withUnits(db, [row], ctx.clock.now());
  if (!whistle) throw notFound();
  return whistle;
}

/**
 * When a department must report: within the set working hours of its own working time (the
 * shared calendar), or within the longer limit when the whistle is blown outside it.
 */
function reportDeadline(
  calendar: HolidayCalendar,
  settings: WhistleSettings,
  hours: typeof defaultWorkingHours,
  now: Date,
): Date {
  return isWorkingTime(calendar, hours, now)
    ? addWorkingHours(calendar, hours, now, settings.reportWorkingHours)
    : new Date(now.getTime() + settings.outsideHoursLimit * 3_600_000);
}

/**
 * Blows the whistle on an appeal or a place of the caller's area: each named department gets its
 * deadline (on the calendar, read before the transaction) and its staff a notice; the appeal's timeline says so; audited.
 */
export async function raiseWhistle(
  trx: Db,
  ctx: AreaContext,
  calendar: HolidayCalendar,
  body: WhistlesCreateBody,
): Promise<Whistle> {
  const appeal = body.appealId === undefined ? null : await loadAppeal(trx, ctx, body.appealId);
  const villageCode = appeal?.village_code ?? body.villageCode ?? '';
  const village = await findArea(trx, ctx.scope, villageCode);
  if (village?.kind !== 'village') throw new AppError('AREA_UNKNOWN');
  const unitIds = [...new Set(body.unitIds)];
  const units = [];
  for (const id of unitIds) {
    const unit = await getUnit(trx, ctx.scope, id).catch(() => null);
    if (unit?.kind !== 'department' || !unit.active) throw new AppError('WHISTLE_UNIT_INVALID');
    units.push(unit);
  }
  const now = ctx.clock.now();
  const settings = await whistleSettings(trx);
  const id = newId();
  const dues = units.map((u) =>
    reportDeadline(calendar, settings, u.workingHours ?? defaultWorkingHours, now),
  );
  await insertWhistle(
    trx,
    {
      id,
      town_code: `${villageCode.slice(0, 9)}000`,
      village_code: villageCode,
      appeal_id: appeal?.id ?? null,
      place: body.place ?? null,
      description: body.description,
      status: 'open',
      outside_working_time: !isWorkingTime(calendar, defaultWorkingHours, now),
      raised_at: now.toISOString(),
      raised_by: ctx.actor.id,
      closed_at: null,
      closed_by: null,
      closing_note: null,
      version: 1,
    },
    units.map((u, i) => ({
      whistle_id: id,
      unit_id: u.id,
      due_at: (dues[i] ?? now).toISOString(),
      reported_at: null,
      reported_by: null,
      action: null,
      late: false,
    })),
  );
  const names = units.map((u) => u.name).join('、');
  const where = appeal ? `诉求 ${appeal.tracking_code}` : `${village.name} ${body.place ?? ''}`;
  for (const [i, unit] of units.entries()) {
    const staff = (await unitStaff(trx, unit.id)).filter((s) => s.disabled_at === null);
    const message = `【吹哨报到】${where}：${body.description.slice(0, 60)}，请于 ${chinaTime(dues[i] ?? now)} 前报到`;
    await enqueueNotifications(trx, ctx.clock, [
      {
        kind: 'whistle.raised',
        areaCode: villageCode,
        recipient: unit.name,
        message,
        appealId: appeal?.id ?? null,
      },
      ...staff.map((s) => ({
        kind: 'whistle.raised' as const,
        areaCode: villageCode,
        recipient: `${unit.name} ${s.name}`,
        message,
        appealId: appeal?.id ?? null,
      })),
    ]);
  }
  if (appeal) await appendToTimeline(trx, ctx, appeal.id, { kind: 'whistled', note: names, public: true });
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'whistle.raise',
    objectType: 'whistle',
    objectId: id,
    areaCode: villageCode,
    after: { appealId: appeal?.id ?? null, place: body.place ?? null, unitIds: units.map((u) => u.id) },
  });
  return getWhistle(trx, ctx, id);
}

function chinaTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(5, 10)} ${local.slice(11, 16)}`;
}

/**
 * The caller's department reports (报到) on a whistle naming it and records what it did; a report
 * after its deadline is marked late. Once every department reported, the whistle is reported.
 */
export async function reportOnWhistle(
  trx: Db,
  ctx: RequestContext,
  id: string,
  action: string,
): Promise<Whistle> {
  if (ctx.scope.reach !== 'unit') throw new AppError('FORBIDDEN');
  const unitId = ctx.scope.unitId;
  const whistle = await getWhistle(trx, ctx, id);
  const mine = whistle.units.find((u) => u.unitId === unitId);
  if (!mine) throw notFound();
  if (whistle.status === 'closed') throw new AppError('WHISTLE_CLOSED');
  const now = ctx.clock.now();
  const late = now.getTime() > Date.parse(mine.dueAt);
  const recorded = await recordReport(trx, id, unitId, {
    reported_at: now.toISOString(),
    reported_by: ctx.actor.id,
    action,
    late,
  });
  if (!recorded) throw new AppError('WHISTLE_ALREADY_REPORTED');
  if ((await countUnreported(trx, id)) === 0) await markReported(trx, id);
  if (whistle.appeal) {
    await appendToTimeline(trx, ctx, whistle.appeal.id, {
      kind: 'whistle_reported',
      note: `${mine.unitName}：${action}`,
      public: true,
    });
  }
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'whistle.report',
    objectType: 'whistle',
    objectId: id,
    areaCode: whistle.villageCode,
    after: { unitId, action, late },
  });
  return getWhistle(trx, ctx, id);
}

/** The town closes a whistle once the matter is dealt with. */
export async function closeWhistle(
  trx: Db,
  ctx: AreaContext,
  id: string,
  body: WhistleCloseBody,
): Promise<Whistle> {
  const whistle = await getWhistle(trx, ctx, id);
  if (whistle.status === 'closed') throw new AppError('WHISTLE_CLOSED');
  const now = ctx.clock.now().toISOString();
  const updated = await updateWhistle(trx, id, body.version, {
    status: 'closed',
    closed_at: now,
    closed_by: ctx.actor.id,
    closing_note: body.note,
  });
  if (!updated) throw new AppError('VERSION_CONFLICT');
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'whistle.close',
    objectType: 'whistle',
    objectId: id,
    areaCode: whistle.villageCode,
    before: { status: whistle.status },
    after: { status: 'closed', note: body.note },
  });
  return getWhistle(trx, ctx, id);
}
