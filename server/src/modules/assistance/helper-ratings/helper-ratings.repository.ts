import type { Db } from '../../../db/dialect';

export interface HelperRatingRow {
  id: string;
  pairing_id: string;
  cadre_id: string;
  rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
  comment: string;
  via: 'callback' | 'link';
  created_at: string;
}

export async function insertHelperRating(db: Db, row: HelperRatingRow): Promise<void> {
  await db.insertInto('helper_ratings').values(row).execute();
}

/** How many ratings of each kind a cadre has. */
export async function ratingCounts(db: Db, cadreId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('helper_ratings')
    .select(['rating', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cadre_id', '=', cadreId)
    .groupBy('rating')
    .execute();
  return new Map(rows.map((r) => [r.rating, Number(r.n)]));
}

export async function insertRatingLink(
  db: Db,
  row: { token_hash: string; pairing_id: string; expires_at: string; created_by: string; created_at: string },
): Promise<void> {
  await db.insertInto('rating_links').values(row).execute();
}

/** A rating link by the hash of its token, with the pairing, helper and village it rates. */
export function ratingLink(db: Db, tokenHash: string) {
  return db
    .selectFrom('rating_links')
    .innerJoin('pairings', 'pairings.id', 'rating_links.pairing_id')
    .innerJoin('users', 'users.id', 'pairings.cadre_id')
    .innerJoin('areas', 'areas.code', 'pairings.village_code')
    .select([
      'rating_links.token_hash',
      'rating_links.expires_at',
      'rating_links.used_at',
      'pairings.id as pairing_id',
      'pairings.cadre_id',
      'users.name as cadre_name',
      'areas.name as village_name',
    ])
    .where('rating_links.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks a link used; false when it was used already (a second answer racing the first). */
export async function useRatingLink(db: Db, tokenHash: string, at: string): Promise<boolean> {
  const used = await db
    .updateTable('rating_links')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}
