import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { HelpMeasuresTable } from '../../../db/schema';
import { type AreaScope, inScope } from '../../../platform/scope';

function measureRows(db: Db, scope: AreaScope) {
  return db
    .selectFrom('help_measures')
    .innerJoin('households', 'households.id', 'help_measures.household_id')
    .innerJoin('users', 'users.id', 'help_measures.cadre_id')
    .selectAll('help_measures')
    .select(['households.number as household_number', 'users.name as cadre_name'])
    .where((eb) => inScope(eb, 'help_measures.area_code', scope));
}

export type MeasureRow = Awaited<ReturnType<ReturnType<typeof measureRows>['execute']>>[number];

export function measureRow(db: Db, scope: AreaScope, id: string): Promise<MeasureRow | undefined> {
  return measureRows(db, scope).where('help_measures.id', '=', id).executeTakeFirst();
}

/** The latest measures of `scope`, for a household or by a cadre when asked. */
export function latestMeasures(
  db: Db,
  scope: AreaScope,
  query: { householdId?: string | undefined; cadreId?: string | undefined; limit: number },
): Promise<MeasureRow[]> {
  return measureRows(db, scope)
    .$if(query.householdId !== undefined, (qb) =>
      qb.where('help_measures.household_id', '=', query.householdId ?? ''),
    )
    .$if(query.cadreId !== undefined, (qb) => qb.where('help_measures.cadre_id', '=', query.cadreId ?? ''))
    .orderBy('help_measures.created_at', 'desc')
    .limit(query.limit)
    .execute();
}

export async function insertMeasure(db: Db, row: Insertable<HelpMeasuresTable>): Promise<void> {
  await db.insertInto('help_measures').values(row).execute();
}

/** Moves a measure on at the version the caller read; false when it has moved on since. */
export async function updateMeasureAt(
  db: Db,
  id: string,
  version: number,
  patch: {
    status: HelpMeasuresTable['status'];
    outcome: string;
    finished_at: string | null;
    updated_at: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('help_measures')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
