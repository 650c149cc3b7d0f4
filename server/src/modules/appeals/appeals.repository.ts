import { type AppealLevel, type AppealStatus, openAppealStatuses } from '@lianxin/common';
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Selectable,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import { type Db, likeContains } from '../../db/dialect';
import type {
  AppealCallbacksTable,
  AppealCategoriesTable,
  AppealEventsTable,
  AppealsTable,
  DB,
} from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

export type AppealRow = Selectable<AppealsTable>;
export type CategoryRow = Selectable<AppealCategoriesTable>;
export type EventRow = Selectable<AppealEventsTable>;
export type CallbackRow = Selectable<AppealCallbacksTable>;

const open = [...openAppealStatuses];

/** Open appeals, written with literal values so that the partial index of open appeals applies. */
export const isOpenAppeal = sql<boolean>`appeals.status in (${sql.join(open.map((s) => sql.lit(s)))})`;

/** The unit that holds an appeal of a village at a level: the village, its town, the district. */
export function holderOf(villageCode: string, level: AppealLevel): string {
  if (level === 'village') return villageCode;
  if (level === 'town') return `${villageCode.slice(0, 9)}000`;
  return `${villageCode.slice(0, 6)}000000`;
}

export async function listCategories(db: Db): Promise<CategoryRow[]> {
  return db.selectFrom('appeal_categories').selectAll().orderBy('sort').orderBy('code').execute();
}

