import { formatDate, formatDateTime } from '../../shared/dates';

/**
 * The last moment of a period as people say it: a period ends at the start of the day after its
 * last day, written "<last day> 24:00" (2026-12-14 24:00, not 2026-12-15 00:00).
 */
export function periodEndText(endsAt: string): string {
  return `${formatDate(new Date(Date.parse(endsAt) - 1).toISOString())} 24:00`;
}

/** The last day of a period. */
export function periodLastDay(endsAt: string): string {
  return formatDate(new Date(Date.parse(endsAt) - 1).toISOString());
}

export function periodText(startsAt: string, endsAt: string): { from: string; to: string } {
  return { from: formatDateTime(startsAt).slice(0, 16), to: periodEndText(endsAt) };
}
