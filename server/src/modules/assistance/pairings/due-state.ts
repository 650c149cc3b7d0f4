import type { AssistanceSettings } from '@lianxin/common';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** When a paired household is next due a visit, by its tier's frequency. */
export function dueState(
  tier: 'stable' | 'watch' | 'priority' | null,
  lastVisit: string | null,
  startDate: string,
  today: string,
  settings: AssistanceSettings,
): { dueDate: string; state: 'overdue' | 'due' | 'ok' } {
  const every = settings.visitEveryDays[tier ?? 'stable'];
  // A new pairing asks for a first visit within the tier's period from its start.
  const dueDate = addDays(lastVisit ?? startDate, lastVisit ? every : Math.min(every, 30));
  if (dueDate < today) return { dueDate, state: 'overdue' };
  return { dueDate, state: dueDate <= addDays(today, 7) ? 'due' : 'ok' };
}
