import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type Clock, systemClock } from '../clock';
import { withTransaction } from '../request-context';
import type { Secrets } from '../secrets';
import { type AuditCheckpoint, takeCheckpoint } from './audit.checkpoints';
import { advanceChain, lockChain, sealEntry, unsealedEntries } from './audit.repository';
import { sealedHash } from './audit.service';

const BATCH = 500;

/**
 * Links the committed, unsealed entries into the keyed chain, lowest number first, giving each
 * its place (`seal_seq`) and its HMAC link. Only committed entries are visible here, so an entry
 * whose transaction is still open is sealed by a later run — even when entries with higher
 * numbers were sealed before it. Safe to run from several instances: the one that holds the
 * chain's row seals, the others skip (PostgreSQL `FOR UPDATE SKIP LOCKED`). Returns how many it sealed.
 */
export async function sealAudit(
  db: Kysely<DB>,
  secrets: Secrets,
  options: { clock?: Clock; batch?: number } = {},
): Promise<number> {
  const clock = options.clock ?? systemClock;
  const batch = options.batch ?? BATCH;
  let total = 0;
  for (;;) {
    const sealed = await withTransaction({ db }, async (trx) => {
      const chain = await lockChain(trx);
      if (!chain) return 0;
      const rows = await unsealedEntries(trx, batch);
      let sealSeq = Number(chain.seal_seq);
      let prevHash = chain.hash;
      for (const row of rows) {
        sealSeq++;
        const hash = sealedHash(secrets, row, sealSeq, prevHash);
        await sealEntry(trx, Number(row.seq), { sealSeq, prevHash, hash });
        prevHash = hash;
      }
      if (rows.length > 0) await advanceChain(trx, sealSeq, prevHash, clock.now().toISOString());
      return rows.length;
    });
    total += sealed;
    if (sealed < batch) return total;
  }
}

export interface SealerOptions {
  db: Kysely<DB>;
  secrets: Secrets;
  clock: Clock;
  /** How often the sealer runs (AUDIT_SEAL_MS): the longest an entry stays unsealed, plus one run. */
  sealMs: number;
  /** A checkpoint when the chain has moved and the last one is at least this old (AUDIT_CHECKPOINT_SECONDS). */
  checkpointMs: number;
  /** Where checkpoints are written (AUDIT_ANCHOR_DIR); they also go to the `audit.checkpoint` webhooks. */
  anchorDir: string | undefined;
  logger?: FastifyBaseLogger;
}

/**
 * The server's sealer: seals every `sealMs`, anchors a checkpoint every `checkpointMs` when the
 * chain moved, and seals and anchors once more when the server stops.
 */
export class AuditSealer {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(private readonly options: SealerOptions) {}

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.runOnce(), this.options.sealMs);
    this.#timer.unref();
  }

  /** One run (or the run already under way): seal, then a checkpoint when one is due. */
  runOnce(checkpointDueMs = this.options.checkpointMs): Promise<void> {
    this.#running ??= this.#run(checkpointDueMs).finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #run(checkpointDueMs: number): Promise<void> {
    const { db, secrets, clock, anchorDir, logger } = this.options;
    try {
      await sealAudit(db, secrets, { clock });
      const checkpoint: AuditCheckpoint | null = await takeCheckpoint(
        { db, secrets, clock, anchorDir },
        { dueMs: checkpointDueMs },
      );
      if (checkpoint) logger?.info({ sealSeq: checkpoint.sealSeq }, 'audit checkpoint');
    } catch (err) {
      logger?.error({ err }, 'audit sealer failed');
    }
  }

  /** Stops the timer, waits for a run under way, then seals and anchors what is left. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
    await this.runOnce(0);
  }
}
