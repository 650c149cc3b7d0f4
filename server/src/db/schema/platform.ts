// The platform's tables: users and their sessions, API tokens and failed logins, the audit log, jobs,
// settings and outgoing notifications.
import type { NotificationKind } from '@lianxin/common';
import type { Insertable, Selectable, Updateable } from 'kysely';
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
}

export interface LoginFailuresTable {
  id: string;
  username: string;
  ip: string;
  at: Timestamp;
}

export interface AuditLogTable {
  seq: number;
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
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
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
