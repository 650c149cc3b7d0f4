import type { WhistleStatus } from '@lianxin/common';
import type { Bool, Timestamp } from './columns';

// 吹哨报到: whistles and the departments each names.

export interface WhistlesTable {
  id: string;
  town_code: string;
  village_code: string;
  appeal_id: string | null;
  place: string | null;
  description: string;
  status: WhistleStatus;
  outside_working_time: Bool;
  raised_at: Timestamp;
  raised_by: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  closing_note: string | null;
  version: number;
}

export interface WhistleUnitsTable {
  whistle_id: string;
  unit_id: string;
  due_at: Timestamp;
  reported_at: Timestamp | null;
  reported_by: string | null;
  action: string | null;
  late: Bool;
}
