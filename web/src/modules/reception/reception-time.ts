import dayjs from 'dayjs';

/** "2026-12-14 09:00–12:00": a reception day's date and hours (another day's end in full). */
export function receptionTime(startsAt: string, endsAt: string): string {
  const start = dayjs(startsAt);
  const end = dayjs(endsAt);
  const endText = end.isSame(start, 'day') ? end.format('HH:mm') : end.format('YYYY-MM-DD HH:mm');
  return `${start.format('YYYY-MM-DD HH:mm')}–${endText}`;
}
