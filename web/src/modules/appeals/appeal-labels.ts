import type {
  AppealAction,
  AppealCategory,
  AppealChannel,
  AppealEventKind,
  AppealLevel,
  AppealRating,
  AppealStatus,
  AppealUrgency,
  appealQueues,
  Locale,
  mediationOutcomes,
  NotificationKind,
  notificationStatuses,
  reporterKinds,
} from '@lianxin/common';
import type { Translate } from '../../i18n/i18n';

// The names of every appeal enum in one place: lists, the detail page, filters and the timeline.

export type AppealQueue = (typeof appealQueues)[number];
export type ReporterKind = (typeof reporterKinds)[number];
export type MediationOutcome = (typeof mediationOutcomes)[number];
export type NotificationStatus = (typeof notificationStatuses)[number];
/** What the detail page may offer: the lifecycle actions and the callback. */
export type AppealCommand = AppealAction | 'callback';

export function channelLabel(t: Translate, channel: AppealChannel): string {
  return t(`appeals.channel.${channel}`);
}

export function urgencyLabel(t: Translate, urgency: AppealUrgency): string {
  return t(`appeals.urgency.${urgency}`);
}

export function levelLabel(t: Translate, level: AppealLevel): string {
  return t(`appeals.level.${level}`);
}

export function statusLabel(t: Translate, status: AppealStatus): string {
  return t(`appeals.status.${status}`);
}

export function ratingLabel(t: Translate, rating: AppealRating): string {
  return t(`appeals.rating.${rating}`);
}

export function reporterKindLabel(t: Translate, kind: ReporterKind): string {
  return t(`appeals.reporterKind.${kind}`);
}

export function queueLabel(t: Translate, queue: AppealQueue): string {
  return t(`appeals.queue.${queue}`);
}

/** The button of an action ("受理", "上报") on the detail page. */
export function commandLabel(t: Translate, command: AppealCommand): string {
  return t(`appeals.action.${command}`);
}

/** A timeline entry's kind ("受理", "逾期自动上报"). */
export function eventLabel(t: Translate, kind: AppealEventKind): string {
  return t(`appeals.event.${kind}`);
}

export function mediationOutcomeLabel(t: Translate, outcome: MediationOutcome): string {
  return t(`mediation.outcome.${outcome}`);
}

export function notificationKindLabel(t: Translate, kind: NotificationKind): string {
  return t(`notifications.kind.${kind}`);
}

export function notificationStatusLabel(t: Translate, status: NotificationStatus): string {
  return t(`notifications.status.${status}`);
}

/** A category in the UI language. */
export function categoryName(category: Pick<AppealCategory, 'nameZh' | 'nameEn'>, locale: Locale): string {
  return locale === 'zh-CN' ? category.nameZh : category.nameEn;
}

export const statusColors: Record<AppealStatus, string> = {
  received: 'blue',
  accepted: 'cyan',
  in_progress: 'geekblue',
  deferred: 'purple',
  resolved: 'green',
  closed: 'default',
  returned: 'default',
  reopened: 'volcano',
  merged: 'default',
};

export const levelColors: Record<AppealLevel, string> = {
  village: 'green',
  town: 'blue',
  district: 'magenta',
};

export const urgencyColors: Record<AppealUrgency, string> = {
  urgent: 'red',
  normal: 'default',
  complex: 'orange',
};

export const ratingColors: Record<AppealRating, string> = {
  satisfied: 'green',
  basically_satisfied: 'gold',
  unsatisfied: 'red',
};

export const mediationOutcomeColors: Record<MediationOutcome, string> = {
  agreement: 'green',
  partial: 'gold',
  failed: 'red',
};

export const notificationStatusColors: Record<NotificationStatus, string> = {
  pending: 'processing',
  sent: 'success',
  failed: 'error',
};
