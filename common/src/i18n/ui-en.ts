import { appealsEn } from './appeals.en';
import { appealsFollowUpEn } from './appeals-follow-up.en';
import { areasEn } from './areas.en';
import { assessmentEn } from './assessment.en';
import { assistanceEn } from './assistance.en';
import { auditEn } from './audit.en';
import { consoleEn } from './console.en';
import { householdsEn } from './households.en';
import { publicEn } from './public.en';
import { tieringEn } from './tiering.en';
import type { UiKey } from './ui-zh-CN';
import { usersEn } from './users.en';

/** The staff console's strings in English, one catalogue per domain (`<domain>.en.ts`). */
export const uiEnCatalogues = [
  consoleEn,
  publicEn,
  areasEn,
  usersEn,
  auditEn,
  householdsEn,
  tieringEn,
  appealsEn,
  appealsFollowUpEn,
  assistanceEn,
  assessmentEn,
] as const;

export const uiEn: Record<UiKey, string> = {
  ...consoleEn,
  ...publicEn,
  ...areasEn,
  ...usersEn,
  ...auditEn,
  ...householdsEn,
  ...tieringEn,
  ...appealsEn,
  ...appealsFollowUpEn,
  ...assistanceEn,
  ...assessmentEn,
};
