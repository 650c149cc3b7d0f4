import { sql } from 'kysely';
import { type Db, supportsRowLocks } from '../../db/dialect';
import type { JobRow } from '../../db/schema';
import { newId } from '../ids';

export interface EnqueueOptions {
  kind: string;
  payload?: unknown;
  runAt: Date;
  /** While a job with this key is queued or running, enqueueing another is a no-op. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export async function insertJob(db: Db, now: Date, options: EnqueueOptions): Promise<void> {
  const stamp = now.toISOString();
  await db
    .insertInto('jobs')
    .values({
      id: newId(),
      kind: options.kind,
      payload: JSON.stringify(options.payload ?? {}),
      status: 'queued',
      run_at: options.runAt.toISOString(),
      attempts: 0,
      max_attempts: options.maxAttempts ?? 5,
      dedupe_key: options.dedupeKey ?? null,
      created_at: stamp,
      updated_at: stamp,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Takes the next due job: a queued one, or a running one whose lease ran out because its
 * worker died. `FOR UPDATE SKIP LOCKED` lets several instances claim on PostgreSQL without
 * ever taking the same job; SQLite has a single writer.
 */
export async function claimNextJob(
  db: Db,
  workerId: string,
  now: Date,
  leaseMs: number,
): Promise<JobRow | undefined> {
  const stamp = now.toISOString();
  const due = db
    .selectFrom('jobs')
    .select('id')
    .where('status', 'in', ['queued', 'running'])
    .where('run_at', '<=', stamp)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', stamp)]))
    .orderBy('run_at')
    .limit(1)
    .$if(supportsRowLocks(db), (qb) => qb.forUpdate().skipLocked());
  return db
    .updateTable('jobs')
    .set({
      status: 'running',
      locked_by: workerId,
      locked_until: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: sql`attempts + 1`,
      updated_at: stamp,
    })
    .where('id', '=', (eb) => eb.selectFrom(due.as('due')).select('due.id'))
    .returningAll()
    .executeTakeFirst();
}

/** Marks the job done if this worker still holds it; false when the lease was lost. */
export async function completeJob(db: Db, job: JobRow, workerId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: 'done',
      locked_by: null,
      locked_until: null,
      finished_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .where('attempts', '=', job.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function failJob(
  db: Db,
  job: JobRow,
  workerId: string,
  now: Date,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: retryAt ? 'queued' : 'failed',
      run_at: (retryAt ?? now).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 2000),
      finished_at: retryAt ? null : now.toISOString(),
      updated_at: now.toISOString(),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .execute();
}

export async function purgeFinishedJobs(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
