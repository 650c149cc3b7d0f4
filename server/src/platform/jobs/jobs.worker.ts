import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/dialect';
import type { DB, JobRow } from '../../db/schema';
import type { Clock } from '../clock';
import { newId } from '../ids';
import { withTransaction } from '../request-context';
import { claimNextJob, completeJob, type EnqueueOptions, failJob, insertJob } from './jobs.repository';

export interface JobContext {
  /** The job's effects go through this transaction; it commits together with "done". */
  trx: Transaction<DB>;
  payload: unknown;
  job: JobRow;
  clock: Clock;
}

export type JobHandler = (ctx: JobContext) => Promise<void>;

export interface LongJobContext {
  /** No surrounding transaction: the handler commits its own steps, and must be safe to re-run. */
  db: Kysely<DB>;
  payload: unknown;
  job: JobRow;
  clock: Clock;
}

export type LongJobHandler = (ctx: LongJobContext) => Promise<void>;

export interface WorkerOptions {
  pollMs: number;
  /** How long a claimed job is reserved; a job whose worker died is taken again after it. */
  leaseMs?: number;
  logger?: FastifyBaseLogger;
}

class LeaseLost extends Error {}

function backoffMs(attempts: number): number {
  return Math.min(2 ** attempts * 10_000, 3_600_000);
}

/**
 * The background worker: runs due jobs one at a time. A job's handler and the "done" mark
 * commit in one transaction, fenced by the lease, so a job's effects land exactly once even
 * when a worker is killed half-way or several instances poll the same table.
 */
export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #longHandlers = new Map<string, LongJobHandler>();
  readonly #recurring = new Map<string, { everyMs: number; ensuredAt: number }>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #busy = false;
  #wakeSoon = false;
  #started = false;
  #stopping = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly options: WorkerOptions,
  ) {}

  handle(kind: string, handler: JobHandler): this {
    this.#handlers.set(kind, handler);
    return this;
  }

  /**
   * Registers a job too long to hold one transaction open (on SQLite that would stall every
   * request): the handler commits its own steps and must leave things right when run twice.
   */
  handleLong(kind: string, handler: LongJobHandler): this {
    this.#longHandlers.set(kind, handler);
    return this;
  }

  /** Runs `kind` every `everyMs`; several instances still run it once per period. */
  every(kind: string, everyMs: number): this {
    this.#recurring.set(kind, { everyMs, ensuredAt: 0 });
    return this;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#stopping = false;
    this.#schedule(0);
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#started = false;
    clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(delay: number): void {
    if (this.#stopping) return;
    this.#timer = setTimeout(() => {
      this.#busy = true;
      this.#running = this.drain()
        .catch((err: unknown) => this.options.logger?.error({ err }, 'job worker tick failed'))
        .finally(() => {
          this.#busy = false;
          const soon = this.#wakeSoon;
          this.#wakeSoon = false;
          this.#schedule(soon ? 50 : this.options.pollMs);
        });
    }, delay);
    this.#timer.unref();
  }

  /** Runs every due job, then returns how many ran. */
  async drain(): Promise<number> {
    await this.#ensureRecurring();
    let ran = 0;
    while (!this.#stopping) {
      const more = await this.runOne();
      if (!more) break;
      ran++;
    }
    return ran;
  }

  async #ensureRecurring(): Promise<void> {
    const now = this.clock.now();
    for (const [kind, entry] of this.#recurring) {
      if (now.getTime() - entry.ensuredAt < Math.min(entry.everyMs, 60_000)) continue;
      await insertJob(this.db, now, {
        kind,
        runAt: new Date(now.getTime() + entry.everyMs),
        dedupeKey: `recurring:${kind}`,
      });
      entry.ensuredAt = now.getTime();
    }
  }

  /** Claims and runs one due job; false when none was due. */
  async runOne(): Promise<boolean> {
    const leaseMs = this.options.leaseMs ?? 5 * 60_000;
    const job = await claimNextJob(this.db, this.id, this.clock.now(), leaseMs);
    if (!job) return false;
    const handler = this.#handlers.get(job.kind);
    const longHandler = this.#longHandlers.get(job.kind);
    if (!handler && !longHandler) {
      await failJob(this.db, job, this.id, this.clock.now(), `no handler for job kind ${job.kind}`, null);
      return true;
    }
    if (job.attempts > job.max_attempts) {
      await failJob(this.db, job, this.id, this.clock.now(), 'too many attempts', null);
      return true;
    }
    try {
      if (longHandler) {
        await longHandler({ db: this.db, payload: JSON.parse(job.payload), job, clock: this.clock });
        if (!(await completeJob(this.db, job, this.id, this.clock.now()))) throw new LeaseLost();
      } else if (handler) {
        await withTransaction({ db: this.db }, async (trx) => {
          await handler({ trx, payload: JSON.parse(job.payload), job, clock: this.clock });
          if (!(await completeJob(trx, job, this.id, this.clock.now()))) throw new LeaseLost();
        });
      }
      this.options.logger?.debug({ job: job.id, kind: job.kind }, 'job done');
    } catch (err) {
      if (err instanceof LeaseLost) {
        this.options.logger?.warn({ job: job.id, kind: job.kind }, 'job lease lost; another worker has it');
        return true;
      }
      const now = this.clock.now();
      const retryAt =
        job.attempts < job.max_attempts ? new Date(now.getTime() + backoffMs(job.attempts)) : null;
      this.options.logger?.error({ err, job: job.id, kind: job.kind }, 'job failed');
      await failJob(this.db, job, this.id, now, err instanceof Error ? err.message : String(err), retryAt);
    }
    return true;
  }

  async enqueue(options: Omit<EnqueueOptions, 'runAt'> & { runAt?: Date }): Promise<void> {
    await this.enqueueIn(this.db, options);
  }

  /** Enqueues inside the caller's transaction: the job exists exactly when the change that needs it does. */
  async enqueueIn(db: Db, options: Omit<EnqueueOptions, 'runAt'> & { runAt?: Date }): Promise<void> {
    await insertJob(db, this.clock.now(), { ...options, runAt: options.runAt ?? this.clock.now() });
    if (this.#started && !this.#stopping && (options.runAt ?? this.clock.now()) <= this.clock.now())
      this.wake();
  }

  /** Polls soon rather than at the next tick, for work a person is waiting on. */
  wake(): void {
    if (!this.#started || this.#stopping) return;
    if (this.#busy) {
      this.#wakeSoon = true;
      return;
    }
    clearTimeout(this.#timer);
    // A short delay lets the enqueueing transaction commit first.
    this.#schedule(50);
  }
}
