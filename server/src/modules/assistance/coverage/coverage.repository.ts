import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { DB } from '../../../db/schema';
import { type AreaScope, inScope } from '../../../platform/scope';

// The SQL of the coverage reports: what the registry, the visits and the appeals say at the
// time of asking (nothing is stored).

/** Visits between two calendar days, both included; only those a cadre took part in when named. */
export interface VisitWindow {
  from: string;
  to: string;
  cadreId?: string | undefined;
}

const poorTags = ['dibao', 'tekun', 'monitored'];
const deputyRoles = ['party_congress_deputy', 'peoples_congress_deputy', 'cppcc_member'];
const cadreRoles = ['village_cadre', 'group_cadre'];

/** `public_roles` (a JSON array of codes) holds one of `roles`. */
function holdsRole(roles: string[]) {
  return sql<boolean>`(${sql.join(
    roles.map((role) => sql`r.public_roles like ${`%"${role}"%`}`),
    sql` or `,
  )})`;
}

/**
 * Residents in `scope`. A district's subtree is the whole table: read in table order it is one
 * scan, while the area index would fetch every row at random (three times slower on SQLite),
 * so the district's test is written so that no index applies.
 */
function residentsIn(eb: ExpressionBuilder<DB & { r: DB['residents'] }, 'r'>, scope: AreaScope) {
  if (scope.kind !== 'district') return inScope(eb, 'r.area_code', scope);
  return sql<boolean>`substr(r.area_code, 1, ${scope.prefix.length}) = ${scope.prefix}`;
}

const flag = (condition: ReturnType<typeof sql<boolean>>) =>
  sql<number>`case when ${condition} then 1 else 0 end`;

/**
 * Every household in `scope` that some must-visit group flags, with a 0/1 column per group and
 * whether a visit in the window reached it. One statement: the union of the flagged household
 * ids from households, their tags and their members, folded per household, each probed once in
 * the visits index. A member is a veteran party member when they joined by `joinedBy`.
 */
export function mustVisitRows(db: Db, scope: AreaScope, period: VisitWindow, joinedBy: number) {
  const veteran = sql<boolean>`(r.party_member = ${true} and r.party_join_year <= ${joinedBy})`;
  const deputy = holdsRole(deputyRoles);
  const cadre = holdsRole(cadreRoles);
  const zero = sql<number>`0`;
  const visited = (eb: ExpressionBuilder<DB & { h: DB['households'] }, 'h'>) =>
    period.cadreId
      ? eb(
          'h.id',
          'in',
          eb
            .selectFrom('visit_cadres as vc')
            .innerJoin('visits as v', 'v.id', 'vc.visit_id')
            .select('v.household_id')
            .where('vc.cadre_id', '=', period.cadreId)
            .where('vc.date', '>=', period.from)
            .where('vc.date', '<=', period.to)
            .where('v.household_id', 'is not', null),
        )
      : eb.exists(
          eb
            .selectFrom('visits as v')
            .select(sql<number>`1`.as('one'))
            .whereRef('v.household_id', '=', 'h.id')
            .where('v.date', '>=', period.from)
            .where('v.date', '<=', period.to),
        );

  return db
    .with('flagged', (qb) =>
      qb
        .selectFrom('households as fh')
        .select([
          'fh.id as household_id',
          sql<number>`1`.as('poor'),
          zero.as('wubao'),
          zero.as('veteran'),
          zero.as('deputies'),
          zero.as('cadres'),
        ])
        .where('fh.tier', '=', 'priority')
        .where((eb) => inScope(eb, 'fh.area_code', scope))
        .unionAll(
          qb
            .selectFrom('household_tags as t')
            .select([
              't.household_id',
              flag(sql<boolean>`t.tag_code <> 'wubao'`).as('poor'),
              flag(sql<boolean>`t.tag_code = 'wubao'`).as('wubao'),
              zero.as('veteran'),
              zero.as('deputies'),
              zero.as('cadres'),
            ])
            .where('t.tag_code', 'in', [...poorTags, 'wubao']),
        )
        .unionAll(
          qb
            .selectFrom('residents as r')
            .select([
              'r.household_id',
              zero.as('poor'),
              zero.as('wubao'),
              flag(veteran).as('veteran'),
              flag(deputy).as('deputies'),
              flag(cadre).as('cadres'),
            ])
            .where('r.status', '=', 'active')
            .where((eb) => residentsIn(eb, scope))
            // Every public role makes a must-visit (a deputy or a cadre): a cheap test of the list
            // picks the members, and the pattern tests run only on the few it picks.
            .where(sql<boolean>`(${veteran} or r.public_roles <> '[]')`),
        ),
    )
    .with('must', (qb) =>
      qb
        .selectFrom('flagged')
        .select((eb) => [
          'flagged.household_id',
          eb.fn.max('flagged.poor').as('poor'),
          eb.fn.max('flagged.wubao').as('wubao'),
          eb.fn.max('flagged.veteran').as('veteran'),
          eb.fn.max('flagged.deputies').as('deputies'),
          eb.fn.max('flagged.cadres').as('cadres'),
        ])
        .groupBy('flagged.household_id'),
    )
    .selectFrom('must')
    .innerJoin('households as h', 'h.id', 'must.household_id')
    .select((eb) => [
      'h.id',
      'h.area_code',
      'h.village_code',
      'h.number',
      'must.poor',
      'must.wubao',
      'must.veteran',
      'must.deputies',
      'must.cadres',
      sql<number>`case when ${visited(eb)} then 1 else 0 end`.as('visited'),
    ])
    .where('h.status', '=', 'active')
    .where((eb) => inScope(eb, 'h.area_code', scope))
    .execute();
}

