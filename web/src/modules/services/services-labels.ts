import type { ProxyStatus, RatingLevel, ServiceCategory } from '@lianxin/common';
import type { Translate } from '../../i18n/i18n';

export function categoryLabel(t: Translate, category: ServiceCategory): string {
  return t(`servicesWeb.category.${category}`);
}

export function statusLabel(t: Translate, status: ProxyStatus): string {
  return t(`servicesWeb.status.${status}`);
}

export function ratingLabel(t: Translate, level: number): string {
  const clamped = Math.min(5, Math.max(1, Math.round(level))) as RatingLevel;
  return t(`servicesWeb.rating.${clamped}`);
}

/** The tag colour of a request's step: waiting grey, working blue, done green, stopped red. */
export const statusColour: Record<ProxyStatus, string> = {
  submitted: 'default',
  assigned: 'gold',
  collecting: 'processing',
  lodged: 'processing',
  result_ready: 'cyan',
  delivered: 'green',
  closed: 'green',
  cancelled: 'red',
};

/** A rate (0…1) as a percentage, or a dash when there is nothing to count. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** Today as YYYY-MM-DD in China (the district's calendar). */
export function chinaDay(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
