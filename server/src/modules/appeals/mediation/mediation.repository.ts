import type { Db } from '../../db/dialect';
import { AppError } from '../../platform/errors';
import { type AreaScope, inScope } from '../../platform/scope';

export type MediationParty = { name: string; phone: string | null; role: string };

export async function mediationRows(
  db: Db,
  scope: AreaScope,
  filter: { id?: string; villageCode?: string; appealId?: string },
  limit: number,
) {
  return db
    .selectFrom('mediations')
    .innerJoin('appeals', 'appeals.id', 'mediations.appeal_id')
    .selectAll('mediations')
    .select(['appeals.tracking_code', 'appeals.title', 'appeals.village_code', 'appeals.holder_area_code'])
    .where((eb) => inScope(eb, 'appeals.village_code', scope))
    .$if(filter.id !== undefined, (qb) => qb.where('mediations.id', '=', filter.id ?? ''))
    .$if(filter.villageCode !== undefined, (qb) =>
      qb.where('appeals.village_code', '=', filter.villageCode ?? ''),
    )
    .$if(filter.appealId !== undefined, (qb) => qb.where('mediations.appeal_id', '=', filter.appealId ?? ''))
    .orderBy('mediations.created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function insertMediation(
  db: Db,
  m: {
    id: string;
    appealId: string;
    parties: MediationParty[];
    mediatorIds: string[];
    by: string;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('mediations')
    .values({
      id: m.id,
      appeal_id: m.appealId,
      parties: JSON.stringify(m.parties),
      mediator_ids: JSON.stringify([...new Set(m.mediatorIds)]),
      outcome: null,
      agreement: null,
      follow_up_date: null,
      created_by: m.by,
      created_at: m.now,
      version: 1,
      updated_at: m.now,
    })
    .execute();
}

/** Writes a change only if nobody else changed the mediation since `version` was read. */
export async function bump(
  db: Db,
  id: string,
  version: number,
  patch: Record<string, string | null>,
  now: string,
) {
  const result = await db
    .updateTable('mediations')
    .set({ ...patch, version: version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
}
