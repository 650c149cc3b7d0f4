// Every table's row types, by domain, and the `DB` interface Kysely is typed with.

import type {
  AppealAttachmentsTable,
  AppealCallbacksTable,
  AppealCategoriesTable,
  AppealEventsTable,
  AppealsTable,
  MediationSessionsTable,
  MediationsTable,
  PublicFailuresTable,
  ScreeningsTable,
} from './appeals';
import type {
  AppealCategoryCountsTable,
  AppealCountsTable,
  AssessmentScoresTable,
  AssessmentYearsTable,
  DashboardChangesTable,
  HouseholdCountsTable,
} from './assessment';
import type {
  CadreQuotasTable,
  ContactPointsTable,
  HelperRatingsTable,
  HelpMeasuresTable,
  PairingsTable,
  RatingLinksTable,
  VisitAppealsTable,
  VisitCadresTable,
  VisitPhotosTable,
  VisitsTable,
} from './assistance';
import type { CalendarDaysTable, CalendarYearsTable } from './calendar';
import type {
  IntegrationKeysTable,
  IntegrationsTable,
  WebhookDeliveriesTable,
  WebhooksTable,
} from './integrations';
import type { NoticeAttachmentsTable, NoticeCommentsTable, NoticesTable } from './notices';
import type {
  ApiTokensTable,
  AuditHeadTable,
  AuditLogTable,
  JobsTable,
  LoginFailuresTable,
  NotificationsTable,
  SessionsTable,
  SettingsTable,
  UsersTable,
} from './platform';
import type {
  AreasTable,
  HouseholdImportsTable,
  HouseholdIndicatorsTable,
  HouseholdsTable,
  HouseholdTagsTable,
  ResidentsTable,
  ResidentTagsTable,
  TagDefinitionsTable,
  TierHistoryTable,
  TierOverridesTable,
  TierRuleSetsTable,
  TierRunsTable,
} from './registry';
import type { AppealUnitsTable, UnitCategoriesTable, UnitsTable } from './units';
import type { VerificationCodesTable } from './verification';

export type {
  AppealAttachmentsTable,
  AppealCallbacksTable,
  AppealCategoriesTable,
  AppealEventsTable,
  AppealsTable,
  MediationSessionsTable,
  MediationsTable,
  PublicFailuresTable,
  ScreeningsTable,
} from './appeals';
export type {
  AppealCategoryCountsTable,
  AppealCountsTable,
  AssessmentScoresTable,
  AssessmentYearsTable,
  DashboardChangesTable,
  HouseholdCountsTable,
} from './assessment';
export type {
  CadreQuotasTable,
  ContactPointsTable,
  HelperRatingsTable,
  HelpMeasuresTable,
  PairingsTable,
  RatingLinksTable,
  VisitAppealsTable,
  VisitCadresTable,
  VisitPhotosTable,
  VisitsTable,
} from './assistance';
export type { CalendarDaysTable, CalendarYearsTable } from './calendar';
export type {
  IntegrationKeyRow,
  IntegrationKeysTable,
  IntegrationRow,
  IntegrationsTable,
  WebhookDeliveriesTable,
  WebhookDeliveryRow,
  WebhookRow,
  WebhooksTable,
} from './integrations';
export type { NoticeAttachmentsTable, NoticeCommentsTable, NoticesTable } from './notices';
export type {
  ApiTokensTable,
  AuditHeadTable,
  AuditLogTable,
  JobRow,
  JobsTable,
  LoginFailuresTable,
  NewJob,
  NotificationsTable,
  SessionsTable,
  SettingsTable,
  UserRow,
  UsersTable,
  UserUpdate,
} from './platform';
export type {
  AreaRow,
  AreasTable,
  HouseholdImportsTable,
  HouseholdIndicatorsTable,
  HouseholdsTable,
  HouseholdTagsTable,
  ResidentsTable,
  ResidentTagsTable,
  TagDefinitionsTable,
  TierHistoryTable,
  TierOverridesTable,
  TierRuleSetsTable,
  TierRunsTable,
} from './registry';
export type { AppealUnitsTable, UnitCategoriesTable, UnitsTable } from './units';
export type { VerificationCodesTable } from './verification';

export interface DB {
  units: UnitsTable;
  unit_categories: UnitCategoriesTable;
  appeal_units: AppealUnitsTable;
  areas: AreasTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  integrations: IntegrationsTable;
  integration_keys: IntegrationKeysTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
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
  notices: NoticesTable;
  notice_comments: NoticeCommentsTable;
  notice_attachments: NoticeAttachmentsTable;
  verification_codes: VerificationCodesTable;
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
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
}
