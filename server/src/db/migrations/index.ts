import type { Migration } from 'kysely';
import * as createPlatform from './2026_11_22_0900_create_platform';
import * as createSettings from './2026_11_22_0910_create_settings';
import * as createRegistry from './2026_11_22_1100_create_registry';
import * as registryImports from './2026_11_22_1300_registry_imports';
import * as tierRuns from './2026_11_22_1400_tier_runs';
import * as createAppeals from './2026_11_22_1600_create_appeals';
import * as appealQueues from './2026_11_22_1700_appeal_queues';
import * as appealAttachments from './2026_11_22_1800_appeal_attachments';
import * as createAssistance from './2026_11_22_1900_create_assistance';
import * as dashboardIndexes from './2026_11_22_2000_dashboard_indexes';
import * as createAssessments from './2026_11_22_2100_create_assessments';
import * as dashboardCounts from './2026_11_22_2200_dashboard_counts';
import * as createCalendar from './2026_12_07_0900_create_calendar';
import * as createUnits from './2026_12_07_0910_create_units';
import * as createVerificationCodes from './2026_12_07_0920_create_verification_codes';
import * as createIntegrations from './2026_12_07_0930_create_integrations';
import * as createNotices from './2026_12_07_0940_create_notices';
import * as categoryWorkingDays from './2026_12_07_0950_category_working_days';
import * as auditSealedChain from './2026_12_08_1000_audit_sealed_chain';
import * as tokenScopesAndLoginThrottle from './2026_12_08_1100_token_scopes_and_login_throttle';
import * as publicSubmissions from './2026_12_08_1200_public_submissions';
import * as rosterLayouts from './2026_12_08_1300_roster_layouts';
import * as createOpen311 from './2026_12_08_1400_create_open311';
import * as createWarnings from './2026_12_08_1500_create_warnings';
import * as createDispatches from './2026_12_08_1600_create_dispatches';
import * as createWhistles from './2026_12_08_1700_create_whistles';
import * as createReceptionDays from './2026_12_08_1800_create_reception_days';
import * as createDemocracy from './2026_12_09_0900_create_democracy';
import * as createDisclosuresAndProjects from './2026_12_09_0910_create_disclosures_and_projects';
import * as createMonthlyTopics from './2026_12_09_0920_create_monthly_topics';
import * as createServices from './2026_12_10_0900_create_services';
import * as proxyRequestsAgentDue from './2026_12_10_0920_proxy_requests_agent_due';
import * as proxyRequestsAppeal from './2026_12_10_0921_proxy_requests_appeal';
import * as servicesReachIndexes from './2026_12_10_0930_services_reach_indexes';

/** Every migration, in order. A new migration file is added here and never edited once landed. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_0900_create_platform': createPlatform,
  '2026_11_22_0910_create_settings': createSettings,
  '2026_11_22_1100_create_registry': createRegistry,
  '2026_11_22_1300_registry_imports': registryImports,
  '2026_11_22_1400_tier_runs': tierRuns,
  '2026_11_22_1600_create_appeals': createAppeals,
  '2026_11_22_1700_appeal_queues': appealQueues,
  '2026_11_22_1800_appeal_attachments': appealAttachments,
  '2026_11_22_1900_create_assistance': createAssistance,
  '2026_11_22_2000_dashboard_indexes': dashboardIndexes,
  '2026_11_22_2100_create_assessments': createAssessments,
  '2026_11_22_2200_dashboard_counts': dashboardCounts,
  '2026_12_07_0900_create_calendar': createCalendar,
  '2026_12_07_0910_create_units': createUnits,
  '2026_12_07_0920_create_verification_codes': createVerificationCodes,
  '2026_12_07_0930_create_integrations': createIntegrations,
  '2026_12_07_0940_create_notices': createNotices,
  '2026_12_07_0950_category_working_days': categoryWorkingDays,
  '2026_12_08_1000_audit_sealed_chain': auditSealedChain,
  '2026_12_08_1100_token_scopes_and_login_throttle': tokenScopesAndLoginThrottle,
  '2026_12_08_1200_public_submissions': publicSubmissions,
  '2026_12_08_1300_roster_layouts': rosterLayouts,
  '2026_12_08_1400_create_open311': createOpen311,
  '2026_12_08_1500_create_warnings': createWarnings,
  '2026_12_08_1600_create_dispatches': createDispatches,
  '2026_12_08_1700_create_whistles': createWhistles,
  '2026_12_08_1800_create_reception_days': createReceptionDays,
  '2026_12_09_0900_create_democracy': createDemocracy,
  '2026_12_09_0910_create_disclosures_and_projects': createDisclosuresAndProjects,
  '2026_12_09_0920_create_monthly_topics': createMonthlyTopics,
  '2026_12_10_0900_create_services': createServices,
  '2026_12_10_0920_proxy_requests_agent_due': proxyRequestsAgentDue,
  '2026_12_10_0921_proxy_requests_appeal': proxyRequestsAppeal,
  '2026_12_10_0930_services_reach_indexes': servicesReachIndexes,
};
