import type { AuditListQuery } from '@lianxin/common';
import type { Insertable, Kysely, Selectable } from 'kysely';
import { type Db, supportsRowLocks } from '../../db/dialect';
import type { AuditChainTable, AuditLogTable, DB } from '../../db/schema';
import { type AreaScope, inScope } from '../scope';

export type AuditRow = Selectable<AuditLogTable>;
export type AuditChainRow = Selectable<AuditChainTable>;

/** Writes one entry, unsealed: no read of the chain and no lock beyond the inserted row. */
export async function insertEntry(db: Db, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export async function readChain(db: Db): Promise<AuditChainRow> {
  return db.selectFrom('audit_chain').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/**
 * The chain's row, locked for this sealer; null on PostgreSQL when another sealer (another
 * instance) holds it, so sealers never queue behind each other. Audited writes never touch it.
 */
export async function lockChain(db: Db): Promise<AuditChainRow | null> {
  const row = await db
    .selectFrom('audit_chain')
    .selectAll()
    .where('id', '=', 1)
    .$if(supportsRowLocks(db), (qb) => qb.forUpdate().skipLocked())
    .executeTakeFirst();
  return row ?? null;
}

/** Committed entries not sealed yet, by number: an entry committed late with a low number comes first. */
export async function unsealedEntries(db: Db, limit: number): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('hash', 'is', null)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function countUnsealed(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hash', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function sealEntry(
  db: Db,
  seq: number,
  link: { sealSeq: number; prevHash: string; hash: string },
): Promise<void> {
  await db
    .updateTable('audit_log')
    .set({ seal_seq: link.sealSeq, prev_hash: link.prevHash, hash: link.hash })
    .where('seq', '=', seq)
    .where('hash', 'is', null)
    .execute();
}

export async function advanceChain(db: Db, sealSeq: number, hash: string, at: string): Promise<void> {
  await db
    .updateTable('audit_chain')
    .set({ seal_seq: sealSeq, hash, sealed_at: at })
    .where('id', '=', 1)
    .execute();
}

export async function markCheckpoint(db: Db, sealSeq: number, at: string): Promise<void> {
  await db
    .updateTable('audit_chain')
    .set({ checkpoint_seq: sealSeq, checkpoint_at: at })
    .where('id', '=', 1)
    .execute();
}

/** Entries of the unkeyed chain (up to the marker), by number. */
export async function readLegacyChunk(
  db: Kysely<DB>,
  afterSeq: number,
  upToSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upToSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** Sealed entries, in chain order. */
export async function readSealedChunk(
  db: Kysely<DB>,
  afterSealSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seal_seq', '>', afterSealSeq)
    .orderBy('seal_seq')
    .limit(limit)
    .execute();
}

/** Entries past the marker that carry a link but no place in the keyed chain: written around the sealer. */
export async function strayEntries(db: Kysely<DB>, afterSeq: number): Promise<number[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('seq', '>', afterSeq)
    .where('seal_seq', 'is', null)
    .where('hash', 'is not', null)
    .orderBy('seq')
    .limit(100)
    .execute();
  return rows.map((r) => Number(r.seq));
}

/** The district's code (the root of the area tree), where district-wide events are told; null before set-up. */
export async function districtCode(db: Db): Promise<string | null> {
  const row = await db.selectFrom('areas').select('code').where('parent_code', 'is', null).executeTakeFirst();
  return row?.code ?? null;
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
