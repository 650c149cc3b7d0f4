import type { ReceptionDayStatus } from '@lianxin/common';
import type { Timestamp } from './columns';

// Reception days (大接访 / 大下访) and the appeals received there.

export interface ReceptionDaysTable {
  id: string;
  area_code: string;
  leader_name: string;
  leader_post: string;
  place: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** JSON array of strings. */
  topics: string;
  note: string | null;
  status: ReceptionDayStatus;
  summary: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface ReceptionDayAppealsTable {
  reception_day_id: string;
  appeal_id: string;
  linked_at: Timestamp;
  linked_by: string | null;
}
