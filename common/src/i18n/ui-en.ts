import { appealsEn } from './appeals.en';
import { appealsFollowUpEn } from './appeals-follow-up.en';
import { areasEn } from './areas.en';
import { assessmentEn } from './assessment.en';
import { assistanceEn } from './assistance.en';
import { auditEn } from './audit.en';
import { calendarEn } from './calendar.en';
import { consoleEn } from './console.en';
import { democracyEn } from './democracy.en';
import { democracyWebEn } from './democracy-web.en';
import { departmentsEn } from './departments.en';
import { disclosuresEn } from './disclosures.en';
import { householdsEn } from './households.en';
import { integrationsEn } from './integrations.en';
import { noticesEn } from './notices.en';
import { projectsEn } from './projects.en';
import { publicEn } from './public.en';
import { receptionEn } from './reception.en';
import { servicesCatalogueEn } from './services-catalogue.en';
import { servicesRatingsEn } from './services-ratings.en';
import { servicesRequestsEn } from './services-requests.en';
import { servicesWebEn } from './services-web.en';
import { setupEn } from './setup.en';
import { tieringEn } from './tiering.en';
import { todosEn } from './todos.en';
import { topicsEn } from './topics.en';
import type { UiKey } from './ui-zh-CN';
import { usersEn } from './users.en';
import { verificationEn } from './verification.en';
import { villagePageEn } from './village-page.en';
import { warningsEn } from './warnings.en';
import { whistlesEn } from './whistles.en';

/** The staff console's strings in English, one catalogue per domain (`<domain>.en.ts`). */
export const uiEnCatalogues = [
  consoleEn,
  publicEn,
  villagePageEn,
  verificationEn,
  areasEn,
  usersEn,
  auditEn,
  integrationsEn,
  calendarEn,
  departmentsEn,
  whistlesEn,
  topicsEn,
  receptionEn,
  householdsEn,
  tieringEn,
  appealsEn,
  appealsFollowUpEn,
  assistanceEn,
  assessmentEn,
  noticesEn,
  democracyEn,
  democracyWebEn,
  disclosuresEn,
  projectsEn,
  warningsEn,
  todosEn,
  setupEn,
  servicesWebEn,
  servicesRequestsEn,
  servicesRatingsEn,
  servicesCatalogueEn,
] as const;

export const uiEn: Record<UiKey, string> = {
  ...consoleEn,
  ...publicEn,
  ...villagePageEn,
  ...verificationEn,
  ...areasEn,
  ...usersEn,
  ...auditEn,
  ...integrationsEn,
  ...calendarEn,
  ...departmentsEn,
  ...whistlesEn,
  ...topicsEn,
  ...receptionEn,
  ...householdsEn,
  ...tieringEn,
  ...appealsEn,
  ...appealsFollowUpEn,
  ...assistanceEn,
  ...assessmentEn,
  ...noticesEn,
  ...democracyEn,
  ...democracyWebEn,
  ...disclosuresEn,
  ...projectsEn,
  ...warningsEn,
  ...todosEn,
  ...setupEn,
  ...servicesWebEn,
  ...servicesRequestsEn,
  ...servicesRatingsEn,
  ...servicesCatalogueEn,
};
