// The appeals' tables: categories, appeals and their events, callbacks, mediations, screenings,
// attachments and the public page's failed look-ups.
import type {
  AppealChannel,
  AppealEventKind,
  AppealSourceKind,
  AppealStatus,
  PeriodUnit,
} from '@lianxin/common';
import type { Generated } from 'kysely';
import type { Bool, Timestamp } from './columns';

type AppealLevel = 'village' | 'town' | 'district';

export interface AppealCategoriesTable {
  code: string;
  parent_code: string | null;
  name_zh: string;
  name_en: string;
  default_level: AppealLevel;
  default_urgency: 'urgent' | 'normal' | 'complex';
  resolution_days: number | null;
  deadline_unit: Generated<PeriodUnit>;
  dispute: Bool;
  active: Bool;
  sort: number;
  updated_at: Timestamp;
}

export interface AppealsTable {
  id: string;
  tracking_code: string;
  title: string;
  description: string;
  category_code: string;
  channel: AppealChannel;
  urgency: 'urgent' | 'normal' | 'complex';
  status: AppealStatus;
  level: AppealLevel;
  /** The highest level the appeal ever reached. */
  max_level: AppealLevel;
  village_code: string;
  /** The unit that holds the appeal now: the village, its town or the district. */
  holder_area_code: string;
  handler_id: string | null;
  address: string;
  latitude: number | null;
  longitude: number | null;
  reporter_kind: 'resident' | 'person' | 'anonymous';
  reporter_resident_id: string | null;
  household_id: string | null;
  reporter_name: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_hash: string | null;
  reporter_phone_masked: string | null;
  submitter_ip_hash: string | null;
  received_at: Timestamp;
  response_due_at: Timestamp;
  resolution_due_at: Timestamp;
  /** When the warning (催办) is due; cleared once sent. */
  response_warn_at: Timestamp | null;
  resolution_warn_at: Timestamp | null;
  accepted_at: Timestamp | null;
  resolved_at: Timestamp | null;
  resolved_level: AppealLevel | null;
  resolved_by: string | null;
  closed_at: Timestamp | null;
  resolution: string | null;
  deferral_reason: string | null;
  deferral_date: string | null;
  deferral_approved: Bool;
  merged_into_id: string | null;
  reopen_count: number;
  rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null;
  rating_comment: string | null;
  rated_at: Timestamp | null;
  screening_id: string | null;
  /** What the appeal came from when another module raised it (submitAppeal). */
  source_kind: AppealSourceKind | null;
  source_id: string | null;
  created_by: string | null;
  version: number;
  updated_at: Timestamp;
}

export interface AppealEventsTable {
  id: string;
  appeal_id: string;
  at: Timestamp;
  kind: AppealEventKind;
  actor_id: string | null;
  actor_name: string | null;
  from_status: AppealStatus | null;
  to_status: AppealStatus | null;
  from_level: AppealLevel | null;
  to_level: AppealLevel | null;
  note: string | null;
  public: Bool;
}

export interface AppealCallbacksTable {
  id: string;
  appeal_id: string;
  /** The unit that resolved the appeal; someone there other than the handler calls back. */
  area_code: string;
  handler_id: string | null;
  due_at: Timestamp;
  attempts: number;
  reminded_at: Timestamp | null;
  done_at: Timestamp | null;
  done_by: string | null;
  rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null;
  comment: string | null;
  created_at: Timestamp;
}

export interface MediationsTable {
  id: string;
  appeal_id: string;
  /** JSON array of { name, phone, role }. */
  parties: string;
  /** JSON array of user ids. */
  mediator_ids: string;
  outcome: 'agreement' | 'partial' | 'failed' | null;
  agreement: string | null;
  follow_up_date: string | null;
  created_by: string | null;
  created_at: Timestamp;
  version: number;
  updated_at: Timestamp;
}

export interface MediationSessionsTable {
  id: string;
  mediation_id: string;
  date: string;
  notes: string;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface ScreeningsTable {
  id: string;
  village_code: string;
  date: string;
  note: string;
  disputes_found: number;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AppealAttachmentsTable {
  id: string;
  appeal_id: string;
  file_name: string;
  content_type: 'image/jpeg' | 'image/png' | 'application/pdf';
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface PublicFailuresTable {
  id: string;
  ip_hash: string;
  at: Timestamp;
}

/** One accepted public submission, as the public page's limits count it. */
export interface PublicSubmissionsTable {
  id: string;
  ip_hash: string;
  phone_hash: string;
  at: Timestamp;
}
