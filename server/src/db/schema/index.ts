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
  PublicSubmissionsTable,
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
  DemocracyAuthorisationsTable,
  DemocracyMemberHouseholdsTable,
  DemocracyMembersTable,
  MatterAttachmentsTable,
  MatterSpendingsTable,
  MattersTable,
  MatterTasksTable,
  MeetingRollTable,
  MeetingsTable,
} from './democracy';
import type {
  DisclosureSchedulesTable,
  DisclosuresTable,
  ProjectAccountabilitiesTable,
  ProjectSpendingsTable,
  ProjectStagesTable,
  ProjectsTable,
} from './disclosures';
import type {
  IntegrationKeysTable,
  IntegrationsTable,
  WebhookDeliveriesTable,
  WebhooksTable,
} from './integrations';
import type { NoticeAttachmentsTable, NoticeCommentsTable, NoticesTable } from './notices';
import type { HotlineWorkOrdersTable, Open311RequestsTable } from './open311';
import type {
  ApiTokensTable,
  AuditChainTable,
  AuditLogTable,
  JobsTable,
  LoginAddressesTable,
  LoginFailuresTable,
  LoginThrottleTable,
  NotificationsTable,
  SessionsTable,
  SettingsTable,
  UsersTable,
} from './platform';
import type { ReceptionDayAppealsTable, ReceptionDaysTable } from './reception';
import type {
  AreasTable,
  HouseholdImportsTable,
  HouseholdIndicatorsTable,
  HouseholdsTable,
  HouseholdTagsTable,
  IdNumberChecksTable,
  IdNumberLookupsTable,
  ImportMappingsTable,
  ResidentsTable,
  ResidentTagsTable,
  TagDefinitionsTable,
  TierHistoryTable,
  TierOverridesTable,
  TierRuleSetsTable,
  TierRunsTable,
} from './registry';
import type {
  ProxyRequestEventsTable,
  ProxyRequestFilesTable,
  ProxyRequestMaterialsTable,
  ProxyRequestsTable,
  RatingFollowUpsTable,
  ServiceCentreItemsTable,
  ServiceCentresTable,
  ServiceDutiesTable,
  ServiceItemsTable,
  ServiceItemVersionsTable,
  ServiceRatingLinksTable,
  ServiceRatingsTable,
} from './services';
import type { MonthlyTopicAppealsTable, MonthlyTopicMeasuresTable, MonthlyTopicsTable } from './topics';
import type { AppealDispatchesTable, AppealUnitsTable, UnitCategoriesTable, UnitsTable } from './units';
import type { VerificationCodesTable } from './verification';
import type { WarningAppealsTable, WarningsTable } from './warnings';
import type { WhistlesTable, WhistleUnitsTable } from './whistles';

