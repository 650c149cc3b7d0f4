import { openAppealStatuses } from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealsTable } from '../../../db/schema';

const open = [...openAppealStatuses];

/** Stores new appeals (alone, or a batch of the public page in one commit). */
export async function insertAppeals(db: Db, rows: Insertable<AppealsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('appeals').values(rows).execute();
}

/** Recent appeals of a village and category that a new one may repeat. */
export async function similarCandidates(
  db: Db,
  villageCode: string,
  categoryCode: string,
  since: string,
  excludeId: string | undefined,
) {
  return db
    .selectFrom('appeals')
    .select(['id', 'tracking_code', 'title', 'description', 'status', 'received_at'])
    .where('village_code', '=', villageCode)
    .where('category_code', '=', categoryCode)
    .where('received_at', '>=', since)
    .where('status', 'in', [...open, 'resolved'])
    .$if(excludeId !== undefined, (qb) => qb.where('id', '!=', excludeId ?? ''))
    .orderBy('received_at', 'desc')
    .limit(500)
    .execute();
}
