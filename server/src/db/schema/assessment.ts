// Assessment's tables: the yearly assessment and the dashboard's counts.
import type { Cohort } from '@lianxin/common';
import type { Generated } from 'kysely';
import type { Timestamp } from './columns';

export interface AssessmentYearsTable {
  year: number;
  /** JSON AssessmentConfig. */
  config: string;
  status: 'draft' | 'finalized';
  computed_at: Timestamp | null;
  finalized_at: Timestamp | null;
  finalized_by: string | null;
  updated_at: Timestamp;
}

export interface AssessmentScoresTable {
  year: number;
  cadre_id: string;
  cohort: Cohort;
  area_code: string;
  /** JSON array of { indicator, weight, value, points }. */
  breakdown: string;
  score: number | null;
  rank: number | null;
  comment: string | null;
}

/** A write that may move a dashboard count; recounted and removed before the counts are read. */
export interface DashboardChangesTable {
  id: Generated<number>;
  subject: 'appeals' | 'households';
  area_code: string;
  /** China calendar month received (YYYY-MM), for appeals. */
  month: string | null;
}

/** Per village and China calendar month ('YYYY-MM') or day ('YYYY-MM-DD') received: the counts behind the appeal rates. */
export interface AppealCountsTable {
  period: string;
  village_code: string;
  received: number;
  responded: number;
  resolved: number;
  on_time: number;
  rated: number;
  satisfied: number;
  at_village: number;
  at_town: number;
  to_district: number;
  to_town: number;
}

export interface AppealCategoryCountsTable {
  period: string;
  /** The first 9 digits of the villages' codes: their town. */
  town_prefix: string;
  category_code: string;
  received: number;
}

/** Active households per area code (village or group) and tier. */
export interface HouseholdCountsTable {
  area_code: string;
  stable: number;
  watch: number;
  priority: number;
  priority_paired: number;
}
