import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { HouseholdImportsTable } from '../../../db/schema';
import { type AreaScope, inScope } from '../../../platform/scope';

export async function insertImport(db: Db, row: Insertable<HouseholdImportsTable>): Promise<void> {
  await db.insertInto('household_imports').values(row).execute();
}

export async function updateImport(
  db: Db,
  id: string,
  changes: Updateable<HouseholdImportsTable>,
  fromStatus?: HouseholdImportsTable['status'],
): Promise<boolean> {
  const result = await db
    .updateTable('household_imports')
    .set(changes)
    .where('id', '=', id)
    .$if(fromStatus !== undefined, (qb) => qb.where('status', '=', fromStatus ?? 'validating'))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const listed = [
  'household_imports.id',
  'household_imports.area_code',
  'household_imports.created_by',
  'household_imports.locale',
  'household_imports.file_name',
  'household_imports.status',
  'household_imports.progress_done',
  'household_imports.progress_total',
  'household_imports.summary',
  'household_imports.errors',
  'household_imports.error_count',
  'household_imports.created_at',
  'household_imports.committed_at',
] as const;

/** An import the caller may see: started inside their area. */
export async function findImport(db: Db, scope: AreaScope, id: string) {
  return db
    .selectFrom('household_imports')
    .leftJoin('users', 'users.id', 'household_imports.created_by')
    .select([...listed, 'users.name as creator_name'])
    .where('household_imports.id', '=', id)
    .where((eb) => inScope(eb, 'household_imports.area_code', scope))
    .executeTakeFirst();
}

export async function listImports(db: Db, scope: AreaScope, limit: number) {
  return db
    .selectFrom('household_imports')
    .leftJoin('users', 'users.id', 'household_imports.created_by')
    .select([...listed, 'users.name as creator_name'])
    .where((eb) => inScope(eb, 'household_imports.area_code', scope))
    .orderBy('household_imports.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** The file and who started the import, for the job that runs it. */
export async function importForJob(db: Db, id: string) {
  return db
    .selectFrom('household_imports')
    .innerJoin('users', 'users.id', 'household_imports.created_by')
    .innerJoin('areas', 'areas.code', 'household_imports.area_code')
    .select([
      'household_imports.id',
      'household_imports.status',
      'household_imports.content',
      'household_imports.file_name',
      'household_imports.area_code',
      'areas.kind as area_kind',
      'users.id as user_id',
      'users.username',
      'users.name as user_name',
      'users.role',
      'users.locale',
    ])
    .where('household_imports.id', '=', id)
    .executeTakeFirst();
}
