// The registry's tables: areas, households and residents, tags, yearly indicators, imports and tiering.
import type { Selectable } from 'kysely';
import type { Bool, Tier, Timestamp } from './columns';

export interface AreasTable {
  code: string;
  name: string;
  kind: 'district' | 'town' | 'village' | 'group';
  parent_code: string | null;
  extremely_poor: Bool;
  remote: Bool;
  hard_to_advance: Bool;
  disaster_hit: Bool;
  disaster_from: string | null;
  disaster_to: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HouseholdsTable {
  id: string;
  area_code: string;
  village_code: string;
  number: string;
  address: string;
  phone: string | null;
  head_resident_id: string | null;
  latitude: number | null;
  longitude: number | null;
  status: 'active' | 'moved_out' | 'dissolved';
  member_count: number;
  tier: 'stable' | 'watch' | 'priority' | null;
  tier_source: 'rules' | 'override' | null;
  tier_rule_version: number | null;
  /** JSON array of reasons. */
  tier_reasons: string | null;
  tier_updated_at: Timestamp | null;
  /** Latest year's per-capita income (yuan), kept for list filters. */
  per_capita_income: number | null;
  /** Latest year's number of hardship factors. */
  hardship_count: number | null;
  search_text: string;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ResidentsTable {
  id: string;
  household_id: string;
  area_code: string;
  name: string;
  id_number_cipher: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  relation: string;
  phone: string | null;
  party_member: Bool;
  party_join_year: number | null;
  employment: string | null;
  education: string | null;
  disabled: Bool;
  seriously_ill: Bool;
  /** JSON array. */
  public_roles: string;
  status: 'active' | 'moved_out' | 'deceased';
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TagDefinitionsTable {
  code: string;
  name: string;
  applies_to: 'household' | 'resident' | 'both';
  builtin: Bool;
  created_at: Timestamp;
}

export interface HouseholdTagsTable {
  household_id: string;
  tag_code: string;
}

export interface ResidentTagsTable {
  resident_id: string;
  tag_code: string;
}

export interface HouseholdIndicatorsTable {
  household_id: string;
  year: number;
  total_income: number;
  debt: number;
  main_income_source: string | null;
  /** JSON array of hardship factors. */
  hardships: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface TierRuleSetsTable {
  version: number;
  effective_from: string;
  /** JSON TierRules. */
  rules: string;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface TierHistoryTable {
  id: string;
  household_id: string;
  at: Timestamp;
  from_tier: string | null;
  to_tier: string;
  rule_version: number | null;
  reasons: string;
  cause: string;
  actor_id: string | null;
}

export interface TierOverridesTable {
  id: string;
  household_id: string;
  tier: Tier;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'revoked';
  proposed_by: string;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

export interface HouseholdImportsTable {
  id: string;
  area_code: string;
  created_by: string;
  locale: 'zh-CN' | 'en';
  file_name: string;
  content: Buffer | null;
  status: 'validating' | 'ready' | 'invalid' | 'committing' | 'committed' | 'failed';
  progress_done: number;
  progress_total: number;
  /** JSON ImportSummary. */
  summary: string | null;
  /** JSON array of { row, column, problem, params }, at most importLimits.errorsKept. */
  errors: string;
  error_count: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  committed_at: Timestamp | null;
  /** The village a one-village roster (no village column) belongs to. */
  village_code: string | null;
  /** The sheet chosen (0-based) when the workbook has several with a roster header. */
  sheet: number | null;
  /** JSON { header: field | null } the user chose for this file. */
  mapping: string | null;
  /** JSON RosterLayout: the header row, sheets and columns the check found. */
  layout: string | null;
  /** JSON [row, reason][] of the rows a write of the valid households holds back. */
  held_back: string | null;
  /** The held-back rows' workbook, kept once the valid households are written. */
  held_back_file: Buffer | null;
  valid_only: boolean | null;
}

/** A column mapping remembered for a village and a header signature. */
export interface ImportMappingsTable {
  area_code: string;
  signature: string;
  mapping: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A look-up that answered "registered outside your area": one per request or import file. */
export interface IdNumberLookupsTable {
  id: string;
  user_id: string;
  day: string;
  source: string;
  hits: number;
  created_at: Timestamp;
}

/** A verification case raised when an account passed its daily limit of such look-ups. */
export interface IdNumberChecksTable {
  id: string;
  town_code: string;
  area_code: string;
  user_id: string;
  source: string;
  numbers: number;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
}

export interface TierRunsTable {
  id: string;
  rule_version: number;
  cause: string;
  households: number;
  moved: number;
  finished_at: Timestamp;
}

export type AreaRow = Selectable<AreasTable>;
