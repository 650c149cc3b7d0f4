// The platform's tables: users and their sessions, API tokens and failed logins, the audit log, jobs,
// settings and outgoing notifications.
import type { NotificationKind } from '@lianxin/common';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Timestamp } from './columns';

export interface UsersTable {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  role: string;
  area_code: string;
  /** The handling unit a unit's staff work for (a department, a station, the CPPCC office). */
  unit_id: string | null;
  rank: string | null;
  locale: string | null;
  password_hash: string;
  disabled_at: Timestamp | null;
  last_login_at: Timestamp | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** JSON: `{"kind":"read"}` or `{"kind":"permissions","permissions":[…]}`. */
  scope: string;
  last_used_ip: string | null;
}

/** One sign-in counter: `account:<username>`, `ip:<address>` or `known:<username>:<address>`. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: Timestamp;
  lock_level: number;
  locked_until: Timestamp | null;
}

/** The addresses an account has signed in from. */
export interface LoginAddressesTable {
  user_id: string;
  ip: string;
  last_at: Timestamp;
}

export interface LoginFailuresTable {
  id: string;
  username: string;
  ip: string;
  at: Timestamp;
}

export interface AuditLogTable {
  /** The entry's number, given by the table when the entry is written. */
  seq: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  area_code: string | null;
  ip: string | null;
  before_json: string | null;
  after_json: string | null;
  /** The chain's link: SHA-256 up to `audit_chain.legacy_seq`, then HMAC once sealed; null until sealed. */
  prev_hash: string | null;
  hash: string | null;
  /** The entry's place in the keyed chain, given by the sealer; null before it (and for the older entries). */
  seal_seq: number | null;
}

/** The audit chain's one row: where the unkeyed chain ended, the sealed head, the last checkpoint. */
export interface AuditChainTable {
  id: number;
  legacy_seq: number;
  legacy_hash: string;
  seal_seq: number;
  hash: string;
  sealed_at: Timestamp | null;
  checkpoint_seq: number | null;
  checkpoint_at: Timestamp | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  run_at: Timestamp;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface NotificationsTable {
  id: string;
  kind: NotificationKind;
  area_code: string | null;
  /** Who it is for, as shown in the console: a unit, a user, or a masked phone. */
  recipient: string;
  phone_enc: string | null;
  /** As the console shows it: masked when the real text is secret (a verification code under the SMS driver). */
  message: string;
  /** The real text, encrypted, when `message` is a masked copy; what the SMS driver sends. */
  message_enc: string | null;
  appeal_id: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Timestamp;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  last_error: string | null;
}

export type UserRow = Selectable<UsersTable>;
export type JobRow = Selectable<JobsTable>;
export type NewJob = Insertable<JobsTable>;
export type UserUpdate = Updateable<UsersTable>;
