import type { FollowUpStatus, RatedParty } from '@lianxin/common';
import type { ExpressionBuilder, Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { DB, RatingFollowUpsTable, ServiceRatingsTable } from '../../../db/schema';
import { atStation, inScope, inUnit, type Scope } from '../../../platform/scope';

// 好差评's SQL: the ratings, the follow-ups of each 差评, the one-time links, the sweep that closes
// requests not rated in time, and the figures. Every read is limited to the caller's reach.

type Eb<T extends keyof DB> = ExpressionBuilder<DB, T>;

/** A proxy request in the caller's reach: area roles by area, stations by station or agent, units by unit. */
export function requestInReach(eb: Eb<'proxy_requests'>, scope: Scope) {
  switch (scope.reach) {
    case 'area':
      return inScope(eb, 'proxy_requests.area_code', scope);
    case 'station':
      return atStation(
        eb,
        { station: 'proxy_requests.station_id', assignee: 'proxy_requests.agent_id' },
        scope,
      );
    case 'unit':
      return inUnit(eb, 'proxy_requests.unit_id', scope);
    default:
      return eb.val(false);
  }
}

export function ratingInReach(eb: Eb<'service_ratings'>, scope: Scope) {
  switch (scope.reach) {
    case 'area':
      return inScope(eb, 'service_ratings.area_code', scope);
    case 'station':
      return atStation(
        eb,
        { station: 'service_ratings.station_id', assignee: 'service_ratings.agent_id' },
        scope,
      );
    case 'unit':
      return inUnit(eb, 'service_ratings.unit_id', scope);
    default:
      return eb.val(false);
  }
}

/** Follow-ups in reach: a unit sees its own party's; a station its station's (or its agent's). */
export function followUpInReach(eb: Eb<'rating_follow_ups' | 'service_ratings'>, scope: Scope) {
  switch (scope.reach) {
    case 'area':
      return inScope(eb, 'rating_follow_ups.area_code', scope);
    case 'station':
      return atStation(
        eb,
        { station: 'rating_follow_ups.station_id', assignee: 'service_ratings.agent_id' },
        scope,
      );
    case 'unit':
      return eb.and([
        inUnit(eb, 'rating_follow_ups.unit_id', scope),
        eb('rating_follow_ups.party', '=', 'unit'),
      ]);
    default:
      return eb.val(false);
  }
}

const requestColumns = [
  'proxy_requests.id',
  'proxy_requests.tracking_code',
  'proxy_requests.area_code',
  'proxy_requests.station_id',
  'proxy_requests.unit_id',
  'proxy_requests.agent_id',
  'proxy_requests.applicant_name',
  'proxy_requests.phone_enc',
  'proxy_requests.phone_masked',
  'proxy_requests.status',
  'proxy_requests.delivered_at',
  'proxy_requests.version',
  'service_items.name as item_name',
  'station.name as station_name',
  'unit.name as unit_name',
] as const;

function requests(db: Db) {
  return db
    .selectFrom('proxy_requests')
    .innerJoin('service_items', 'service_items.id', 'proxy_requests.item_id')
    .innerJoin('units as station', 'station.id', 'proxy_requests.station_id')
    .innerJoin('units as unit', 'unit.id', 'proxy_requests.unit_id')
    .select(requestColumns);
}

export type RatedRequestRow = NonNullable<Awaited<ReturnType<typeof requestByTrackingCode>>>;

export function requestByTrackingCode(db: Db, trackingCode: string) {
  return requests(db).where('proxy_requests.tracking_code', '=', trackingCode).executeTakeFirst();
}

export function requestById(db: Db, id: string) {
  return requests(db).where('proxy_requests.id', '=', id).executeTakeFirst();
}

export function requestInScope(db: Db, scope: Scope, id: string) {
  return requests(db)
    .where('proxy_requests.id', '=', id)
    .where((eb) => requestInReach(eb, scope))
    .executeTakeFirst();
}

export async function ratingExists(db: Db, requestId: string): Promise<boolean> {
  const row = await db
    .selectFrom('service_ratings')
    .select('id')
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRating(db: Db, row: Insertable<ServiceRatingsTable>): Promise<void> {
  await db.insertInto('service_ratings').values(row).execute();
}

export async function insertFollowUps(db: Db, rows: Insertable<RatingFollowUpsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('rating_follow_ups').values(rows).execute();
}

/** Closes a delivered request (rated, or its rating period over); false when it was not delivered any more. */
export async function closeDelivered(
  db: Db,
  id: string,
  at: string,
  purgeAfter: string,
  event: { id: string; note: string; by: string | null },
): Promise<boolean> {
  const done = await db
    .updateTable('proxy_requests')
    .set((eb) => ({
      status: 'closed',
      closed_at: at,
      papers_purge_after: purgeAfter,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('status', '=', 'delivered')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return false;
  await db
    .insertInto('proxy_request_events')
    .values({ id: event.id, request_id: id, kind: 'closed', note: event.note, data: null, at, by: event.by })
    .execute();
  return true;
}

/** Delivered requests whose rating period ended before `deliveredBefore`, not rated. */
export function unratedDelivered(db: Db, deliveredBefore: string, limit: number) {
  return db
    .selectFrom('proxy_requests')
    .select(['id', 'area_code'])
    .where('status', '=', 'delivered')
    .where('delivered_at', '<', deliveredBefore)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('service_ratings').select('id').whereRef('request_id', '=', 'proxy_requests.id'),
        ),
      ),
    )
    .orderBy('delivered_at')
    .limit(limit)
    .execute();
}

export async function insertRatingLink(
  db: Db,
  row: { token_hash: string; request_id: string; expires_at: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('service_rating_links')
    .values({ ...row, used_at: null })
    .execute();
}

export function ratingLink(db: Db, tokenHash: string) {
  return db
    .selectFrom('service_rating_links')
    .select(['token_hash', 'request_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks a link used; false when it was used already (a second answer racing the first). */
export async function useRatingLink(db: Db, tokenHash: string, at: string): Promise<boolean> {
  const used = await db
    .updateTable('service_rating_links')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

export interface RatingsFilter {
  areaPrefix?: string;
  stationId?: string;
  unitId?: string;
  agentId?: string;
  bad?: boolean;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

function ratingsQuery(db: Db, scope: Scope, f: Omit<RatingsFilter, 'limit' | 'offset'>) {
  let q = db
    .selectFrom('service_ratings')
    .innerJoin('proxy_requests', 'proxy_requests.id', 'service_ratings.request_id')
    .innerJoin('service_items', 'service_items.id', 'proxy_requests.item_id')
    .innerJoin('areas', 'areas.code', 'service_ratings.area_code')
    .innerJoin('units as station', 'station.id', 'service_ratings.station_id')
    .innerJoin('units as unit', 'unit.id', 'service_ratings.unit_id')
    .leftJoin('users as agent', 'agent.id', 'service_ratings.agent_id')
    .where((eb) => ratingInReach(eb, scope));
  if (f.areaPrefix) q = q.where('service_ratings.area_code', 'like', `${f.areaPrefix}%`);
  if (f.stationId) q = q.where('service_ratings.station_id', '=', f.stationId);
  if (f.unitId) q = q.where('service_ratings.unit_id', '=', f.unitId);
  if (f.agentId) q = q.where('service_ratings.agent_id', '=', f.agentId);
  if (f.bad) q = q.where((eb) => eb.or([eb('agent_level', '<=', 2), eb('unit_level', '<=', 2)]));
  if (f.from) q = q.where('service_ratings.rated_at', '>=', f.from);
  if (f.to) q = q.where('service_ratings.rated_at', '<', f.to);
  return q;
}

export async function listRatings(db: Db, scope: Scope, f: RatingsFilter) {
  const [items, total] = await Promise.all([
    ratingsQuery(db, scope, f)
      .selectAll('service_ratings')
      .select([
        'proxy_requests.tracking_code',
        'service_items.name as item_name',
        'areas.name as area_name',
        'station.name as station_name',
        'unit.name as unit_name',
        'agent.name as agent_name',
      ])
      .orderBy('service_ratings.rated_at', 'desc')
      .orderBy('service_ratings.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    ratingsQuery(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export type RatingListRow = Awaited<ReturnType<typeof listRatings>>['items'][number];

function followUpsQuery(db: Db, scope: Scope) {
  return db
    .selectFrom('rating_follow_ups')
    .innerJoin('service_ratings', 'service_ratings.id', 'rating_follow_ups.rating_id')
    .innerJoin('proxy_requests', 'proxy_requests.id', 'service_ratings.request_id')
    .innerJoin('service_items', 'service_items.id', 'proxy_requests.item_id')
    .innerJoin('areas', 'areas.code', 'rating_follow_ups.area_code')
    .innerJoin('units as station', 'station.id', 'rating_follow_ups.station_id')
    .innerJoin('units as unit', 'unit.id', 'rating_follow_ups.unit_id')
    .leftJoin('users as agent', 'agent.id', 'service_ratings.agent_id')
    .leftJoin('users as answerer', 'answerer.id', 'rating_follow_ups.answered_by')
    .leftJoin('users as requester', 'requester.id', 'rating_follow_ups.review_requested_by')
    .leftJoin('users as reviewer', 'reviewer.id', 'rating_follow_ups.reviewed_by')
    .where((eb) => followUpInReach(eb, scope));
}

const followUpColumns = [
  'proxy_requests.id as request_id',
  'proxy_requests.tracking_code',
  'proxy_requests.applicant_name',
  'proxy_requests.phone_masked',
  'proxy_requests.phone_enc',
  'service_items.name as item_name',
  'areas.name as area_name',
  'station.name as station_name',
  'unit.name as unit_name',
  'service_ratings.agent_id',
  'service_ratings.agent_level',
  'service_ratings.unit_level',
  'service_ratings.comment',
  'service_ratings.rated_at',
  'agent.name as agent_name',
  'answerer.name as answered_by_name',
  'requester.name as review_requested_by_name',
  'reviewer.name as reviewed_by_name',
] as const;

const waiting: FollowUpStatus[] = ['open', 'review_requested'];

export interface FollowUpsFilter {
  status?: FollowUpStatus;
  party?: RatedParty;
  overdueAt?: string;
  areaPrefix?: string;
  stationId?: string;
  unitId?: string;
  limit: number;
  offset: number;
}

export async function listFollowUps(db: Db, scope: Scope, f: FollowUpsFilter, now: string) {
  let q = followUpsQuery(db, scope);
  if (f.status) q = q.where('rating_follow_ups.status', '=', f.status);
  if (f.party) q = q.where('rating_follow_ups.party', '=', f.party);
  if (f.overdueAt)
    q = q
      .where('rating_follow_ups.status', 'in', waiting)
      .where('rating_follow_ups.due_at', '<', f.overdueAt);
  if (f.areaPrefix) q = q.where('rating_follow_ups.area_code', 'like', `${f.areaPrefix}%`);
  if (f.stationId) q = q.where('rating_follow_ups.station_id', '=', f.stationId);
  if (f.unitId) q = q.where('rating_follow_ups.unit_id', '=', f.unitId);
  const [items, total, overdue] = await Promise.all([
    q
      .selectAll('rating_follow_ups')
      .select(followUpColumns)
      .orderBy('rating_follow_ups.due_at')
      .orderBy('rating_follow_ups.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    countFollowUps(db, scope, { overdueAt: now }),
  ]);
  return { items, total: Number(total.n), overdue };
}

export type FollowUpRow = Awaited<ReturnType<typeof listFollowUps>>['items'][number];

export function followUpInScope(db: Db, scope: Scope, id: string) {
  return followUpsQuery(db, scope)
    .selectAll('rating_follow_ups')
    .select(followUpColumns)
    .where('rating_follow_ups.id', '=', id)
    .executeTakeFirst();
}

/** Follow-ups waiting in reach (the to-dos): open or under review, or only those overdue, or only reviews. */
export async function countFollowUps(
  db: Db,
  scope: Scope,
  f: { overdueAt?: string; status?: FollowUpStatus },
): Promise<number> {
  let q = followUpsQuery(db, scope).where('rating_follow_ups.status', 'in', f.status ? [f.status] : waiting);
  if (f.overdueAt) q = q.where('rating_follow_ups.due_at', '<', f.overdueAt);
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Writes a follow-up at the version read; false when it changed since. */
export async function updateFollowUp(
  db: Db,
  id: string,
  version: number,
  set: Partial<Omit<RatingFollowUpsTable, 'id' | 'version'>>,
): Promise<boolean> {
  const done = await db
    .updateTable('rating_follow_ups')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Failed look-ups from one address since `since` (the public pages' shared throttle). */
export async function countPublicFailures(db: Db, ipHash: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('public_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip_hash', '=', ipHash)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertPublicFailure(db: Db, id: string, ipHash: string, at: string): Promise<void> {
  await db.insertInto('public_failures').values({ id, ip_hash: ipHash, at }).execute();
}
