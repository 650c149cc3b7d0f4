import type {
  PublicReceptionDay,
  ReceptionDay,
  ReceptionDayAppeal,
  ReceptionDayDetail,
  ReceptionDaysCreateBody,
  ReceptionDaysListQuery,
  ReceptionDaysUpdateBody,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaContext, RequestContext } from '../../platform/request-context';
import { codeInScope, scopeOf } from '../../platform/scope';
import { loadAppeal } from '../appeals';
import { findArea } from '../areas';
import {
  findReceptionDay,
  insertLink,
  insertReceptionDay,
  linkedAppeals,
  listReceptionDays,
  publicReceptionDays,
  type ReceptionDayRow,
  updateReceptionDay,
} from './reception.repository';

type LinkedRow = Awaited<ReturnType<typeof linkedAppeals>>[number];

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;

/**
 * The end of the event's day in China: what is resolved from the event's start until then was
 * resolved on the spot.
 */
function endOfEventDay(endsAt: string): number {
  const local = Date.parse(endsAt) + CHINA_OFFSET;
  return local - (local % DAY) + DAY - CHINA_OFFSET;
}

function toAppeal(row: LinkedRow, startsAt: string, endsAt: string): ReceptionDayAppeal {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    title: row.title,
    status: row.status,
    villageName: row.village_name,
    resolvedOnSpot:
      row.resolved_at !== null &&
      Date.parse(row.resolved_at) >= Date.parse(startsAt) &&
      Date.parse(row.resolved_at) < endOfEventDay(endsAt),
    dispatched: Boolean(row.dispatched),
    linkedAt: row.linked_at,
  };
}

function toReceptionDay(row: ReceptionDayRow, appeals: ReceptionDayAppeal[]): ReceptionDay {
  return {
    id: row.id,
    area: { code: row.area_code, name: row.area_name, kind: row.area_kind },
    leaderName: row.leader_name,
    leaderPost: row.leader_post,
    place: row.place,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    topics: JSON.parse(row.topics) as string[],
    note: row.note,
    status: row.status,
    summary: row.summary,
    report: {
      received: appeals.length,
      resolvedOnSpot: appeals.filter((a) => a.resolvedOnSpot).length,
      dispatched: appeals.filter((a) => a.dispatched).length,
    },
    version: row.version,
    createdAt: row.created_at,
  };
}

async function withAppeals(db: Db, rows: ReceptionDayRow[]) {
  const linked = await linkedAppeals(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const appeals = linked
      .filter((l) => l.reception_day_id === row.id)
      .map((l) => toAppeal(l, row.starts_at, row.ends_at));
    return { day: toReceptionDay(row, appeals), appeals };
  });
}

export async function listReceptionDaysInReach(
  db: Db,
  ctx: Pick<RequestContext, 'scope'>,
  query: ReceptionDaysListQuery,
): Promise<ReceptionDay[]> {
  const rows = await listReceptionDays(db, ctx.scope, query);
  return (await withAppeals(db, rows)).map((r) => r.day);
}

export async function getReceptionDay(
  db: Db,
  ctx: Pick<RequestContext, 'scope'>,
  id: string,
): Promise<ReceptionDayDetail> {
  const row = await findReceptionDay(db, ctx.scope, id);
  if (!row) throw notFound();
  const [found] = await withAppeals(db, [row]);
  if (!found) throw notFound();
  return { ...found.day, appeals: found.appeals };
}

