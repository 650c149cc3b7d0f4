// The public notices' tables (公示): notices, their comments and objections, their attachments.
import type {
  NoticeCommentKind,
  NoticeCommentMode,
  NoticeKind,
  NoticeOutcome,
  NoticePeriodUnit,
  NoticeStatus,
} from '@lianxin/common';
import type { Timestamp } from './columns';

export interface NoticesTable {
  id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  area_code: string;
  publisher_unit_id: string | null;
  status: NoticeStatus;
  starts_at: Timestamp | null;
  period_days: number;
  period_unit: NoticePeriodUnit;
  ends_at: Timestamp | null;
  comment_mode: NoticeCommentMode;
  outcome: NoticeOutcome | null;
  closing_note: string | null;
  withdraw_reason: string | null;
  published_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface NoticeCommentsTable {
  id: string;
  notice_id: string;
  kind: NoticeCommentKind;
  body: string;
  author_name: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  ip_hash: string | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  appeal_id: string | null;
  created_at: Timestamp;
}

export interface NoticeAttachmentsTable {
  id: string;
  notice_id: string;
  file_name: string;
  content_type: 'image/jpeg' | 'image/png' | 'application/pdf';
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Timestamp;
}
