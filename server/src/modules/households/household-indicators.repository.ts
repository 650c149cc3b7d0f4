import type { Insertable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { HouseholdIndicatorsTable } from '../../db/schema';

// The SQL of a household's yearly figures (income, debt, hardships).

export async function insertIndicators(db: Db, row: Insertable<HouseholdIndicatorsTable>): Promise<void> {
  await db.insertInto('household_indicators').values(row).execute();
}

export async function findIndicators(db: Db, householdId: string, year: number) {
  return db
    .selectFrom('household_indicators')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function upsertIndicators(db: Db, row: Insertable<HouseholdIndicatorsTable>): Promise<void> {
  await db
    .insertInto('household_indicators')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['household_id', 'year']).doUpdateSet((eb) => ({
        total_income: eb.ref('excluded.total_income'),
        debt: eb.ref('excluded.debt'),
        main_income_source: eb.ref('excluded.main_income_source'),
        hardships: eb.ref('excluded.hardships'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by: eb.ref('excluded.updated_by'),
      })),
    )
    .execute();
}
