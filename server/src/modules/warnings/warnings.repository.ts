import type { WarningKind, WarningSeverity, WarningStatus, WarningsListQuery } from '@lianxin/common';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../db/dialect';
import type { WarningsTable } from '../../db/schema';
import { chunks } from '../../platform/collections';
import { type AreaScope, inScope } from '../../platform/scope';

export type WarningRow = Selectable<WarningsTable>;

/** An appeal the scan looks at: what it says, where, and who reported it. */
export interface CandidateRow {
  id: string;
  title: string;
  description: string;
  village_code: string;
  town_code: string | null;
  category_code: string;
  received_at: string;
  household_id: string | null;
  reporter_resident_id: string | null;
  reporter_phone_hash: string | null;
}

/**
 * The early-warning scan's candidate query: every appeal of the district received since `since`
 * (merged duplicates left out), with its village's town. Rides the `appeals_received` index.
 */
export async function scanCandidates(db: Db, since: string): Promise<CandidateRow[]> {
  return candidates(db, since).execute();
}

/** The candidates' columns; a repeat needs no description (it is not compared), only the title. */
function candidates(db: Db, since: string, withDescription = true) {
  return db
    .selectFrom('appeals as a')
    .leftJoin('areas as v', 'v.code', 'a.village_code')
    .select((eb) => [
      'a.id',
      'a.title',
      withDescription ? 'a.description' : sql<string>`''`.as('description'),
      'a.village_code',
      // A village's town; an appeal placed at a town (or the district) sits in that area itself.
      eb
        .case()
        .when('v.kind', '=', 'village')
        .then(eb.ref('v.parent_code'))
        .else(eb.ref('a.village_code'))
        .end()
        .as('town_code'),
      'a.category_code',
      'a.received_at',
      'a.household_id',
      'a.reporter_resident_id',
      'a.reporter_phone_hash',
    ])
    .where('a.received_at', '>=', since)
    .where('a.status', '!=', 'merged');
}

/**
 * Who appealed at least `min` times since `since`: the resident, or the phone when no resident is
 * known. Counted in the database, so the scan reads the text of the cluster window only.
 */
export async function repeatReporters(db: Db, since: string, min: number): Promise<string[]> {
  const rows = await db
    .selectFrom('appeals as a')
    .select((eb) => eb.fn.coalesce('a.reporter_resident_id', 'a.reporter_phone_hash').as('reporter'))
    .where('a.received_at', '>=', since)
    .where('a.status', '!=', 'merged')
    .where((eb) =>
      eb.or([eb('a.reporter_resident_id', 'is not', null), eb('a.reporter_phone_hash', 'is not', null)]),
    )
    .groupBy((eb) => eb.fn.coalesce('a.reporter_resident_id', 'a.reporter_phone_hash'))
    .having((eb) => eb.fn.countAll(), '>=', min)
    .limit(10_000)
    .execute();
  return rows.map((r) => r.reporter).filter((r): r is string => r !== null);
}

/** The appeals since `since` of these reporters (as `repeatReporters` names them). */
export async function appealsOfReporters(
  db: Db,
  since: string,
  /** Received before this (the scan has the later ones already); none for every one since `since`. */
  until: string | null,
  reporters: readonly string[],
): Promise<CandidateRow[]> {
  const rows: CandidateRow[] = [];
  for (const part of chunks(reporters, 500)) {
    rows.push(
      ...(await candidates(db, since, false)
        .$if(until !== null, (qb) => qb.where('a.received_at', '<', until as string))
        // One key, as `repeatReporters` counts: the window's index leads, not the phone's.
        .where((eb) => eb.fn.coalesce('a.reporter_resident_id', 'a.reporter_phone_hash'), 'in', part)
        .execute()),
    );
  }
  return rows;
}

/** The warnings (of any status) that already stand on these appeals, per appeal. */
export async function warningsOnAppeals(
  db: Db,
  appealIds: readonly string[],
): Promise<{ appeal_id: string; id: string; kind: WarningKind; status: WarningStatus; raised_at: string }[]> {
  const rows = [];
  for (const part of chunks(appealIds, 500)) {
    rows.push(
      ...(await db
        .selectFrom('warning_appeals as wa')
        .innerJoin('warnings as w', 'w.id', 'wa.warning_id')
        .select(['wa.appeal_id', 'w.id', 'w.kind', 'w.status', 'w.raised_at'])
        .where('wa.appeal_id', 'in', part)
        .execute()),
    );
  }
  return rows;
}