export async function findCategory(db: Db, code: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('appeal_categories').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertCategory(db: Db, row: Insertable<AppealCategoriesTable>): Promise<void> {
  await db.insertInto('appeal_categories').values(row).execute();
}

export async function updateCategory(db: Db, code: string, row: Updateable<AppealCategoriesTable>) {
  const result = await db
    .updateTable('appeal_categories')
    .set(row)
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function withNames(db: Db) {
  return db
    .selectFrom('appeals')
    .innerJoin('areas as village', 'village.code', 'appeals.village_code')
    .leftJoin('users as handler', 'handler.id', 'appeals.handler_id')
    .selectAll('appeals')
    .select(['village.name as village_name', 'handler.name as handler_name']);
}

/** An appeal whose village is in the caller's subtree. */
export async function findAppeal(db: Db, scope: AreaScope, id: string) {
  return withNames(db)
    .where('appeals.id', '=', id)
    .where((eb) => inScope(eb, 'appeals.village_code', scope))
    .executeTakeFirst();
}

export async function findAppealById(db: Db, id: string): Promise<AppealRow | undefined> {
  return db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByTrackingCode(db: Db, code: string) {
  return withNames(db).where('appeals.tracking_code', '=', code).executeTakeFirst();
}

export type AppealListRow = Awaited<ReturnType<typeof listAppeals>>[number];

export interface AppealFilter {
  level?: AppealLevel;
  status?: AppealStatus | 'open';
  queue: 'all' | 'mine' | 'unassigned' | 'overdue' | 'deferral_pending';
  categoryCode?: string;
  householdId?: string;
  handlerId?: string;
  q?: string;
  /** Received at or after this instant. */
  receivedSince?: string;
  /** Received before this instant. */
  receivedBefore?: string;
  reachedLevel?: 'town' | 'district';
  resolvedLevel?: AppealLevel;
  responded?: boolean;
  resolved?: boolean;
  onTime?: boolean;
  rated?: boolean;
  satisfied?: boolean;
  merged?: boolean;
}

type AppealsWhere = ExpressionBuilder<DB, 'appeals'>;

// The dashboard's conditions (dashboard.repository.ts), so that a figure and its list agree.
const responded = (eb: AppealsWhere) =>
  eb.or([eb('appeals.accepted_at', 'is not', null), eb('appeals.status', '=', 'returned')]);
const onTime = (eb: AppealsWhere) =>
  eb.and([
    eb('appeals.resolved_at', 'is not', null),
    eb('appeals.resolved_at', '<=', eb.ref('appeals.resolution_due_at')),
  ]);
const satisfiedRatings = ['satisfied', 'basically_satisfied'] as const;

/** A yes/no filter: the condition itself, or its negation (none of these is ever unknown). */
function flag(
  value: boolean,
  yes: (eb: AppealsWhere) => Expression<SqlBool>,
  no: (eb: AppealsWhere) => Expression<SqlBool> = (eb) => eb.not(yes(eb)),
) {
  return (eb: AppealsWhere) => (value ? yes(eb) : no(eb));
}

/** The appeals of a subtree that a filter and queue select, without order or page. */
function matching(db: Db, scope: AreaScope, filter: AppealFilter, ctx: { callerId: string; now: string }) {
  const { queue } = filter;
  return db
    .selectFrom('appeals')
    .where((eb) => inScope(eb, 'appeals.village_code', scope))
    .$if(filter.level !== undefined, (qb) => qb.where('appeals.level', '=', filter.level ?? 'village'))
    .$if(filter.status === 'open', (qb) => qb.where(isOpenAppeal))
    .$if(filter.status !== undefined && filter.status !== 'open', (qb) =>
      qb.where('appeals.status', '=', filter.status as AppealStatus),
    )
    .$if(filter.categoryCode !== undefined, (qb) =>
      qb.where('appeals.category_code', '=', filter.categoryCode ?? ''),
    )
    .$if(filter.householdId !== undefined, (qb) =>
      qb.where('appeals.household_id', '=', filter.householdId ?? ''),
    )
    .$if(filter.handlerId !== undefined, (qb) => qb.where('appeals.handler_id', '=', filter.handlerId ?? ''))
    .$if(filter.q !== undefined && filter.q !== '', (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('appeals.tracking_code', '=', (filter.q ?? '').toUpperCase()),
          eb('appeals.title', 'like', likeContains(filter.q ?? '')),
        ]),
      ),
    )
    .$if(filter.receivedSince !== undefined, (qb) =>
      qb.where('appeals.received_at', '>=', filter.receivedSince ?? ''),
    )
    .$if(filter.receivedBefore !== undefined, (qb) =>
      qb.where('appeals.received_at', '<', filter.receivedBefore ?? ''),
    )
    .$if(filter.reachedLevel === 'town', (qb) => qb.where('appeals.max_level', 'in', ['town', 'district']))
    .$if(filter.reachedLevel === 'district', (qb) => qb.where('appeals.max_level', '=', 'district'))
    .$if(filter.resolvedLevel !== undefined, (qb) =>
      qb.where('appeals.resolved_level', '=', filter.resolvedLevel ?? 'village'),
    )
    .$if(filter.responded !== undefined, (qb) => qb.where(flag(filter.responded === true, responded)))
    .$if(filter.resolved !== undefined, (qb) =>
      qb.where(
        flag(
          filter.resolved === true,
          (eb) => eb('appeals.resolved_at', 'is not', null),
          (eb) => eb('appeals.resolved_at', 'is', null),
        ),
      ),
    )
    .$if(filter.onTime !== undefined, (qb) => qb.where(flag(filter.onTime === true, onTime)))
    .$if(filter.rated !== undefined, (qb) =>
      qb.where(
        flag(
          filter.rated === true,
          (eb) => eb('appeals.rating', 'is not', null),
          (eb) => eb('appeals.rating', 'is', null),
        ),
      ),
    )
    .$if(filter.satisfied !== undefined, (qb) =>
      qb.where(
        flag(
          filter.satisfied === true,
          (eb) => eb('appeals.rating', 'in', satisfiedRatings),
          (eb) => eb.or([eb('appeals.rating', 'is', null), eb('appeals.rating', 'not in', satisfiedRatings)]),
        ),
      ),
    )
    .$if(filter.merged !== undefined, (qb) =>
      qb.where('appeals.status', filter.merged ? '=' : '!=', 'merged'),
    )
    .$if(queue === 'mine', (qb) => qb.where('appeals.handler_id', '=', ctx.callerId).where(isOpenAppeal))
    .$if(queue === 'unassigned', (qb) =>
      qb
        .where('appeals.handler_id', 'is', null)
        .where(isOpenAppeal)
        .where((eb) => inScope(eb, 'appeals.holder_area_code', scope)),
    )
    .$if(queue === 'overdue', (qb) =>
      qb
        .where('appeals.status', 'in', open)
        .where((eb) =>
          eb.or([
            eb('appeals.resolution_due_at', '<', ctx.now),
            eb.and([eb('appeals.status', '=', 'received'), eb('appeals.response_due_at', '<', ctx.now)]),
          ]),
        ),
    )
    .$if(queue === 'deferral_pending', (qb) =>
      qb
        .where('appeals.deferral_reason', 'is not', null)
        .where('appeals.deferral_approved', '=', false)
        .where(isOpenAppeal),
    );
}

/** One page of a queue, newest first; keyset pagination on (received_at, id). */
export async function listAppeals(
  db: Db,
  scope: AreaScope,
  filter: AppealFilter,
  ctx: { callerId: string; now: string },
  cursor: string[] | null,
  limit: number,
) {
  return matching(db, scope, filter, ctx)
    .innerJoin('areas as village', 'village.code', 'appeals.village_code')
    .leftJoin('users as handler', 'handler.id', 'appeals.handler_id')
    .selectAll('appeals')
    .select(['village.name as village_name', 'handler.name as handler_name'])
    .$if(cursor !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('appeals.received_at', '<', cursor?.[0] ?? ''),
          eb.and([
            eb('appeals.received_at', '=', cursor?.[0] ?? ''),
            eb('appeals.id', '<', cursor?.[1] ?? ''),
          ]),
        ]),
      ),
    )
    .orderBy('appeals.received_at', 'desc')
    .orderBy('appeals.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** How many appeals a filter and queue select in a subtree. */
export async function countAppeals(
  db: Db,
  scope: AreaScope,
  filter: AppealFilter,
  ctx: { callerId: string; now: string },
): Promise<number> {
  const row = await matching(db, scope, filter, ctx)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Writes a change only if nobody else changed the appeal since `version` was read. */
export async function updateAppeal(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<AppealsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('appeals')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvents(db: Db, rows: Insertable<AppealEventsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('appeal_events').values(rows).execute();
}

export async function appealEvents(db: Db, appealId: string): Promise<EventRow[]> {
  return db
    .selectFrom('appeal_events')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertCallback(db: Db, row: Insertable<AppealCallbacksTable>): Promise<void> {
  await db.insertInto('appeal_callbacks').values(row).execute();
}

export async function latestCallback(db: Db, appealId: string) {
  return db
    .selectFrom('appeal_callbacks')
    .leftJoin('users', 'users.id', 'appeal_callbacks.done_by')
    .selectAll('appeal_callbacks')
    .select('users.name as done_by_name')
    .where('appeal_id', '=', appealId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function updateCallback(db: Db, id: string, patch: Updateable<AppealCallbacksTable>) {
  await db.updateTable('appeal_callbacks').set(patch).where('id', '=', id).execute();
}

/** Open callbacks in the caller's area, the most urgent first; never the caller's own cases. */
export async function openCallbacks(db: Db, scope: AreaScope, callerId: string, limit: number) {
  return db
    .selectFrom('appeal_callbacks')
    .innerJoin('appeals', 'appeals.id', 'appeal_callbacks.appeal_id')
    .innerJoin('areas as village', 'village.code', 'appeals.village_code')
    .leftJoin('users as handler', 'handler.id', 'appeals.handler_id')
    .select([
      'appeal_callbacks.id',
      'appeal_callbacks.appeal_id',
      'appeal_callbacks.due_at',
      'appeal_callbacks.attempts',
      'appeals.tracking_code',
      'appeals.title',
      'appeals.resolved_at',
      'village.name as village_name',
      'handler.name as handler_name',
    ])
    .where('appeal_callbacks.done_at', 'is', null)
    .where((eb) => inScope(eb, 'appeal_callbacks.area_code', scope))
    .where((eb) =>
      eb.or([
        eb('appeal_callbacks.handler_id', 'is', null),
        eb('appeal_callbacks.handler_id', '!=', callerId),
      ]),
    )
    .orderBy('appeal_callbacks.due_at')
    .limit(limit)
    .execute();
}

/** Recent appeals of a village and category that a new one may repeat. */
export async function similarCandidates(
  db: Db,
  villageCode: string,
  categoryCode: string,
  since: string,
  excludeId: string | undefined,
) {
  return db
    .selectFrom('appeals')
    .select(['id', 'tracking_code', 'title', 'description', 'status', 'received_at'])
    .where('village_code', '=', villageCode)
    .where('category_code', '=', categoryCode)
    .where('received_at', '>=', since)
    .where('status', 'in', [...open, 'resolved'])
    .$if(excludeId !== undefined, (qb) => qb.where('id', '!=', excludeId ?? ''))
    .orderBy('received_at', 'desc')
    .limit(500)
    .execute();
}

/** The counts behind the three rates, for appeals received in [from, to) in a subtree. */
export async function appealCounts(db: Db, scope: AreaScope, from: string, to: string) {
  const count = (condition: ReturnType<typeof sql<boolean>>) =>
    sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  const row = await db
    .selectFrom('appeals')
    .where((eb) => inScope(eb, 'appeals.village_code', scope))
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .where('status', '!=', 'merged')
    .select([
      sql<number>`count(*)`.as('received'),
      count(sql<boolean>`accepted_at is not null or status = 'returned'`).as('responded'),
      count(sql<boolean>`resolved_at is not null`).as('resolved'),
      count(sql<boolean>`resolved_at is not null and resolved_at <= resolution_due_at`).as('on_time'),
      count(sql<boolean>`rating is not null`).as('rated'),
      count(sql<boolean>`rating in ('satisfied', 'basically_satisfied')`).as('satisfied'),
      count(sql<boolean>`resolved_level = 'village'`).as('at_village'),
      count(sql<boolean>`resolved_level = 'town'`).as('at_town'),
      count(sql<boolean>`max_level = 'district'`).as('to_district'),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<
    keyof typeof row,
    number
  >;
}
