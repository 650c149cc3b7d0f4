import type { AuditEntry } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { Clock } from '../clock';
import { sha256 } from '../ids';
import type { Secrets } from '../secrets';
import { type AuditRow, insertEntry } from './audit.repository';

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

type EntryContent = Pick<
  AuditRow,
  | 'at'
  | 'actor_id'
  | 'actor_name'
  | 'action'
  | 'object_type'
  | 'object_id'
  | 'area_code'
  | 'ip'
  | 'before_json'
  | 'after_json'
> & { seq: number | string };

function content(row: EntryContent): unknown[] {
  return [
    Number(row.seq),
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
  ];
}

/** The unkeyed link of the entries written before the keyed chain (verified as they were made). */
export function legacyHash(row: EntryContent, prevHash: string | null): string {
  return sha256(canonicalJson([...content(row), prevHash]));
}

/** The keyed link: HMAC-SHA256 over the place in the chain, the entry and the previous link. */
export function sealedHash(secrets: Secrets, row: EntryContent, sealSeq: number, prevHash: string): string {
  return secrets.auditMac(canonicalJson(['lianxin-audit-v2', sealSeq, ...content(row), prevHash]));
}

/**
 * Writes an audit entry. Call it inside the transaction of the write it records, so that the
 * record and its entry are committed together or not at all. It only inserts: no lock on a
 * shared row, so audited writes do not wait for each other. The sealer (`sealAudit`) links the
 * entry into the keyed chain within about a second of the commit (docs/audit.md).
 */
export async function recordAudit(db: Db, clock: Clock, actor: Actor, event: AuditEvent): Promise<void> {
  await insertEntry(db, {
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
    prev_hash: null,
    hash: null,
    seal_seq: null,
  });
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
