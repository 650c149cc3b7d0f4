import {
  type CadreLoad,
  chinaDate,
  type helpMeasureKinds,
  type helpMeasureStatuses,
  type mustGoReasons,
  type mustVisitGroups,
  type needKinds,
  type ProposalItem,
  type QuotaGroup,
  type Role,
  roles,
  type visitKinds,
  type WorklistItem,
} from '@lianxin/common';
import type { z } from 'zod';
import type { Translate } from '../../i18n/i18n';

// The names of every assistance enum in one place: the board, the worklist, the forms and the reports.

export type VisitKind = (typeof visitKinds)[number];
export type NeedKind = (typeof needKinds)[number];
export type HelpMeasureKind = (typeof helpMeasureKinds)[number];
export type HelpMeasureStatus = (typeof helpMeasureStatuses)[number];
export type MustVisitGroup = (typeof mustVisitGroups)[number];
export type MustGoReason = (typeof mustGoReasons)[number];
export type LoadState = CadreLoad['state'];
export type DueState = WorklistItem['state'];
export type ProposalReason = z.infer<typeof ProposalItem>['because'];

export function visitKindLabel(t: Translate, kind: VisitKind): string {
  return t(`assistance.visitKind.${kind}`);
}

export function needLabel(t: Translate, need: NeedKind): string {
  return t(`assistance.need.${need}`);
}

export function measureKindLabel(t: Translate, kind: HelpMeasureKind): string {
  return t(`assistance.measureKind.${kind}`);
}

export function measureStatusLabel(t: Translate, status: HelpMeasureStatus): string {
  return t(`assistance.measureStatus.${status}`);
}

export function mustVisitGroupLabel(t: Translate, group: MustVisitGroup): string {
  return t(`assistance.mustVisitGroup.${group}`);
}

export function mustGoReasonLabel(t: Translate, reason: MustGoReason): string {
  return t(`assistance.mustGoReason.${reason}`);
}

export function loadStateLabel(t: Translate, state: LoadState): string {
  return t(`assistance.load.${state}`);
}

export function dueStateLabel(t: Translate, state: DueState): string {
  return t(`assistance.due.${state}`);
}

export function quotaGroupLabel(t: Translate, group: QuotaGroup): string {
  return t(`assistance.quotaGroup.${group}`);
}

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** A cadre's role as the board reports it (a plain string there). */
export function cadreRoleLabel(t: Translate, role: string): string {
  return isRole(role) ? t(`role.${role}`) : role;
}

export function proposalReasonLabel(t: Translate, reason: ProposalReason): string {
  return t(`assistance.proposal.because.${reason}`);
}

/** Under quota orange, within blue, full green, over red: what the town head must act on stands out. */
export const loadColors: Record<LoadState, string> = {
  under: '#fa8c16',
  within: '#1677ff',
  full: '#52c41a',
  over: '#f5222d',
};

export const loadTagColors: Record<LoadState, string> = {
  under: 'orange',
  within: 'blue',
  full: 'green',
  over: 'red',
};

export const dueColors: Record<DueState, string> = {
  overdue: 'error',
  due: 'warning',
  ok: 'success',
};

export const measureStatusColors: Record<HelpMeasureStatus, string> = {
  planned: 'default',
  in_progress: 'processing',
  done: 'success',
  failed: 'error',
};

/** Today in the district (UTC+8), as the API takes dates: a visit may not be dated after it. */
export function districtToday(): string {
  return chinaDate(new Date());
}

/** A rate (0–1) as a percentage with one decimal, or null. */
export function percentOf(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}
