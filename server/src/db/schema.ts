import type { AppealChannel, AppealEventKind, AppealStatus, NotificationKind } from '@lianxin/common';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Timestamps are ISO-8601 strings in UTC on both engines (see dialect.ts);
// booleans are 0/1 on SQLite and true/false on PostgreSQL, read through `Boolean()`.
type Timestamp = string;
type Tier = 'stable' | 'watch' | 'priority';
type Bool = ColumnType<boolean | number, boolean, boolean>;

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

export interface UsersTable {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  role: string;
  area_code: string;
  rank: string | null;
  locale: string | null;
  password_hash: string;
  disabled_at: Timestamp | null;
  last_login_at: Timestamp | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginFailuresTable {
  id: string;
  username: string;
  ip: string;
  at: Timestamp;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  area_code: string | null;
  ip: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  run_at: Timestamp;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: Timestamp;
  updated_by: string | null;
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
}

export interface TierRunsTable {
  id: string;
  rule_version: number;
  cause: string;
  households: number;
  moved: number;
  finished_at: Timestamp;
}

type AppealLevel = 'village' | 'town' | 'district';

export interface AppealCategoriesTable {
  code: string;
  parent_code: string | null;
  name_zh: string;
  name_en: string;
  default_level: AppealLevel;
  default_urgency: 'urgent' | 'normal' | 'complex';
  resolution_days: number | null;
  dispute: Bool;
  active: Bool;
  sort: number;
  updated_at: Timestamp;
}

export interface AppealsTable {
  id: string;
  tracking_code: string;
  title: string;
  description: string;
  category_code: string;
  channel: AppealChannel;
  urgency: 'urgent' | 'normal' | 'complex';
  status: AppealStatus;
  level: AppealLevel;
  /** The highest level the appeal ever reached. */
  max_level: AppealLevel;
  village_code: string;
  /** The unit that holds the appeal now: the village, its town or the district. */
  holder_area_code: string;
  handler_id: string | null;
  address: string;
  latitude: number | null;
  longitude: number | null;
  reporter_kind: 'resident' | 'person' | 'anonymous';
  reporter_resident_id: string | null;
  household_id: string | null;
  reporter_name: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_hash: string | null;
  reporter_phone_masked: string | null;
  submitter_ip_hash: string | null;
  received_at: Timestamp;
  response_due_at: Timestamp;
  resolution_due_at: Timestamp;
  /** When the warning (催办) is due; cleared once sent. */
  response_warn_at: Timestamp | null;
  resolution_warn_at: Timestamp | null;
  accepted_at: Timestamp | null;
  resolved_at: Timestamp | null;
  resolved_level: AppealLevel | null;
  resolved_by: string | null;
  closed_at: Timestamp | null;
  resolution: string | null;
  deferral_reason: string | null;
  deferral_date: string | null;
  deferral_approved: Bool;
  merged_into_id: string | null;
  reopen_count: number;
  rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null;
  rating_comment: string | null;
  rated_at: Timestamp | null;
  screening_id: string | null;
  created_by: string | null;
  version: number;
  updated_at: Timestamp;
}

export interface AppealEventsTable {
  id: string;
  appeal_id: string;
  at: Timestamp;
  kind: AppealEventKind;
  actor_id: string | null;
  actor_name: string | null;
  from_status: AppealStatus | null;
  to_status: AppealStatus | null;
  from_level: AppealLevel | null;
  to_level: AppealLevel | null;
  note: string | null;
  public: Bool;
}

export interface AppealCallbacksTable {
  id: string;
  appeal_id: string;
  /** The unit that resolved the appeal; someone there other than the handler calls back. */
  area_code: string;
  handler_id: string | null;
  due_at: Timestamp;
  attempts: number;
  reminded_at: Timestamp | null;
  done_at: Timestamp | null;
  done_by: string | null;
  rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null;
  comment: string | null;
  created_at: Timestamp;
}

export interface MediationsTable {
  id: string;
  appeal_id: string;
  /** JSON array of { name, phone, role }. */
  parties: string;
  /** JSON array of user ids. */
  mediator_ids: string;
  outcome: 'agreement' | 'partial' | 'failed' | null;
  agreement: string | null;
  follow_up_date: string | null;
  created_by: string | null;
  created_at: Timestamp;
  version: number;
  updated_at: Timestamp;
}

export interface MediationSessionsTable {
  id: string;
  mediation_id: string;
  date: string;
  notes: string;
  recorded_by: string | null;
  created_at: Timestamp;
}

export interface ScreeningsTable {
  id: string;
  village_code: string;
  date: string;
  note: string;
  disputes_found: number;
  created_by: string | null;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: string;
  kind: NotificationKind;
  area_code: string | null;
  /** Who it is for, as shown in the console: a unit, a user, or a masked phone. */
  recipient: string;
  phone_enc: string | null;
  message: string;
  appeal_id: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Timestamp;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  last_error: string | null;
}

export interface AppealAttachmentsTable {
  id: string;
  appeal_id: string;
  file_name: string;
  content_type: 'image/jpeg' | 'image/png' | 'application/pdf';
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface PublicFailuresTable {
  id: string;
  ip_hash: string;
  at: Timestamp;
}

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
  cohort: 'village_cadres' | 'town_staff' | 'town_heads' | 'leaders';
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

export interface DB {
  areas: AreasTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  jobs: JobsTable;
  settings: SettingsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
  tag_definitions: TagDefinitionsTable;
  household_tags: HouseholdTagsTable;
  resident_tags: ResidentTagsTable;
  household_indicators: HouseholdIndicatorsTable;
  tier_rule_sets: TierRuleSetsTable;
  tier_history: TierHistoryTable;
  tier_overrides: TierOverridesTable;
  household_imports: HouseholdImportsTable;
  tier_runs: TierRunsTable;
  appeal_categories: AppealCategoriesTable;
  appeals: AppealsTable;
  appeal_events: AppealEventsTable;
  appeal_callbacks: AppealCallbacksTable;
  mediations: MediationsTable;
  mediation_sessions: MediationSessionsTable;
  screenings: ScreeningsTable;
  notifications: NotificationsTable;
  public_failures: PublicFailuresTable;
  appeal_attachments: AppealAttachmentsTable;
  cadre_quotas: CadreQuotasTable;
  pairings: PairingsTable;
  contact_points: ContactPointsTable;
  visits: VisitsTable;
  visit_cadres: VisitCadresTable;
  visit_photos: VisitPhotosTable;
  visit_appeals: VisitAppealsTable;
  help_measures: HelpMeasuresTable;
  helper_ratings: HelperRatingsTable;
  rating_links: RatingLinksTable;
  assessment_years: AssessmentYearsTable;
  assessment_scores: AssessmentScoresTable;
  dashboard_changes: DashboardChangesTable;
  appeal_counts_monthly: AppealCountsTable;
  appeal_counts_daily: AppealCountsTable;
  appeal_categories_monthly: AppealCategoryCountsTable;
  appeal_categories_daily: AppealCategoryCountsTable;
  household_counts: HouseholdCountsTable;
}

export type AreaRow = Selectable<AreasTable>;
export type UserRow = Selectable<UsersTable>;
export type JobRow = Selectable<JobsTable>;
export type NewJob = Insertable<JobsTable>;
export type UserUpdate = Updateable<UsersTable>;