/** The head's name and the village's name of some households. */
export function householdNames(db: Db, ids: string[]) {
  return db
    .selectFrom('households as h')
    .innerJoin('areas as village', 'village.code', 'h.village_code')
    .leftJoin('residents as head', 'head.id', 'h.head_resident_id')
    .select(['h.id', 'head.name as head_name', 'village.name as village_name'])
    .where('h.id', 'in', ids)
    .execute();
}

/** The areas directly under an area, by code. */
export function childAreasOf(db: Db, areaCode: string): Promise<{ code: string; name: string }[]> {
  return db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('parent_code', '=', areaCode)
    .orderBy('code')
    .execute();
}

/** The villages of `scope` with their town and the flags that make a must-go village. */
export function villagesWithFlags(db: Db, scope: AreaScope) {
  return db
    .selectFrom('areas as a')
    .innerJoin('areas as town', 'town.code', 'a.parent_code')
    .select([
      'a.code',
      'a.name',
      'town.name as town_name',
      'a.extremely_poor',
      'a.remote',
      'a.hard_to_advance',
      'a.disaster_hit',
      'a.disaster_from',
      'a.disaster_to',
    ])
    .where('a.kind', '=', 'village')
    .where((eb) => inScope(eb, 'a.code', scope))
    .orderBy('a.code')
    .execute();
}

/**
 * The villages of `scope` that received at least `threshold` appeals between two instants
 * (ISO timestamps, from included, to excluded). Every appeal counts, merged duplicates too.
 */
export async function villagesWithAppeals(
  db: Db,
  scope: AreaScope,
  from: string,
  to: string,
  threshold: number,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('appeals')
    .select((eb) => ['village_code', eb.fn.countAll<number>().as('n')])
    .where((eb) => inScope(eb, 'village_code', scope))
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .groupBy('village_code')
    .having((eb) => eb.fn.countAll(), '>=', threshold)
    .execute();
  return new Set(rows.map((r) => r.village_code));
}

/**
 * Village visits (to no household) in `scope` per village up to `window.to` (from `window.from`
 * when given): how many, and the latest day.
 */
export async function villageVisits(
  db: Db,
  scope: AreaScope,
  window: { from: string | null; to: string; cadreId?: string | undefined },
): Promise<{ village_code: string; n: number; last: string }[]> {
  const { from, to, cadreId } = window;
  const base = cadreId
    ? db
        .selectFrom('visit_cadres as vc')
        .innerJoin('visits as v', 'v.id', 'vc.visit_id')
        .where('vc.cadre_id', '=', cadreId)
        .where('vc.date', '<=', to)
        .$if(from !== null, (qb) => qb.where('vc.date', '>=', from ?? ''))
    : db
        .selectFrom('visits as v')
        .where('v.date', '<=', to)
        .$if(from !== null, (qb) => qb.where('v.date', '>=', from ?? ''));
  const rows = await base
    .select((eb) => ['v.village_code', eb.fn.countAll<number>().as('n'), eb.fn.max('v.date').as('last')])
    .where('v.household_id', 'is', null)
    .where((eb) => inScope(eb, 'v.village_code', scope))
    .groupBy('v.village_code')
    .execute();
  return rows.map((r) => ({ village_code: r.village_code, n: Number(r.n), last: String(r.last) }));
}
