// Assistance's tables: cadre quotas, pairings, contact points, visits, help measures and helper ratings.
import type { Tier, Timestamp } from './columns';

export interface CadreQuotasTable {
  user_id: string;
  min: number;
  max: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface PairingsTable {
  id: string;
  household_id: string;
  cadre_id: string;
  village_code: string;
  /** The household's area (its group or village), for scoping. */
  area_code: string;
  start_date: string;
  end_date: string | null;
  reason: string;
  status: 'active' | 'ended';
  /** The household's tier when paired or last reviewed. */
  reviewed_tier: Tier | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  version: number;
  updated_at: Timestamp;
}

export interface ContactPointsTable {
  id: string;
  leader_id: string;
  village_code: string;
  start_date: string;
  end_date: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface VisitsTable {
  id: string;
  household_id: string | null;
  village_code: string;
  area_code: string;
  date: string;
  kind: 'in_home' | 'phone' | 'group_meeting' | 'reception_day';
  findings: string;
  /** JSON array of need codes. */
  needs: string;
  latitude: number | null;
  longitude: number | null;
  created_by: string;
  created_at: Timestamp;
}

export interface VisitCadresTable {
  visit_id: string;
  cadre_id: string;
  date: string;
  village_code: string;
}

export interface VisitPhotosTable {
  id: string;
  visit_id: string;
  content_type: 'image/jpeg' | 'image/png';
  size: number;
  content: Buffer;
  created_at: Timestamp;
}

export interface VisitAppealsTable {
  visit_id: string;
  appeal_id: string;
}

export interface HelpMeasuresTable {
  id: string;
  household_id: string;
  cadre_id: string;
  area_code: string;
  kind: string;
  status: 'planned' | 'in_progress' | 'done' | 'failed';
  description: string;
  outcome: string;
  start_date: string | null;
  finished_at: Timestamp | null;
  visit_id: string | null;
  created_at: Timestamp;
  version: number;
  updated_at: Timestamp;
}

export interface HelperRatingsTable {
  id: string;
  pairing_id: string;
  cadre_id: string;
  rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
  comment: string;
  via: 'callback' | 'link';
  created_at: Timestamp;
}

export interface RatingLinksTable {
  token_hash: string;
  pairing_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
}
