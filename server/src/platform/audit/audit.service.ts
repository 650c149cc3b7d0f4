import type { AuditEntry } from '@lianxin/common';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/dialect';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import { sha256 } from '../ids';
import { type AuditRow, insertEntry, lockHead, readChunk, readHead } from './audit.repository';

/** Who is acting and from where; built once per request. */
export interface Actor {
  id: string | null;
  name: string | null;
  ip: string | null;
}

export interface AuditEvent {
  action: string;
  objectType?: string;
  objectId?: string;
  areaCode?: string | null;
  /** Sensitive fields before and after the change; stored as canonical JSON. */
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function rowHash(row: Omit<AuditRow, 'hash'>): string {
  return sha256(
    canonicalJson([
      row.seq,
      row.at,
      row.actor_id,
      row.actor_name,
      row.action,
      row.object_type,
      row.object_id,
      row.area_code,
      row.ip,
      row.before_json,
      row.after_json,
      row.prev_hash,
    ]),
  );
}

/**
 * Appends an entry to the hash-chained audit log. Call it inside the transaction of the write it
 * records, so that the record and its audit entry are committed together or not at all.
 */
export async function recordAudit(db: Db, clock: Clock, actor: Actor, event: AuditEvent): Promise<void> {
  const head = await lockHead(db);
  const row: Omit<AuditRow, 'hash'> = {
    seq: head.seq + 1,
    at: clock.now().toISOString(),
    actor_id: actor.id,
    actor_name: actor.name,
    action: event.action,
    object_type: event.objectType ?? null,
    object_id: event.objectId ?? null,
    area_code: event.areaCode ?? null,
    ip: actor.ip,
    before_json: event.before === undefined ? null : canonicalJson(event.before),
    after_json: event.after === undefined ? null : canonicalJson(event.after),
    prev_hash: head.hash,
  };
  await insertEntry(db, { ...row, hash: rowHash(row) });
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: { seq: number; problem: 'altered' | 'missing' | 'broken_link' | 'head_mismatch' }[];
}

/** Walks the whole chain; reports rows that were altered, removed or cut off at the end. */
export async function verifyAudit(db: Kysely<DB>): Promise<AuditVerification> {
  const problems: AuditVerification['problems'] = [];
  let prevSeq = 0;
  let prevHash = '0'.repeat(64);
  let checked = 0;
  for (;;) {
    const rows = await readChunk(db, prevSeq, 2000);
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== prevSeq + 1) problems.push({ seq: prevSeq + 1, problem: 'missing' });
      if (row.prev_hash !== prevHash) problems.push({ seq, problem: 'broken_link' });
      if (rowHash({ ...row, seq }) !== row.hash) problems.push({ seq, problem: 'altered' });
      prevSeq = seq;
      prevHash = row.hash;
      checked++;
    }
  }
  const head = await readHead(db);
  if (Number(head.seq) !== prevSeq || head.hash !== prevHash) {
    problems.push({ seq: Number(head.seq), problem: 'head_mismatch' });
  }
  return { ok: problems.length === 0, checked, problems };
}

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    areaCode: row.area_code,
    ip: row.ip,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
  };
}
