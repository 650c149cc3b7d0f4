import type { ImportColumnKey } from '@lianxin/common';
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
  'household_imports.village_code',
  'household_imports.layout',
  'household_imports.valid_only',
] as const;

/** An import the caller may see: started inside their area. */
export async function findImport(db: Db, scope: AreaScope, id: string) {
  return db
    .selectFrom('household_imports')
    .leftJoin('users', 'users.id', 'household_imports.created_by')
    .select([
      ...listed,
      'users.name as creator_name',
      'household_imports.sheet',
      'household_imports.mapping',
      (eb) =>
        eb
          .or([
            eb('household_imports.held_back_file', 'is not', null),
            eb('household_imports.content', 'is not', null),
          ])
          .as('has_file'),
    ])
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
      'household_imports.village_code',
      'household_imports.sheet',
      'household_imports.mapping',
      'household_imports.valid_only',
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

/** The column mapping remembered for an area (the village, or the uploader's area) and a header. */
export async function rememberedMapping(db: Db, areaCode: string, signature: string) {
  const row = await db
    .selectFrom('import_mappings')
    .select('mapping')
    .where('area_code', '=', areaCode)
    .where('signature', '=', signature)
    .executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as Record<string, ImportColumnKey | null>) : null;
}

export async function rememberMapping(
  db: Db,
  row: { areaCode: string; signature: string; mapping: string; by: string; now: string },
): Promise<void> {
  await db
    .insertInto('import_mappings')
    .values({
      area_code: row.areaCode,
      signature: row.signature,
      mapping: row.mapping,
      updated_by: row.by,
      updated_at: row.now,
    })
    .onConflict((oc) =>
      oc.columns(['area_code', 'signature']).doUpdateSet({
        mapping: row.mapping,
        updated_by: row.by,
        updated_at: row.now,
      }),
    )
    .execute();
}

/** The held-back rows and the file they come from, for the workbook of rows to correct. */
export async function heldBackOf(db: Db, scope: AreaScope, id: string) {
  return db
    .selectFrom('household_imports')
    .select(['id', 'file_name', 'status', 'locale', 'content', 'layout', 'held_back', 'held_back_file'])
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'household_imports.area_code', scope))
    .executeTakeFirst();
}