/** Stores a new warning with its evidence; false when its cluster key is taken (raised already). */
export async function insertWarning(
  db: Db,
  row: Insertable<WarningsTable> & { id: string },
  appealIds: readonly string[],
): Promise<boolean> {
  const inserted = await db
    .insertInto('warnings')
    .values(row)
    .onConflict((oc) => oc.column('cluster_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await linkAppeals(db, row.id, appealIds);
  return true;
}

/** Adds appeals to a warning's evidence. */
export async function linkAppeals(db: Db, warningId: string, appealIds: readonly string[]): Promise<void> {
  for (const part of chunks(appealIds, 500)) {
    await db
      .insertInto('warning_appeals')
      .values(part.map((appeal_id) => ({ warning_id: warningId, appeal_id })))
      .onConflict((oc) => oc.columns(['warning_id', 'appeal_id']).doNothing())
      .execute();
  }
}

/** A grown cluster: its new counts, span and severity on the warning already raised. */
export async function updateGrown(
  db: Db,
  id: string,
  change: {
    appeal_count: number;
    household_count: number;
    last_at: string;
    severity: WarningSeverity;
    area_code: string;
    summary: string;
    updated_at: string;
  },
): Promise<void> {
  await db
    .updateTable('warnings')
    .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function findWarning(db: Db, scope: AreaScope, id: string): Promise<WarningRow | undefined> {
  return db
    .selectFrom('warnings')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'area_code', scope))
    .executeTakeFirst();
}

/** A state change of a warning the caller reaches, made only from the version they read. */
export async function updateWarningState(
  db: Db,
  id: string,
  version: number,
  change: Partial<Omit<WarningRow, 'id' | 'version'>>,
): Promise<boolean> {
  const updated = await db
    .updateTable('warnings')
    .set({ ...change, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function listWarningRows(
  db: Db,
  scope: AreaScope,
  query: WarningsListQuery,
): Promise<{ rows: WarningRow[]; total: number }> {
  const base = db
    .selectFrom('warnings')
    .where((eb) => inScope(eb, 'area_code', scope))
    .$if(query.status !== undefined, (qb) => qb.where('status', '=', query.status as WarningStatus))
    .$if(query.kind !== undefined, (qb) => qb.where('kind', '=', query.kind as WarningKind))
    .$if(query.severity !== undefined, (qb) => qb.where('severity', '=', query.severity as WarningSeverity))
    // A town's own warnings and those of its villages; a village's own.
    .$if(query.areaCode !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('area_code', '=', query.areaCode as string),
          eb('town_code', '=', query.areaCode as string),
        ]),
      ),
    )
    .$if(query.from !== undefined, (qb) => qb.where('raised_at', '>=', query.from as string))
    .$if(query.to !== undefined, (qb) => qb.where('raised_at', '<', query.to as string));
  const rows = await base
    .selectAll()
    .orderBy('raised_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

/** The appeals a warning stands on, oldest first. */
export async function warningEvidence(db: Db, warningId: string) {
  return db
    .selectFrom('warning_appeals as wa')
    .innerJoin('appeals as a', 'a.id', 'wa.appeal_id')
    .select([
      'a.id',
      'a.tracking_code',
      'a.title',
      'a.village_code',
      'a.category_code',
      'a.status',
      'a.received_at',
    ])
    .where('wa.warning_id', '=', warningId)
    .orderBy('a.received_at')
    .execute();
}

/** Warnings raised in the caller's area over a period: the area view and the trend count them. */
export async function warningsRaisedIn(db: Db, scope: AreaScope, from: string, to: string) {
  return db
    .selectFrom('warnings')
    .select(['area_code', 'town_code', 'kind', 'severity', 'status', 'raised_at'])
    .where((eb) => inScope(eb, 'area_code', scope))
    .where('raised_at', '>=', from)
    .where('raised_at', '<', to)
    .limit(50_000)
    .execute();
}

/**
 * The cluster warnings (similar appeals of one category) raised in the area over a period, most
 * appeals first, with their appeals: 每月一题 proposes them as topics.
 */
export async function clusterWarningsRaisedIn(
  db: Db,
  scope: AreaScope,
  from: string,
  to: string,
  limit: number,
) {
  return db
    .selectFrom('warnings')
    .select(['id', 'area_code', 'category_code', 'summary', 'appeal_count', 'raised_at'])
    .where('kind', '=', 'cluster')
    .where('category_code', 'is not', null)
    .where((eb) => inScope(eb, 'area_code', scope))
    .where('raised_at', '>=', from)
    .where('raised_at', '<', to)
    .orderBy('appeal_count', 'desc')
    .orderBy('raised_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countActiveWarnings(db: Db, scope: AreaScope): Promise<number> {
  const { n } = await db
    .selectFrom('warnings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => inScope(eb, 'area_code', scope))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Areas by code: names, and each one's parent (a village's town, a town's district). */
export async function areasByCode(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('areas')
    .select(['code', 'name', 'kind', 'parent_code'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
}

export async function childAreas(db: Db, parentCode: string) {
  return db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('parent_code', '=', parentCode)
    .orderBy('code')
    .execute();
}

/** The active accounts of the roles at a town or anywhere below it, by name. */
export async function accountsUnderTown(db: Db, roles: readonly string[], townCode: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'area_code'])
    .where('disabled_at', 'is', null)
    .where('role', 'in', [...roles])
    .where('area_code', 'like', `${townCode.slice(0, 9)}%`)
    .orderBy('name')
    .execute();
}

/** Names of accounts, for who acknowledged, handled or closed a warning. */
export async function accountNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
