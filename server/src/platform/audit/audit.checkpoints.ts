import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import { emitEvent } from '../integrations';
import { withTransaction } from '../request-context';
import type { Secrets } from '../secrets';
import { districtCode, lockChain, markCheckpoint } from './audit.repository';
import { canonicalJson } from './audit.service';

/**
 * A signed statement of the chain's head at a moment, kept outside the database: whoever can
 * rewrite the database cannot make a checkpoint, so a cut tail or a rebuilt chain no longer
 * matches the last one kept.
 */
export interface AuditCheckpoint {
  version: 1;
  /** The last sealed place in the keyed chain (0: the chain starts at the older, unkeyed entries' head). */
  sealSeq: number;
  hash: string;
  at: string;
  /** Ed25519 over `checkpointText`, base64. */
  signature: string;
  /** The public key that checks the signature (base64 SPKI), for a receiver without the secret. */
  publicKey: string;
}

export function checkpointText(c: Pick<AuditCheckpoint, 'sealSeq' | 'hash' | 'at'>): string {
  return canonicalJson(['lianxin-audit-checkpoint', 1, c.sealSeq, c.hash, c.at]);
}

export interface CheckpointContext {
  db: Kysely<DB>;
  secrets: Secrets;
  clock: Clock;
  anchorDir: string | undefined;
}

/** One file per month in the anchor directory, a checkpoint a line, only ever appended to. */
export function anchorFile(dir: string, at: string): string {
  return path.join(dir, `lianxin-audit-${at.slice(0, 7)}.jsonl`);
}

function appendAnchor(dir: string, checkpoint: AuditCheckpoint): void {
  mkdirSync(dir, { recursive: true });
  const fd = openSync(anchorFile(dir, checkpoint.at), 'a', 0o640);
  try {
    writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Takes a checkpoint of the sealed head: sent to the `audit.checkpoint` webhooks (in the same
 * transaction, so once per checkpoint even with several instances) and appended to the anchor
 * directory. With `dueMs`, only when the chain moved since the last checkpoint and that one is
 * at least `dueMs` old; without, always (`lianxin audit checkpoint`). Null when none was due or
 * another instance holds the chain.
 */
export async function takeCheckpoint(
  ctx: CheckpointContext,
  options: { dueMs?: number } = {},
): Promise<AuditCheckpoint | null> {
  const now = ctx.clock.now();
  const checkpoint = await withTransaction(ctx, async (trx) => {
    const chain = await lockChain(trx);
    if (!chain) return null;
    const sealSeq = Number(chain.seal_seq);
    if (options.dueMs !== undefined) {
      const moved = chain.checkpoint_seq === null || Number(chain.checkpoint_seq) !== sealSeq;
      const last = chain.checkpoint_at ? new Date(chain.checkpoint_at).getTime() : 0;
      if (!moved || now.getTime() - last < options.dueMs) return null;
    }
    const at = now.toISOString();
    const made: AuditCheckpoint = {
      version: 1,
      sealSeq,
      hash: chain.hash,
      at,
      signature: ctx.secrets.signCheckpoint(checkpointText({ sealSeq, hash: chain.hash, at })),
      publicKey: ctx.secrets.checkpointPublicKey,
    };
    await markCheckpoint(trx, sealSeq, at);
    const district = await districtCode(trx);
    if (district) {
      await emitEvent(trx, ctx.clock, { type: 'audit.checkpoint', areaCode: district, payload: { ...made } });
    }
    return made;
  });
  if (checkpoint && ctx.anchorDir) appendAnchor(ctx.anchorDir, checkpoint);
  return checkpoint;
}

export interface ReadAnchors {
  checkpoints: AuditCheckpoint[];
  /** Lines that are not a checkpoint at all (counted as forged by the verification). */
  unreadable: number;
  files: number;
}

function parseCheckpoint(line: string): AuditCheckpoint | null {
  try {
    const value = JSON.parse(line) as Partial<AuditCheckpoint> & { data?: unknown };
    // A webhook receiver may keep the whole delivery body: the checkpoint is its `data`.
    const c = (value.data && typeof value.data === 'object' ? value.data : value) as Partial<AuditCheckpoint>;
    if (
      typeof c.sealSeq === 'number' &&
      typeof c.hash === 'string' &&
      typeof c.at === 'string' &&
      typeof c.signature === 'string'
    ) {
      return {
        version: 1,
        sealSeq: c.sealSeq,
        hash: c.hash,
        at: c.at,
        signature: c.signature,
        publicKey: c.publicKey ?? '',
      };
    }
  } catch {
    // not JSON: unreadable
  }
  return null;
}

/** Reads checkpoints from a file of JSON lines, or from every `.jsonl` file of a directory. */
export function readAnchors(location: string): ReadAnchors {
  const files = statSync(location).isDirectory()
    ? readdirSync(location)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .map((f) => path.join(location, f))
    : [location];
  const result: ReadAnchors = { checkpoints: [], unreadable: 0, files: files.length };
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const checkpoint = parseCheckpoint(line);
      if (checkpoint) result.checkpoints.push(checkpoint);
      else result.unreadable++;
    }
  }
  return result;
}
