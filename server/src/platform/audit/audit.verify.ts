import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Secrets } from '../secrets';
import { type AuditCheckpoint, checkpointText } from './audit.checkpoints';
import { countUnsealed, readChain, readLegacyChunk, readSealedChunk, strayEntries } from './audit.repository';
import { legacyHash, sealedHash } from './audit.service';

export type AuditProblemKind =
  /** The entry's content no longer matches its link (or the link was made without the key). */
  | 'altered'
  /** A number (unkeyed part) or a place (keyed part) is missing: an entry was removed. */
  | 'missing'
  /** The entry does not follow the one before it. */
  | 'broken_link'
  /** The recorded head is not where the chain ends. */
  | 'head_mismatch'
  /** A checkpoint kept outside names a place the chain no longer reaches: its tail was cut. */
  | 'tail_cut'
  /** The chain at a checkpoint's place is not what the checkpoint says: it was rewritten. */
  | 'anchor_mismatch'
  /** A checkpoint whose signature is not ours (or that cannot be read). */
  | 'anchor_invalid';

export interface AuditProblem {
  problem: AuditProblemKind;
  /** The entry's number, when the problem is an entry. */
  seq?: number;
  /** The place in the keyed chain, for the keyed part and the checkpoints. */
  sealSeq?: number;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries checked: the unkeyed ones and the sealed ones. */
  checked: number;
  legacy: number;
  sealed: number;
  /** Entries written but not sealed yet (normal within the sealer's window; not verifiable yet). */
  unsealed: number;
  anchors: { checked: number; latest: { sealSeq: number; at: string } | null };
  problems: AuditProblem[];
}

const CHUNK = 2000;

/**
 * Walks the whole audit log: the older, unkeyed chain up to its marker by SHA-256, then the keyed
 * chain by HMAC from where the older one ends, then the head, then each checkpoint given (kept
 * outside the database). Reports altered, removed and unlinked entries, a moved head, a cut tail
 * and a rewritten chain.
 */
export async function verifyAudit(
  db: Kysely<DB>,
  secrets: Secrets,
  options: { anchors?: AuditCheckpoint[]; unreadableAnchors?: number } = {},
): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  const chain = await readChain(db);
  const legacySeq = Number(chain.legacy_seq);

  // The entries written before the keyed chain, checked as they were made.
  let prevSeq = 0;
  let prevHash = '0'.repeat(64);
  let legacy = 0;
  for (;;) {
    const rows = await readLegacyChunk(db, prevSeq, legacySeq, CHUNK);
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== prevSeq + 1) problems.push({ seq: prevSeq + 1, problem: 'missing' });
      if (row.prev_hash !== prevHash) problems.push({ seq, problem: 'broken_link' });
      if (row.seal_seq !== null || legacyHash(row, row.prev_hash) !== row.hash) {
        problems.push({ seq, problem: 'altered' });
      }
      prevSeq = seq;
      prevHash = row.hash ?? '';
      legacy++;
    }
  }
  if (prevSeq !== legacySeq || prevHash !== chain.legacy_hash) {
    problems.push({ seq: legacySeq, problem: 'head_mismatch' });
  }

  // The keyed chain starts from the head of the older one as it is found, not as recorded.
  const anchors = options.anchors ?? [];
  const anchored = new Set(anchors.map((a) => a.sealSeq));
  const hashAt = new Map<number, string>([[0, prevHash]]);
  let sealSeq = 0;
  let sealed = 0;
  for (;;) {
    const rows = await readSealedChunk(db, sealSeq, CHUNK);
    if (rows.length === 0) break;
    for (const row of rows) {
      const place = Number(row.seal_seq);
      const seq = Number(row.seq);
      if (place !== sealSeq + 1) problems.push({ sealSeq: sealSeq + 1, problem: 'missing' });
      if (row.prev_hash !== prevHash) problems.push({ seq, sealSeq: place, problem: 'broken_link' });
      if (sealedHash(secrets, row, place, row.prev_hash ?? '') !== row.hash) {
        problems.push({ seq, sealSeq: place, problem: 'altered' });
      }
      sealSeq = place;
      prevHash = row.hash ?? '';
      if (anchored.has(place)) hashAt.set(place, prevHash);
      sealed++;
    }
  }
  if (Number(chain.seal_seq) !== sealSeq || chain.hash !== prevHash) {
    problems.push({ sealSeq: Number(chain.seal_seq), problem: 'head_mismatch' });
  }
  for (const seq of await strayEntries(db, legacySeq)) problems.push({ seq, problem: 'altered' });

  let latest: AuditVerification['anchors']['latest'] = null;
  for (const anchor of anchors) {
    if (!secrets.verifyCheckpoint(checkpointText(anchor), anchor.signature)) {
      problems.push({ sealSeq: anchor.sealSeq, problem: 'anchor_invalid' });
      continue;
    }
    if (anchor.sealSeq > sealSeq) problems.push({ sealSeq: anchor.sealSeq, problem: 'tail_cut' });
    else if (hashAt.get(anchor.sealSeq) !== anchor.hash) {
      problems.push({ sealSeq: anchor.sealSeq, problem: 'anchor_mismatch' });
    }
    if (!latest || anchor.sealSeq > latest.sealSeq) latest = { sealSeq: anchor.sealSeq, at: anchor.at };
  }
  for (let i = 0; i < (options.unreadableAnchors ?? 0); i++) problems.push({ problem: 'anchor_invalid' });

  return {
    ok: problems.length === 0,
    checked: legacy + sealed,
    legacy,
    sealed,
    unsealed: await countUnsealed(db),
    anchors: { checked: anchors.length, latest },
    problems,
  };
}
