import type { AppealLevel, AppealStatus } from '@lianxin/common';
import { openAppealStatuses } from '@lianxin/common';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { type Db, likeContains } from '../../../db/dialect';
import type { DB } from '../../../db/schema';
import { type AreaScope, inScope, type Scope } from '../../../platform/scope';
import { appealInReach, isOpenAppeal } from '../appeals.repository';

const open = [...openAppealStatuses];

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

/**
 * Which appeals a list or count looks at: those in the caller's reach, narrowed to an area's
 * subtree when a filter names one (`within`).
 */
export interface AppealReach {
  scope: Scope;
  within: AreaScope | null;
}

/** The appeals of a reach that a filter and queue select, without order or page. */
function matching(db: Db, reach: AppealReach, filter: AppealFilter, ctx: { callerId: string; now: string }) {
  const { queue } = filter;
  const { scope, within } = reach;
  return db
    .selectFrom('appeals')
    .where((eb) => appealInReach(eb, scope))
    .$if(within !== null, (qb) => qb.where((eb) => inScope(eb, 'appeals.village_code', within as AreaScope)))
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
        // Only an area's callers hold appeals waiting for a handler.
        .where((eb) =>
          scope.reach === 'area' ? inScope(eb, 'appeals.holder_area_code', scope) : eb.val(false),
        ),
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
  reach: AppealReach,
  filter: AppealFilter,
  ctx: { callerId: string; now: string },
  cursor: string[] | null,
  limit: number,
) {
  return matching(db, reach, filter, ctx)
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
  reach: AppealReach,
  filter: AppealFilter,
  ctx: { callerId: string; now: string },
): Promise<number> {
  const row = await matching(db, reach, filter, ctx)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
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
