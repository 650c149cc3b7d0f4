import type { TopicStatus } from '@lianxin/common';
import type { Timestamp } from './columns';

// 每月一题: the month's topics, their linked appeals and their measures.

export interface MonthlyTopicsTable {
  id: string;
  /** YYYY-MM, China calendar. */
  month: string;
  area_code: string;
  category_code: string;
  title: string;
  description: string | null;
  lead_unit_id: string;
  goal_percent: number;
  goal_text: string | null;
  status: TopicStatus;
  created_at: Timestamp;
  created_by: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  outcome_note: string | null;
  version: number;
}

export interface MonthlyTopicAppealsTable {
  topic_id: string;
  appeal_id: string;
}

export interface MonthlyTopicMeasuresTable {
  id: string;
  topic_id: string;
  text: string;
  unit_id: string;
  /** YYYY-MM-DD. */
  due_date: string;
  done_at: Timestamp | null;
  done_by: string | null;
  created_at: Timestamp;
}
