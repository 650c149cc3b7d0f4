import type { MonthlyTopicsListQuery } from '@lianxin/common';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { MonthlyTopicMeasuresTable, MonthlyTopicsTable } from '../../../db/schema';
import { type AreaScope, inScope, type Scope } from '../../../platform/scope';

// An area caller reaches the topics of areas inside its own; a unit's staff the topics their unit leads.
function topicsInReach(db: Db, scope: Scope) {
  return db.selectFrom('monthly_topics').where((eb) => {
    switch (scope.reach) {
      case 'area':
        return inScope(eb, 'monthly_topics.area_code', scope);
      case 'unit':
        return eb('monthly_topics.lead_unit_id', '=', scope.unitId);
      default:
        return eb.val(false);
    }
  });
}

function topicRows(db: Db, scope: Scope) {
  return topicsInReach(db, scope)
    .innerJoin('areas', 'areas.code', 'monthly_topics.area_code')
    .innerJoin('appeal_categories as category', 'category.code', 'monthly_topics.category_code')
    .innerJoin('units', 'units.id', 'monthly_topics.lead_unit_id')
    .leftJoin('users', 'users.id', 'monthly_topics.created_by')
    .select((eb) => [
      'monthly_topics.id',
      'monthly_topics.month',
      'monthly_topics.area_code',
      'areas.name as area_name',
      'areas.kind as area_kind',
      'monthly_topics.category_code',
      'category.name_zh as category_name_zh',
      'category.name_en as category_name_en',
      'monthly_topics.title',
      'monthly_topics.description',
      'monthly_topics.lead_unit_id',
      'units.name as lead_unit_name',
      'monthly_topics.goal_percent',
      'monthly_topics.goal_text',
      'monthly_topics.status',
      'monthly_topics.created_at',
      'users.name as created_by_name',
      'monthly_topics.closed_at',
      'monthly_topics.outcome_note',
      'monthly_topics.version',
      eb
        .selectFrom('monthly_topic_appeals')
        .whereRef('monthly_topic_appeals.topic_id', '=', 'monthly_topics.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('appeal_count'),
      eb
        .selectFrom('monthly_topic_measures')
        .whereRef('monthly_topic_measures.topic_id', '=', 'monthly_topics.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('measure_count'),
      eb
        .selectFrom('monthly_topic_measures')
        .whereRef('monthly_topic_measures.topic_id', '=', 'monthly_topics.id')
        .where('monthly_topic_measures.done_at', 'is not', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('measures_done'),
    ]);
}

export type TopicRow = NonNullable<Awaited<ReturnType<typeof findTopic>>>;

/** Topics in the caller's reach, the latest month first. */
export async function listTopics(db: Db, scope: Scope, query: MonthlyTopicsListQuery) {
  return topicRows(db, scope)
    .$if(query.month !== undefined, (qb) => qb.where('monthly_topics.month', '=', query.month ?? ''))
    .$if(query.status !== undefined, (qb) => qb.where('monthly_topics.status', '=', query.status ?? 'open'))
    .orderBy('monthly_topics.month', 'desc')
    .orderBy('monthly_topics.area_code')
    .orderBy('monthly_topics.created_at')
    .limit(500)
    .execute();
}

export async function findTopic(db: Db, scope: Scope, id: string) {
  return topicRows(db, scope).where('monthly_topics.id', '=', id).executeTakeFirst();
}

/** The topics of the months `from` to `to` (YYYY-MM) in areas inside `scope`: for the bulletin. */
export async function topicsOfMonths(db: Db, scope: AreaScope, from: string, to: string) {
  return topicRows(db, scope)
    .where('monthly_topics.month', '>=', from)
    .where('monthly_topics.month', '<=', to)
    .orderBy('monthly_topics.month', 'desc')
    .orderBy('monthly_topics.area_code')
    .orderBy('monthly_topics.created_at')
    .execute();
}

/** The appeals linked to a topic: public fields only. */
export async function topicAppeals(db: Db, topicId: string) {
  return db
    .selectFrom('monthly_topic_appeals')
    .innerJoin('appeals', 'appeals.id', 'monthly_topic_appeals.appeal_id')
    .innerJoin('areas', 'areas.code', 'appeals.village_code')
    .select([
      'appeals.id',
      'appeals.tracking_code',
      'appeals.title',
      'appeals.village_code',
      'areas.name as village_name',
      'appeals.received_at',
      'appeals.status',
    ])
    .where('monthly_topic_appeals.topic_id', '=', topicId)
    .orderBy('appeals.received_at', 'desc')
    .orderBy('appeals.id')
    .execute();
}

export type TopicAppealRow = Awaited<ReturnType<typeof topicAppeals>>[number];

export async function topicMeasures(db: Db, topicId: string) {
  return db
    .selectFrom('monthly_topic_measures')
    .innerJoin('units', 'units.id', 'monthly_topic_measures.unit_id')
    .select([
      'monthly_topic_measures.id',
      'monthly_topic_measures.text',
      'monthly_topic_measures.unit_id',
      'units.name as unit_name',
      'monthly_topic_measures.due_date',
      'monthly_topic_measures.done_at',
    ])
    .where('monthly_topic_measures.topic_id', '=', topicId)
    .orderBy('monthly_topic_measures.due_date')
    .orderBy('monthly_topic_measures.created_at')
    .orderBy('monthly_topic_measures.id')
    .execute();
}

export async function findMeasure(db: Db, topicId: string, id: string) {
  return db
    .selectFrom('monthly_topic_measures')
    .selectAll()
    .where('topic_id', '=', topicId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The topic already picked for a month, area and category, if any. */
export async function findTopicByKey(db: Db, key: { month: string; areaCode: string; categoryCode: string }) {
  return db
    .selectFrom('monthly_topics')
    .select('id')
    .where('month', '=', key.month)
    .where('area_code', '=', key.areaCode)
    .where('category_code', '=', key.categoryCode)
    .executeTakeFirst();
}

/** The topics of a month in areas inside `scope`, by month, area and category: marks picked proposals. */
export async function pickedTopics(db: Db, scope: AreaScope, month: string) {
  return db
    .selectFrom('monthly_topics')
    .select(['id', 'area_code', 'category_code'])
    .where('month', '=', month)
    .where((eb) => inScope(eb, 'area_code', scope))
    .execute();
}

export async function insertTopic(
  db: Db,
  topic: Insertable<MonthlyTopicsTable>,
  appealIds: string[],
  measures: Insertable<MonthlyTopicMeasuresTable>[],
): Promise<void> {
  await db.insertInto('monthly_topics').values(topic).execute();
  await linkAppeals(db, topic.id, appealIds);
  if (measures.length > 0) await db.insertInto('monthly_topic_measures').values(measures).execute();
}

async function linkAppeals(db: Db, topicId: string, appealIds: string[]): Promise<void> {
  if (appealIds.length === 0) return;
  await db
    .insertInto('monthly_topic_appeals')
    .values(appealIds.map((appeal_id) => ({ topic_id: topicId, appeal_id })))
    .execute();
}

/** Links exactly these appeals to the topic. */
export async function replaceTopicAppeals(db: Db, topicId: string, appealIds: string[]): Promise<void> {
  await db.deleteFrom('monthly_topic_appeals').where('topic_id', '=', topicId).execute();
  await linkAppeals(db, topicId, appealIds);
}

/** Optimistic update: false when the version moved on. */
export async function updateTopic(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<MonthlyTopicsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('monthly_topics')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A change of a measure moves its topic's version on, so a stale edit of the topic is refused. */
export async function touchTopic(db: Db, id: string): Promise<void> {
  await db
    .updateTable('monthly_topics')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function insertMeasure(db: Db, measure: Insertable<MonthlyTopicMeasuresTable>): Promise<void> {
  await db.insertInto('monthly_topic_measures').values(measure).execute();
}

export async function updateMeasure(
  db: Db,
  id: string,
  changes: Updateable<MonthlyTopicMeasuresTable>,
): Promise<void> {
  await db.updateTable('monthly_topic_measures').set(changes).where('id', '=', id).execute();
}

/** The appeals among `ids` in `scope`, with what a link checks: category and village. */
export async function appealsToLink(db: Db, scope: AreaScope, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('appeals')
    .select(['id', 'category_code', 'village_code'])
    .where('id', 'in', ids)
    .where((eb) => inScope(eb, 'village_code', scope))
    .execute();
}

/**
 * Appeals received in [from, to) in `scope`, counted by category and by the first `childDigits`
 * digits of their village's code (the town of a district, the village of a town).
 */
export async function countsByCategoryAndChild(
  db: Db,
  scope: AreaScope,
  childDigits: number,
  from: string,
  to: string,
) {
  const child = sql<string>`substr(${sql.ref('village_code')}, 1, ${sql.lit(childDigits)})`;
  const rows = await db
    .selectFrom('appeals')
    .select((eb) => ['category_code', child.as('child'), eb.fn.countAll<number>().as('n')])
    .where((eb) => inScope(eb, 'village_code', scope))
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .groupBy(['category_code', child])
    .execute();
  return rows.map((r) => ({ categoryCode: r.category_code, child: r.child, count: Number(r.n) }));
}

/** How many appeals of a category were received in [from, to) in `scope`. */
export async function countAppeals(
  db: Db,
  scope: AreaScope,
  categoryCode: string,
  from: string,
  to: string,
): Promise<number> {
  const row = await db
    .selectFrom('appeals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => inScope(eb, 'village_code', scope))
    .where('category_code', '=', categoryCode)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The latest appeals of a category received in [from, to) in `scope`. */
export async function latestAppeals(
  db: Db,
  scope: AreaScope,
  categoryCode: string,
  from: string,
  to: string,
  limit: number,
) {
  return db
    .selectFrom('appeals')
    .innerJoin('areas', 'areas.code', 'appeals.village_code')
    .select([
      'appeals.id',
      'appeals.tracking_code',
      'appeals.title',
      'appeals.village_code',
      'areas.name as village_name',
      'appeals.received_at',
      'appeals.status',
    ])
    .where((eb) => inScope(eb, 'appeals.village_code', scope))
    .where('appeals.category_code', '=', categoryCode)
    .where('appeals.received_at', '>=', from)
    .where('appeals.received_at', '<', to)
    .orderBy('appeals.received_at', 'desc')
    .orderBy('appeals.id')
    .limit(limit)
    .execute();
}

/** Area names by code. */
export async function areaNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
