// Village affairs disclosure (村务公开) and major investment projects (重大投资项目).
import type {
  AccountabilityMeasure,
  AccountabilityReason,
  DisclosureCategory,
  FinanceCadence,
} from '@lianxin/common';
import type { Bool, Timestamp } from './columns';

export interface DisclosureSchedulesTable {
  village_code: string;
  finance_cadence: FinanceCadence;
  starts_on: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
  version: number;
}

export interface DisclosuresTable {
  id: string;
  village_code: string;
  category: DisclosureCategory;
  period: string;
  title: string;
  content: string;
  published_at: Timestamp;
  due_at: Timestamp;
  on_time: Bool;
  published_by: string | null;
}

export interface ProjectsTable {
  id: string;
  area_code: string;
  title: string;
  description: string;
  responsible_person: string;
  responsible_unit: string;
  budget_fen: number;
  notice_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface ProjectStagesTable {
  id: string;
  project_id: string;
  seq: number;
  name: string;
  due_on: string;
  completed_on: string | null;
  note: string;
}

export interface ProjectSpendingsTable {
  id: string;
  project_id: string;
  stage_id: string | null;
  spent_on: string;
  amount_fen: number;
  item: string;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface ProjectAccountabilitiesTable {
  id: string;
  project_id: string;
  reason: AccountabilityReason;
  stage_id: string | null;
  objection_id: string | null;
  person: string;
  measure: AccountabilityMeasure;
  decided_on: string;
  note: string;
  recorded_by: string | null;
  created_at: Timestamp;
}
