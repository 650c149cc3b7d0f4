import type {
  educations,
  employments,
  HardshipFactor,
  householdStatuses,
  publicRoles,
  relations,
  residentStatuses,
} from '@lianxin/common';
import type { Translate } from '../../i18n/i18n';

type Relation = (typeof relations)[number];
type Employment = (typeof employments)[number];
type Education = (typeof educations)[number];
type PublicRole = (typeof publicRoles)[number];
type HouseholdStatus = (typeof householdStatuses)[number];
type ResidentStatus = (typeof residentStatuses)[number];

export function relationLabel(t: Translate, relation: Relation): string {
  return t(`relation.${relation}`);
}

export function employmentLabel(t: Translate, employment: Employment): string {
  return t(`employment.${employment}`);
}

export function educationLabel(t: Translate, education: Education): string {
  return t(`education.${education}`);
}

export function publicRoleLabel(t: Translate, role: PublicRole): string {
  return t(`publicRole.${role}`);
}

export function householdStatusLabel(t: Translate, status: HouseholdStatus): string {
  return t(`householdStatus.${status}`);
}

export function residentStatusLabel(t: Translate, status: ResidentStatus): string {
  return t(`residentStatus.${status}`);
}

export function hardshipLabel(t: Translate, factor: HardshipFactor): string {
  return t(`hardship.${factor}`);
}
