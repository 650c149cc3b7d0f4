import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type {
  ProjectAccountabilitiesTable,
  ProjectSpendingsTable,
  ProjectStagesTable,
  ProjectsTable,
} from '../../../db/schema';
import { type AreaScope, inScope } from '../../../platform/scope';

// Major investment projects' SQL: projects filtered by the caller's area subtree, their stages,
// spending and accountability records. Amounts are fen.

function projectRows(db: Db) {
  return db
    .selectFrom('projects')
    .innerJoin('areas', 'areas.code', 'projects.area_code')
    .selectAll('projects')
    .select('areas.name as area_name')
    .select((eb) => [
      eb
        .selectFrom('project_spendings')
        .select((s) => s.fn.coalesce(s.fn.sum<number>('amount_fen'), s.lit(0)).as('n'))
        .whereRef('project_spendings.project_id', '=', 'projects.id')
        .as('spent_fen'),
      eb
        .selectFrom('project_stages')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('project_stages.project_id', '=', 'projects.id')
        .as('stage_count'),
      eb
        .selectFrom('project_stages')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('project_stages.project_id', '=', 'projects.id')
        .where('project_stages.completed_on', 'is not', null)
        .as('done_count'),
    ]);
}

export type ProjectRow = Awaited<ReturnType<ReturnType<typeof projectRows>['execute']>>[number];

/** The projects in `scope`, the latest first; `lateOn`: only those with a stage past due on that China day. */
export async function listProjectRows(
  db: Db,
  scope: AreaScope,
  filter: { areaCode?: string | undefined; lateOn?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ rows: ProjectRow[]; total: number }> {
  let query = projectRows(db).where((eb) => inScope(eb, 'projects.area_code', scope));
  if (filter.areaCode) query = query.where('projects.area_code', '=', filter.areaCode);
  const lateOn = filter.lateOn;
  if (lateOn) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_stages')
          .select('project_stages.id')
          .whereRef('project_stages.project_id', '=', 'projects.id')
          .where('project_stages.completed_on', 'is', null)
          .where('project_stages.due_on', '<', lateOn),
      ),
    );
  }
  const rows = await query
    .orderBy('projects.created_at', 'desc')
    .orderBy('projects.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** A project in `scope`; undefined when there is none or it is outside. */
export function findProject(db: Db, scope: AreaScope, id: string): Promise<ProjectRow | undefined> {
  return projectRows(db)
    .where('projects.id', '=', id)
    .where((eb) => inScope(eb, 'projects.area_code', scope))
    .executeTakeFirst();
}

/** The projects of exactly one village, the latest first, for its public page. */
export function projectsOfArea(db: Db, areaCode: string, limit: number): Promise<ProjectRow[]> {
  return projectRows(db)
    .where('projects.area_code', '=', areaCode)
    .orderBy('projects.created_at', 'desc')
    .orderBy('projects.id', 'desc')
    .limit(limit)
    .execute();
}

/** The kind of an area in `scope`, if it is one. */
export async function areaKindInScope(db: Db, scope: AreaScope, code: string) {
  const row = await db
    .selectFrom('areas')
    .select('kind')
    .where('code', '=', code)
    .where((eb) => inScope(eb, 'code', scope))
    .executeTakeFirst();
  return row?.kind;
}

export async function insertProject(db: Db, row: Insertable<ProjectsTable>): Promise<void> {
  await db.insertInto('projects').values(row).execute();
}

export async function insertStages(db: Db, rows: Insertable<ProjectStagesTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('project_stages').values(rows).execute();
}

export async function insertSpending(db: Db, row: Insertable<ProjectSpendingsTable>): Promise<void> {
  await db.insertInto('project_spendings').values(row).execute();
}

export async function insertAccountability(
  db: Db,
  row: Insertable<ProjectAccountabilitiesTable>,
): Promise<void> {
  await db.insertInto('project_accountabilities').values(row).execute();
}

/** Marks the project changed (its version moves on), so a page read before shows it changed. */
export async function touchProject(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('projects')
    .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function setProjectNotice(db: Db, id: string, noticeId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('projects')
    .set((eb) => ({ notice_id: noticeId, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('notice_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function stagesOf(db: Db, projectIds: readonly string[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project_stages')
    .leftJoin('project_spendings as sp', 'sp.stage_id', 'project_stages.id')
    .select([
      'project_stages.id',
      'project_stages.project_id',
      'project_stages.seq',
      'project_stages.name',
      'project_stages.due_on',
      'project_stages.completed_on',
      'project_stages.note',
    ])
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('sp.amount_fen'), eb.lit(0)).as('spent_fen'))
    .where('project_stages.project_id', 'in', projectIds)
    .groupBy([
      'project_stages.id',
      'project_stages.project_id',
      'project_stages.seq',
      'project_stages.name',
      'project_stages.due_on',
      'project_stages.completed_on',
      'project_stages.note',
    ])
    .orderBy('project_stages.project_id')
    .orderBy('project_stages.seq')
    .execute();
}

export type StageRow = Awaited<ReturnType<typeof stagesOf>>[number];

/** Completes a stage not completed yet; false when it already was. */
export async function completeStageRow(
  db: Db,
  projectId: string,
  stageId: string,
  completedOn: string,
  note: string,
): Promise<boolean> {
  const result = await db
    .updateTable('project_stages')
    .set({ completed_on: completedOn, note })
    .where('id', '=', stageId)
    .where('project_id', '=', projectId)
    .where('completed_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function spendingsOf(db: Db, projectId: string) {
  return db
    .selectFrom('project_spendings')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('spent_on')
    .orderBy('created_at')
    .execute();
}

export function accountabilitiesOf(db: Db, projectId: string) {
  return db
    .selectFrom('project_accountabilities')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('decided_on')
    .orderBy('created_at')
    .execute();
}

/** Whether `objectionId` is an objection to the notice `noticeId` (the project's notice). */
export async function isObjectionTo(db: Db, noticeId: string, objectionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('notice_comments')
    .select('id')
    .where('id', '=', objectionId)
    .where('notice_id', '=', noticeId)
    .where('kind', '=', 'objection')
    .executeTakeFirst();
  return row !== undefined;
}
