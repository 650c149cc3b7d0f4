// The working-day calendar's tables: the loaded years and their special days.
import type { Bool, Timestamp } from './columns';

export interface CalendarYearsTable {
  year: number;
  /** 'shipped' with the release, or 'edited' by the district admin (never overwritten then). */
  source: string;
  provisional: Bool;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CalendarDaysTable {
  /** YYYY-MM-DD, China date. */
  date: string;
  year: number;
  /** 'holiday' (a day off) or 'workday' (a make-up working Saturday or Sunday). */
  kind: string;
  name: string;
}
