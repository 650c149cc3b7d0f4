// What someone with direct write access to the database would do to the audit log, for the tests
// that show each is detected. They know the code (the unkeyed hash) but not SECRET_KEY.
import type { WebhookEvent } from '@lianxin/common';
import { type Kysely, sql, type Transaction } from 'kysely';
import { engineOf } from '../src/db/dialect';
import type { DB } from '../src/db/schema';
import { legacyHash } from '../src/platform/audit/audit.service';

/** Removes the append-only guard (PostgreSQL: until `restore`; SQLite: for good). */
async function unguarded(db: Kysely<DB>, work: () => Promise<void>): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    await work();
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
  } else {
    await sql`drop trigger if exists audit_log_no_update`.execute(db);
    await sql`drop trigger if exists audit_log_no_delete`.execute(db);
    await work();
  }
}

export async function tamper(db: Kysely<DB>, statement: ReturnType<typeof sql>): Promise<void> {
  await unguarded(db, async () => {
    await statement.execute(db);
  });
}

async function sealedRows(db: Kysely<DB>) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seal_seq', 'is not', null)
    .orderBy('seal_seq')
    .execute();
}

/** Deletes the last `n` sealed entries and moves the head back to the one left at the end. */
export async function cutTail(db: Kysely<DB>, n: number): Promise<void> {
  const rows = await sealedRows(db);
  const keep = rows.slice(0, rows.length - n);
  const last = keep.at(-1);
  const chain = await db.selectFrom('audit_chain').selectAll().executeTakeFirstOrThrow();
  await unguarded(db, async () => {
    for (const row of rows.slice(keep.length)) {
      await db.deleteFrom('audit_log').where('seq', '=', row.seq).execute();
    }
    await db
      .updateTable('audit_chain')
      .set({ seal_seq: last ? Number(last.seal_seq) : 0, hash: last?.hash ?? chain.legacy_hash })
      .execute();
  });
}

/** Moves the recorded head back `n` places, leaving the entries. */
export async function moveHead(db: Kysely<DB>, n: number): Promise<void> {
  const rows = await sealedRows(db);
  const target = rows[rows.length - 1 - n];
  await db
    .updateTable('audit_chain')
    .set({ seal_seq: Number(target?.seal_seq ?? 0), hash: target?.hash ?? '' })
    .execute();
}

/**
 * Deletes the entry `seq` and rebuilds the whole log as one unkeyed chain (the older entries'
 * SHA-256, as the code shows), with its marker and head moved to the new end: every link holds.
 */
export async function rechainWithoutKey(db: Kysely<DB>, deleteSeq: number): Promise<void> {
  await unguarded(db, async () => {
    await db.deleteFrom('audit_log').where('seq', '=', deleteSeq).execute();
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    let prev = '0'.repeat(64);
    let n = 0;
    for (const row of rows) {
      n++;
      // Renumbered so the numbers run on without a gap.
      const renumbered = { ...row, seq: n };
      const hash = legacyHash(renumbered, prev);
      await db
        .updateTable('audit_log')
        .set({ seq: n, prev_hash: prev, hash, seal_seq: null })
        .where('seq', '=', row.seq)
        .execute();
      prev = hash;
    }
    await db
      .updateTable('audit_chain')
      .set({ legacy_seq: n, legacy_hash: prev, seal_seq: 0, hash: prev })
      .execute();
  });
}

/** PostgreSQL: the transaction gives up waiting for a lock after `ms`, instead of waiting on. */
export async function limitLockWait(trx: Transaction<DB>, ms: number): Promise<void> {
  await sql.raw(`set local lock_timeout = '${Math.round(ms)}ms'`).execute(trx);
}

export async function auditRows(db: Kysely<DB>, action?: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .$if(action !== undefined, (qb) => qb.where('action', '=', action ?? ''))
    .orderBy('seq')
    .execute();
}

/** The webhook deliveries made for an event (the checkpoints sent to the integrations). */
export async function deliveriesOf(db: Kysely<DB>, event: WebhookEvent) {
  return db.selectFrom('webhook_deliveries').selectAll().where('event', '=', event).execute();
}
