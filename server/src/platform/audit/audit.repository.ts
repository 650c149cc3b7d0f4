import type { AuditListQuery } from '@lianxin/common';
import type { Kysely, Selectable } from 'kysely';
import { type Db, supportsRowLocks } from '../../db/dialect';
import type { AuditLogTable, DB } from '../../db/schema';
import { type AreaScope, inScope } from '../scope';

export type AuditRow = Selectable<AuditLogTable>;

/** Reads (and on PostgreSQL locks) the head of the chain; every append goes through it. */
export async function lockHead(db: Db): Promise<{ seq: number; hash: string }> {
  return db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .$if(supportsRowLocks(db), (qb) => qb.forUpdate())
    .executeTakeFirstOrThrow();
}

export async function insertEntry(db: Db, row: AuditRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
  await db.updateTable('audit_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
}

export async function readHead(db: Db): Promise<{ seq: number; hash: string }> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function readChunk(db: Kysely<DB>, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function searchEntries(
  db: Db,
  scope: AreaScope,
  query: AuditListQuery,
): Promise<{ rows: AuditRow[]; total: number }> {
  const base = db
    .selectFrom('audit_log')
    // District-wide entries (logins, settings) carry no area; they are visible from the district only.
    .where((eb) =>
      scope.kind === 'district'
        ? eb.or([eb('area_code', 'is', null), inScope(eb, 'area_code', scope)])
        : inScope(eb, 'area_code', scope),
    )
    .$if(query.actor !== undefined, (qb) => qb.where('actor_name', '=', query.actor ?? ''))
    .$if(query.action !== undefined, (qb) => qb.where('action', '=', query.action ?? ''))
    .$if(query.objectType !== undefined, (qb) => qb.where('object_type', '=', query.objectType ?? ''))
    .$if(query.objectId !== undefined, (qb) => qb.where('object_id', '=', query.objectId ?? ''))
    .$if(query.from !== undefined, (qb) => qb.where('at', '>=', `${query.from}T00:00:00.000Z`))
    .$if(query.to !== undefined, (qb) => qb.where('at', '<=', `${query.to}T23:59:59.999Z`));
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
