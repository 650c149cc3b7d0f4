import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { MediationSessionsTable } from '../../../db/schema';
import { AppError } from '../../../platform/errors';
import { type AreaScope, inScope } from '../../../platform/scope';

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

/** The mediation opened for an appeal, if any (at most one). */
export async function mediationOf(db: Db, appealId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('mediations').select('id').where('appeal_id', '=', appealId).executeTakeFirst();
}

/** The sessions of these mediations in the order they were held, with who recorded each. */
export async function mediationSessions(db: Db, mediationIds: string[]) {
  if (mediationIds.length === 0) return [];
  return db
    .selectFrom('mediation_sessions')
    .leftJoin('users', 'users.id', 'mediation_sessions.recorded_by')
    .select([
      'mediation_sessions.mediation_id',
      'mediation_sessions.date',
      'mediation_sessions.notes',
      'users.name',
    ])
    .where('mediation_sessions.mediation_id', 'in', mediationIds)
    .orderBy('mediation_sessions.date')
    .orderBy('mediation_sessions.created_at')
    .execute();
}

export async function insertSession(db: Db, row: Insertable<MediationSessionsTable>): Promise<void> {
  await db.insertInto('mediation_sessions').values(row).execute();
}

/** The names of these accounts. */
export async function accountNames(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** The accounts proposed as mediators, with the kind of area each is bound to (disabled ones too). */
export async function mediatorAccounts(db: Db, ids: string[]) {
  return db
    .selectFrom('users')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .select(['users.id', 'users.area_code', 'areas.kind', 'users.role', 'users.disabled_at'])
    .where('users.id', 'in', ids)
    .execute();
}
