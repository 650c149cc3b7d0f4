import type {
  FollowUpAnswer,
  FollowUpStatus,
  MaterialForm,
  ProxyChannel,
  ProxyFileKind,
  ProxyStatus,
  RatedParty,
  ServiceCategory,
} from '@lianxin/common';
import type { Bool, Timestamp } from './columns';

// 便民服务: the catalogue, centres and stations, proxy requests (代办) and 好差评.

export interface ServiceItemsTable {
  id: string;
  code: string;
  area_code: string;
  category: ServiceCategory;
  name: string;
  search_text: string;
  unit_id: string;
  proxy_allowed: Bool;
  promised_days: number;
  current_version: number;
  active: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface ServiceItemVersionsTable {
  item_id: string;
  version_no: number;
  /** JSON: the whole guide (办事指南) as it was at this version. */
  guide: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface ServiceCentresTable {
  unit_id: string;
  intro: string | null;
  hours_text: string | null;
  holiday_hours_text: string | null;
  updated_at: Timestamp;
  version: number;
}

export interface ServiceCentreItemsTable {
  unit_id: string;
  item_id: string;
}

export interface ServiceDutiesTable {
  id: string;
  unit_id: string;
  duty_date: string;
  user_id: string | null;
  name: string;
  phone: string | null;
  note: string | null;
  created_at: Timestamp;
}

export interface ProxyRequestsTable {
  id: string;
  tracking_code: string;
  item_id: string;
  item_version: number;
  area_code: string;
  station_id: string;
  unit_id: string;
  agent_id: string | null;
  channel: ProxyChannel;
  resident_id: string | null;
  applicant_name: string;
  phone_enc: string;
  phone_hash: string;
  phone_masked: string;
  description: string | null;
  status: ProxyStatus;
  due_at: Timestamp | null;
  warned_at: Timestamp | null;
  assigned_at: Timestamp | null;
  authorised_at: Timestamp | null;
  collected_at: Timestamp | null;
  submitted_at: Timestamp | null;
  unit_receipt_no: string | null;
  result_at: Timestamp | null;
  result_note: string | null;
  delivered_at: Timestamp | null;
  closed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  appeal_id: string | null;
  papers_purge_after: Timestamp | null;
  papers_purged_at: Timestamp | null;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  version: number;
}

export interface ProxyRequestEventsTable {
  id: string;
  request_id: string;
  kind: string;
  note: string | null;
  /** JSON details of the step (a receipt number, the materials ticked…). */
  data: string | null;
  at: Timestamp;
  by: string | null;
}

export interface ProxyRequestMaterialsTable {
  id: string;
  request_id: string;
  name: string;
  form: MaterialForm;
  count: number;
  collected_at: Timestamp | null;
  receipt_no: string | null;
  returned_at: Timestamp | null;
  note: string | null;
}

export interface ProxyRequestFilesTable {
  id: string;
  request_id: string;
  kind: ProxyFileKind;
  material_id: string | null;
  file_name: string;
  content_type: 'image/jpeg' | 'image/png' | 'application/pdf';
  size: number;
  /** Sealed (AES-256-GCM) bytes: copies of ID cards are sensitive personal data. */
  content: Buffer;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface ServiceRatingsTable {
  id: string;
  request_id: string;
  area_code: string;
  station_id: string;
  unit_id: string;
  agent_id: string | null;
  agent_level: number;
  unit_level: number;
  comment: string | null;
  named: Bool;
  channel: 'tracking' | 'link';
  rated_at: Timestamp;
}

export interface RatingFollowUpsTable {
  id: string;
  rating_id: string;
  party: RatedParty;
  area_code: string;
  station_id: string;
  unit_id: string;
  status: FollowUpStatus;
  due_at: Timestamp;
  called_back_at: Timestamp | null;
  callback_note: string | null;
  outcome: FollowUpAnswer | null;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
  review_reason: string | null;
  review_requested_at: Timestamp | null;
  review_requested_by: string | null;
  review_decision: 'upheld' | 'overturned' | null;
  review_note: string | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  created_at: Timestamp;
  version: number;
}

export interface ServiceRatingLinksTable {
  token_hash: string;
  request_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}
