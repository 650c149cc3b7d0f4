import type { Db } from '../../../db/dialect';
import { lastVisit } from '../cadres.repository';

/** A cadre's active pairings, with the household's contact details and its latest visit. */
export function pairedHouseholds(db: Db, cadreId: string) {
  return db
    .selectFrom('pairings')
    .innerJoin('households', 'households.id', 'pairings.household_id')
    .innerJoin('areas as village', 'village.code', 'pairings.village_code')
    .leftJoin('residents as head', 'head.id', 'households.head_resident_id')
    .select([
      'pairings.id',
      'pairings.household_id',
      'pairings.start_date',
      'households.number',
      'households.address',
      'households.phone',
      'households.tier',
      'head.name as head_name',
      'village.name as village_name',
      lastVisit,
    ])
    .where('pairings.cadre_id', '=', cadreId)
    .where('pairings.status', '=', 'active')
    .execute();
}

/** On how many distinct days between two dates (both included) a cadre was on a visit. */
export async function visitDays(db: Db, cadreId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('visit_cadres')
    .select((eb) => eb.fn.count<number>('visit_cadres.date').distinct().as('n'))
    .where('cadre_id', '=', cadreId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