/** Plans a reception day held by the district or a town of the caller's area; audited. */
export async function createReceptionDay(
  trx: Db,
  ctx: AreaContext,
  body: ReceptionDaysCreateBody,
): Promise<ReceptionDay> {
  const area = await findArea(trx, ctx.scope, body.areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN');
  if (area.kind !== 'district' && area.kind !== 'town') throw new AppError('RECEPTION_DAY_AREA_INVALID');
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await insertReceptionDay(trx, {
    id,
    area_code: area.code,
    leader_name: body.leaderName,
    leader_post: body.leaderPost,
    place: body.place,
    starts_at: new Date(body.startsAt).toISOString(),
    ends_at: new Date(body.endsAt).toISOString(),
    topics: JSON.stringify(body.topics),
    note: body.note,
    status: 'planned',
    summary: null,
    created_by: ctx.actor.id,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'reception_day.create',
    objectType: 'reception_day',
    objectId: id,
    areaCode: area.code,
    after: { leader: body.leaderName, place: body.place, startsAt: body.startsAt },
  });
  return getReceptionDay(trx, ctx, id);
}

/** Edits a reception day, cancels it or writes its summary; audited. */
export async function updateReceptionDayInReach(
  trx: Db,
  ctx: AreaContext,
  id: string,
  body: ReceptionDaysUpdateBody,
): Promise<ReceptionDay> {
  const before = await getReceptionDay(trx, ctx, id);
  const startsAt = body.startsAt === undefined ? before.startsAt : new Date(body.startsAt).toISOString();
  const endsAt = body.endsAt === undefined ? before.endsAt : new Date(body.endsAt).toISOString();
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'endsAt', message: 'ends after it starts' }]);
  }
  const updated = await updateReceptionDay(trx, id, body.version, {
    ...(body.leaderName === undefined ? {} : { leader_name: body.leaderName }),
    ...(body.leaderPost === undefined ? {} : { leader_post: body.leaderPost }),
    ...(body.place === undefined ? {} : { place: body.place }),
    starts_at: startsAt,
    ends_at: endsAt,
    ...(body.topics === undefined ? {} : { topics: JSON.stringify(body.topics) }),
    ...(body.note === undefined ? {} : { note: body.note }),
    ...(body.status === undefined ? {} : { status: body.status }),
    ...(body.summary === undefined ? {} : { summary: body.summary }),
    updated_at: ctx.clock.now().toISOString(),
  });
  if (!updated) throw new AppError('VERSION_CONFLICT');
  const { version: _version, ...changes } = body;
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'reception_day.update',
    objectType: 'reception_day',
    objectId: id,
    areaCode: before.area.code,
    after: changes,
  });
  const { appeals: _appeals, ...day } = await getReceptionDay(trx, ctx, id);
  return day;
}

/**
 * Links an appeal received at the event to it: the appeal must be of the caller's area and of the
 * event's. An appeal is received at one event at most; linking it again changes nothing.
 */
export async function linkAppealToReceptionDay(
  trx: Db,
  ctx: AreaContext,
  id: string,
  appealId: string,
): Promise<ReceptionDayDetail> {
  const day = await getReceptionDay(trx, ctx, id);
  const appeal = await loadAppeal(trx, ctx, appealId);
  if (!codeInScope(appeal.village_code, scopeOf({ code: day.area.code, kind: day.area.kind }))) {
    throw new AppError('RECEPTION_APPEAL_OUTSIDE');
  }
  const linked = await insertLink(trx, {
    reception_day_id: id,
    appeal_id: appeal.id,
    linked_at: ctx.clock.now().toISOString(),
    linked_by: ctx.actor.id,
  });
  if (linked) {
    await recordAudit(trx, ctx.clock, ctx.actor, {
      action: 'reception_day.link_appeal',
      objectType: 'reception_day',
      objectId: id,
      areaCode: appeal.village_code,
      after: { appealId: appeal.id },
    });
  }
  return getReceptionDay(trx, ctx, id);
}

// Residents see the coming events and those of the last month.
const PUBLIC_PAST_DAYS = 30;

/** The reception days residents see: a town's and the district's, or every one without a town. */
export async function listPublicReceptionDays(
  db: Db,
  areaCode: string | undefined,
  now: Date,
): Promise<PublicReceptionDay[]> {
  const codes =
    areaCode === undefined ? null : [`${areaCode.slice(0, 6)}000000`, `${areaCode.slice(0, 9)}000`];
  const rows = await publicReceptionDays(
    db,
    codes,
    new Date(now.getTime() - PUBLIC_PAST_DAYS * DAY).toISOString(),
  );
  return rows.map((row) => ({
    id: row.id,
    area: { code: row.area_code, name: row.area_name, kind: row.area_kind },
    leaderName: row.leader_name,
    leaderPost: row.leader_post,
    place: row.place,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    topics: JSON.parse(row.topics) as string[],
    note: row.note,
    status: row.status,
  }));
}

// The village page shows the next few events only; the full list is a tap away.
const VILLAGE_PAGE_EVENTS = 3;

/** The next planned reception days of a village's town and the district, soonest first. */
export async function comingReceptionDays(
  db: Db,
  villageCode: string,
  now: Date,
): Promise<PublicReceptionDay[]> {
  const days = await listPublicReceptionDays(db, villageCode, now);
  return days
    .filter((d) => d.status === 'planned' && Date.parse(d.endsAt) >= now.getTime())
    .slice(0, VILLAGE_PAGE_EVENTS);
}
