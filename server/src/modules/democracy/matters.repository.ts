import type { MatterKind, MatterStatus } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import { type Db, ilikeOperator, likeContains } from '../../db/dialect';
import type {
  MatterAttachmentsTable,
  MatterSpendingsTable,
  MattersTable,
  MatterTasksTable,
} from '../../db/schema';
import { type AreaScope, inScope } from '../../platform/scope';

// The SQL of matters (议题): the matter in the caller's reach, its carrying out (tasks, spending,
// files), and the meetings that deliberated it.

function matterRows(db: Db) {
  return db
    .selectFrom('matters')
    .innerJoin('areas', 'areas.code', 'matters.village_code')
    .selectAll('matters')
    .select('areas.name as village_name');
}

export type MatterRow = Awaited<ReturnType<ReturnType<typeof matterRows>['execute']>>[number];

export interface MatterFilter {
  /** A town's or a village's subtree inside the caller's reach. */
  within?: AreaScope | undefined;
  status?: MatterStatus | undefined;
  kind?: MatterKind | undefined;
  q?: string | undefined;
}

export async function listMatterRows(
  db: Db,
  scope: AreaScope,
  filter: MatterFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: MatterRow[]; total: number }> {
  let query = matterRows(db).where((eb) => inScope(eb, 'matters.village_code', scope));
  if (filter.within) {
    const within = filter.within;
    query = query.where((eb) => inScope(eb, 'matters.village_code', within));
  }
  if (filter.status) query = query.where('matters.status', '=', filter.status);
  if (filter.kind) query = query.where('matters.kind', '=', filter.kind);
  if (filter.q) {
    const pattern = likeContains(filter.q);
    query = query.where((eb) => eb('matters.title', ilikeOperator(db), eb.val(pattern)));
  }
  const rows = await query
    .orderBy('matters.updated_at', 'desc')
    .orderBy('matters.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await query
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export function findMatter(db: Db, scope: AreaScope, id: string) {
  return matterRows(db)
    .where('matters.id', '=', id)
    .where((eb) => inScope(eb, 'matters.village_code', scope))
    .executeTakeFirst();
}

/** Any matter with this id (a retried create recognized, or a clash with another area's). */
export function matterExists(db: Db, id: string) {
  return db.selectFrom('matters').select(['id', 'village_code']).where('id', '=', id).executeTakeFirst();
}

export async function insertMatter(db: Db, row: Insertable<MattersTable>): Promise<void> {
  await db.insertInto('matters').values(row).execute();
}

export async function updateMatter(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<MattersTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('matters')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Bumps the matter's version and change time (a task, a spending or a file added). */
export async function touchMatter(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('matters')
    .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export function matterMeetings(db: Db, matterId: string) {
  return db
    .selectFrom('meetings')
    .select([
      'id',
      'body',
      'step',
      'held_at',
      'status',
      'outcome',
      'votes_for',
      'votes_against',
      'votes_abstain',
    ])
    .where('matter_id', '=', matterId)
    .orderBy('held_at')
    .orderBy('created_at')
    .execute();
}

export function matterTasks(db: Db, matterId: string) {
  return db
    .selectFrom('matter_tasks')
    .selectAll()
    .where('matter_id', '=', matterId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertTask(db: Db, row: Insertable<MatterTasksTable>) {
  await db.insertInto('matter_tasks').values(row).execute();
}

export function findTask(db: Db, matterId: string, taskId: string) {
  return db
    .selectFrom('matter_tasks')
    .selectAll()
    .where('matter_id', '=', matterId)
    .where('id', '=', taskId)
    .executeTakeFirst();
}

export async function updateTask(db: Db, taskId: string, changes: Updateable<MatterTasksTable>) {
  await db.updateTable('matter_tasks').set(changes).where('id', '=', taskId).execute();
}

export function matterSpendings(db: Db, matterId: string) {
  return db
    .selectFrom('matter_spendings')
    .selectAll()
    .where('matter_id', '=', matterId)
    .orderBy('spent_on')
    .orderBy('id')
    .execute();
}

export async function insertSpending(db: Db, row: Insertable<MatterSpendingsTable>) {
  await db.insertInto('matter_spendings').values(row).execute();
}

export function matterAttachmentList(db: Db, matterId: string) {
  return db
    .selectFrom('matter_attachments')
    .select(['id', 'purpose', 'file_name', 'content_type', 'size', 'created_at'])
    .where('matter_id', '=', matterId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertMatterAttachment(db: Db, row: Insertable<MatterAttachmentsTable>) {
  await db.insertInto('matter_attachments').values(row).execute();
}

export function matterAttachmentFile(db: Db, matterId: string, id: string) {
  return db
    .selectFrom('matter_attachments')
    .select(['content_type', 'content', 'file_name'])
    .where('matter_id', '=', matterId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Matters of the caller's reach adopted and waiting for their resolution to be published. */
export async function countResolutionsToPublish(db: Db, scope: AreaScope): Promise<number> {
  const row = await db
    .selectFrom('matters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => inScope(eb, 'matters.village_code', scope))
    .where('matters.status', '=', 'adopted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
