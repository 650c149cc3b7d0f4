import type { RatedParty } from '@lianxin/common';
import { sql } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { Scope } from '../../../platform/scope';
import { followUpInReach, ratingInReach, requestInReach } from './ratings.repository';

// The services figures' SQL: requests, ratings and follow-ups counted per area prefix or unit, in
// the caller's reach, over a window.

/** What the figures are grouped by: the first `digits` digits of the area code, or the handling unit. */
export type FigureKey = { by: 'area'; digits: number } | { by: 'unit' };

function keyOf(column: string, key: FigureKey) {
  return key.by === 'area'
    ? sql<string>`substr(${sql.ref(`${column}.area_code`)}, 1, ${sql.lit(key.digits)})`
    : sql<string>`${sql.ref(`${column}.unit_id`)}`;
}

export interface FigureWindow {
  scope: Scope;
  /** ISO instants: `[from, to)`. */
  from: string;
  to: string;
  now: string;
}

/** Requests made in the window, and those delivered in it (on time: by their due time). */
export async function requestFigures(db: Db, w: FigureWindow, key: FigureKey) {
  const k = keyOf('proxy_requests', key);
  const inWindow = (col: 'created_at' | 'delivered_at') =>
    sql<number>`sum(case when ${sql.ref(`proxy_requests.${col}`)} >= ${w.from} and ${sql.ref(`proxy_requests.${col}`)} < ${w.to} then 1 else 0 end)`;
  const rows = await db
    .selectFrom('proxy_requests')
    .select([
      k.as('key'),
      inWindow('created_at').as('requests'),
      inWindow('delivered_at').as('delivered'),
      sql<number>`sum(case when proxy_requests.delivered_at >= ${w.from} and proxy_requests.delivered_at < ${w.to} and proxy_requests.due_at is not null and proxy_requests.delivered_at <= proxy_requests.due_at then 1 else 0 end)`.as(
        'on_time',
      ),
    ])
    .where((eb) => requestInReach(eb, w.scope))
    .where((eb) =>
      eb.or([
        eb.and([eb('created_at', '>=', w.from), eb('created_at', '<', w.to)]),
        eb.and([eb('delivered_at', '>=', w.from), eb('delivered_at', '<', w.to)]),
      ]),
    )
    .groupBy(k)
    .execute();
  return rows.map((r) => ({
    key: r.key,
    requests: Number(r.requests),
    delivered: Number(r.delivered),
    onTime: Number(r.on_time),
  }));
}

/** Ratings made in the window: good and bad of each party; the overturned 差评 of each party. */
export async function ratingFigures(db: Db, w: FigureWindow, key: FigureKey) {
  const k = keyOf('service_ratings', key);
  const count = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;
  const overturned = (party: RatedParty) =>
    count(
      sql`exists (select 1 from rating_follow_ups f where f.rating_id = service_ratings.id and f.party = ${party} and f.status = 'overturned')`,
    );
  const rows = await db
    .selectFrom('service_ratings')
    .select([
      k.as('key'),
      sql<number>`count(*)`.as('rated'),
      count(sql`service_ratings.agent_level >= 4`).as('agent_good'),
      count(sql`service_ratings.unit_level >= 4`).as('unit_good'),
      count(sql`service_ratings.agent_level <= 2`).as('agent_bad'),
      count(sql`service_ratings.unit_level <= 2`).as('unit_bad'),
      overturned('agent').as('agent_overturned'),
      overturned('unit').as('unit_overturned'),
    ])
    .where((eb) => ratingInReach(eb, w.scope))
    .where('service_ratings.rated_at', '>=', w.from)
    .where('service_ratings.rated_at', '<', w.to)
    .groupBy(k)
    .execute();
  return rows.map((r) => ({
    key: r.key,
    rated: Number(r.rated),
    agentGood: Number(r.agent_good),
    unitGood: Number(r.unit_good),
    agentBad: Number(r.agent_bad),
    unitBad: Number(r.unit_bad),
    agentOverturned: Number(r.agent_overturned),
    unitOverturned: Number(r.unit_overturned),
  }));
}

/** Follow-ups opened in the window, not overturned: answered, and due (answered or past due by `now`). */
export async function followUpFigures(db: Db, w: FigureWindow, key: FigureKey) {
  const k = keyOf('rating_follow_ups', key);
  const rows = await db
    .selectFrom('rating_follow_ups')
    .innerJoin('service_ratings', 'service_ratings.id', 'rating_follow_ups.rating_id')
    .select([
      k.as('key'),
      sql<number>`sum(case when rating_follow_ups.status = 'answered' then 1 else 0 end)`.as('answered'),
      sql<number>`sum(case when rating_follow_ups.status = 'answered' or rating_follow_ups.due_at < ${w.now} then 1 else 0 end)`.as(
        'due',
      ),
    ])
    .where((eb) => followUpInReach(eb, w.scope))
    .where('rating_follow_ups.status', '!=', 'overturned')
    .where('rating_follow_ups.created_at', '>=', w.from)
    .where('rating_follow_ups.created_at', '<', w.to)
    .groupBy(k)
    .execute();
  return rows.map((r) => ({ key: r.key, answered: Number(r.answered), due: Number(r.due) }));
}

/** Names of units and areas by id or code (the figures' rows). */
export async function unitNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
