import { appealsEn } from './appeals.en';
import { appealsFollowUpEn } from './appeals-follow-up.en';
import { areasEn } from './areas.en';
import { assessmentEn } from './assessment.en';
import { assistanceEn } from './assistance.en';
import { auditEn } from './audit.en';
import { calendarEn } from './calendar.en';
import { consoleEn } from './console.en';
import { departmentsEn } from './departments.en';
import { householdsEn } from './households.en';
import { integrationsEn } from './integrations.en';
import { noticesEn } from './notices.en';
import { publicEn } from './public.en';
import { setupEn } from './setup.en';
import { tieringEn } from './tiering.en';
import { todosEn } from './todos.en';
import type { UiKey } from './ui-zh-CN';
import { usersEn } from './users.en';
import { verificationEn } from './verification.en';
import { villagePageEn } from './village-page.en';

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
  householdsEn,
  tieringEn,
  appealsEn,
  appealsFollowUpEn,
  assistanceEn,
  assessmentEn,
  noticesEn,
  todosEn,
  setupEn,
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
  ...householdsEn,
  ...tieringEn,
  ...appealsEn,
  ...appealsFollowUpEn,
  ...assistanceEn,
  ...assessmentEn,
  ...noticesEn,
  ...todosEn,
  ...setupEn,
};
