import { appealsZhCN } from './appeals.zh-CN';
import { appealsFollowUpZhCN } from './appeals-follow-up.zh-CN';
import { areasZhCN } from './areas.zh-CN';
import { assessmentZhCN } from './assessment.zh-CN';
import { assistanceZhCN } from './assistance.zh-CN';
import { auditZhCN } from './audit.zh-CN';
import { calendarZhCN } from './calendar.zh-CN';
import { consoleZhCN } from './console.zh-CN';
import { democracyZhCN } from './democracy.zh-CN';
import { democracyWebZhCN } from './democracy-web.zh-CN';
import { departmentsZhCN } from './departments.zh-CN';
import { disclosuresZhCN } from './disclosures.zh-CN';
import { householdsZhCN } from './households.zh-CN';
import { integrationsZhCN } from './integrations.zh-CN';
import { noticesZhCN } from './notices.zh-CN';
import { projectsZhCN } from './projects.zh-CN';
import { publicZhCN } from './public.zh-CN';
import { receptionZhCN } from './reception.zh-CN';
import { servicesCatalogueZhCN } from './services-catalogue.zh-CN';
import { servicesRatingsZhCN } from './services-ratings.zh-CN';
import { servicesRequestsZhCN } from './services-requests.zh-CN';
import { servicesWebZhCN } from './services-web.zh-CN';
import { setupZhCN } from './setup.zh-CN';
import { tieringZhCN } from './tiering.zh-CN';
import { todosZhCN } from './todos.zh-CN';
import { topicsZhCN } from './topics.zh-CN';
import { usersZhCN } from './users.zh-CN';
import { verificationZhCN } from './verification.zh-CN';
import { villagePageZhCN } from './village-page.zh-CN';
import { warningsZhCN } from './warnings.zh-CN';
import { whistlesZhCN } from './whistles.zh-CN';

/**
 * The staff console's strings in Simplified Chinese, the default language, assembled from one
 * catalogue per domain (`<domain>.zh-CN.ts`). Every other language's catalogue of a domain is
 * typed against these keys, so a key missing in any language does not compile.
 * Placeholders such as {name} are filled by `interpolate` from errors.ts.
 */
export const uiZhCNCatalogues = [
  consoleZhCN,
  publicZhCN,
  villagePageZhCN,
  verificationZhCN,
  areasZhCN,
  usersZhCN,
  auditZhCN,
  integrationsZhCN,
  calendarZhCN,
  departmentsZhCN,
  whistlesZhCN,
  topicsZhCN,
  receptionZhCN,
  householdsZhCN,
  tieringZhCN,
  appealsZhCN,
  appealsFollowUpZhCN,
  assistanceZhCN,
  assessmentZhCN,
  noticesZhCN,
  democracyZhCN,
  democracyWebZhCN,
  disclosuresZhCN,
  projectsZhCN,
  warningsZhCN,
  todosZhCN,
  setupZhCN,
  servicesWebZhCN,
  servicesRequestsZhCN,
  servicesRatingsZhCN,
  servicesCatalogueZhCN,
] as const;

export const uiZhCN = {
  ...consoleZhCN,
  ...publicZhCN,
  ...villagePageZhCN,
  ...verificationZhCN,
  ...areasZhCN,
  ...usersZhCN,
  ...auditZhCN,
  ...integrationsZhCN,
  ...calendarZhCN,
  ...departmentsZhCN,
  ...whistlesZhCN,
  ...topicsZhCN,
  ...receptionZhCN,
  ...householdsZhCN,
  ...tieringZhCN,
  ...appealsZhCN,
  ...appealsFollowUpZhCN,
  ...assistanceZhCN,
  ...assessmentZhCN,
  ...noticesZhCN,
  ...democracyZhCN,
  ...democracyWebZhCN,
  ...disclosuresZhCN,
  ...projectsZhCN,
  ...warningsZhCN,
  ...todosZhCN,
  ...setupZhCN,
  ...servicesWebZhCN,
  ...servicesRequestsZhCN,
  ...servicesRatingsZhCN,
  ...servicesCatalogueZhCN,
} as const;

export type UiKey = keyof typeof uiZhCN;