export type {
  AppealAttachmentsTable,
  AppealCallbacksTable,
  AppealCategoriesTable,
  AppealEventsTable,
  AppealsTable,
  MediationSessionsTable,
  MediationsTable,
  PublicFailuresTable,
  PublicSubmissionsTable,
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
  DemocracyAuthorisationsTable,
  DemocracyMemberHouseholdsTable,
  DemocracyMembersTable,
  MatterAttachmentsTable,
  MatterSpendingsTable,
  MattersTable,
  MatterTasksTable,
  MeetingRollTable,
  MeetingsTable,
} from './democracy';
export type {
  DisclosureSchedulesTable,
  DisclosuresTable,
  ProjectAccountabilitiesTable,
  ProjectSpendingsTable,
  ProjectStagesTable,
  ProjectsTable,
} from './disclosures';
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
export type { HotlineWorkOrdersTable, Open311RequestsTable } from './open311';
export type {
  ApiTokensTable,
  AuditChainTable,
  AuditLogTable,
  JobRow,
  JobsTable,
  LoginAddressesTable,
  LoginFailuresTable,
  LoginThrottleTable,
  NewJob,
  NotificationsTable,
  SessionsTable,
  SettingsTable,
  UserRow,
  UsersTable,
  UserUpdate,
} from './platform';
export type { ReceptionDayAppealsTable, ReceptionDaysTable } from './reception';
export type {
  AreaRow,
  AreasTable,
  HouseholdImportsTable,
  HouseholdIndicatorsTable,
  HouseholdsTable,
  HouseholdTagsTable,
  IdNumberChecksTable,
  IdNumberLookupsTable,
  ImportMappingsTable,
  ResidentsTable,
  ResidentTagsTable,
  TagDefinitionsTable,
  TierHistoryTable,
  TierOverridesTable,
  TierRuleSetsTable,
  TierRunsTable,
} from './registry';
export type {
  ProxyRequestEventsTable,
  ProxyRequestFilesTable,
  ProxyRequestMaterialsTable,
  ProxyRequestsTable,
  RatingFollowUpsTable,
  ServiceCentreItemsTable,
  ServiceCentresTable,
  ServiceDutiesTable,
  ServiceItemsTable,
  ServiceItemVersionsTable,
  ServiceRatingLinksTable,
  ServiceRatingsTable,
} from './services';
export type { MonthlyTopicAppealsTable, MonthlyTopicMeasuresTable, MonthlyTopicsTable } from './topics';
export type { AppealDispatchesTable, AppealUnitsTable, UnitCategoriesTable, UnitsTable } from './units';
export type { VerificationCodesTable } from './verification';
export type { WarningAppealsTable, WarningsTable } from './warnings';
export type { WhistlesTable, WhistleUnitsTable } from './whistles';

export interface DB {
  service_items: ServiceItemsTable;
  service_item_versions: ServiceItemVersionsTable;
  service_centres: ServiceCentresTable;
  service_centre_items: ServiceCentreItemsTable;
  service_duties: ServiceDutiesTable;
  proxy_requests: ProxyRequestsTable;
  proxy_request_events: ProxyRequestEventsTable;
  proxy_request_materials: ProxyRequestMaterialsTable;
  proxy_request_files: ProxyRequestFilesTable;
  service_ratings: ServiceRatingsTable;
  rating_follow_ups: RatingFollowUpsTable;
  service_rating_links: ServiceRatingLinksTable;
  disclosure_schedules: DisclosureSchedulesTable;
  disclosures: DisclosuresTable;
  projects: ProjectsTable;
  project_stages: ProjectStagesTable;
  project_spendings: ProjectSpendingsTable;
  project_accountabilities: ProjectAccountabilitiesTable;
  democracy_members: DemocracyMembersTable;
  democracy_member_households: DemocracyMemberHouseholdsTable;
  democracy_authorisations: DemocracyAuthorisationsTable;
  matters: MattersTable;
  meetings: MeetingsTable;
  meeting_roll: MeetingRollTable;
  matter_tasks: MatterTasksTable;
  matter_spendings: MatterSpendingsTable;
  matter_attachments: MatterAttachmentsTable;
  whistles: WhistlesTable;
  whistle_units: WhistleUnitsTable;
  reception_days: ReceptionDaysTable;
  reception_day_appeals: ReceptionDayAppealsTable;
  monthly_topics: MonthlyTopicsTable;
  monthly_topic_appeals: MonthlyTopicAppealsTable;
  monthly_topic_measures: MonthlyTopicMeasuresTable;
  warnings: WarningsTable;
  warning_appeals: WarningAppealsTable;
  units: UnitsTable;
  unit_categories: UnitCategoriesTable;
  appeal_units: AppealUnitsTable;
  appeal_dispatches: AppealDispatchesTable;
  areas: AreasTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  integrations: IntegrationsTable;
  integration_keys: IntegrationKeysTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  login_failures: LoginFailuresTable;
  login_throttle: LoginThrottleTable;
  login_addresses: LoginAddressesTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
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
  import_mappings: ImportMappingsTable;
  id_number_lookups: IdNumberLookupsTable;
  id_number_checks: IdNumberChecksTable;
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
  public_submissions: PublicSubmissionsTable;
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
  open311_requests: Open311RequestsTable;
  hotline_work_orders: HotlineWorkOrdersTable;
}
