// Early warning (预警): warnings and the appeals they stand on.
import type { WarningKind, WarningSeverity, WarningStatus } from '@lianxin/common';
import type { Timestamp } from './columns';

export interface WarningsTable {
  id: string;
  kind: WarningKind;
  severity: WarningSeverity;
  status: WarningStatus;
  /** What the warning is about, stable while it grows: never two warnings for one cluster. */
  cluster_key: string;
  area_code: string;
  town_code: string;
  category_code: string | null;
  summary: string;
  /** JSON array of the safety or risk words found. */
  words: string;
  appeal_count: number;
  household_count: number;
  first_at: Timestamp;
  last_at: Timestamp;
  raised_at: Timestamp;
  updated_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  handled_at: Timestamp | null;
  handled_by: string | null;
  note: string | null;
  /** JSON array of the actions taken, one line each. */
  actions: string;
  closed_at: Timestamp | null;
  closed_by: string | null;
  version: number;
}

export interface WarningAppealsTable {
  warning_id: string;
  appeal_id: string;
}
