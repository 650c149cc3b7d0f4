// China keeps one time zone, UTC+8, without daylight saving: a calendar day in the district is
// this fixed offset from UTC, whatever zone the server's clock is set to.
const OFFSET_MS = 8 * 3_600_000;

/** The district's calendar date (YYYY-MM-DD) at an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a district calendar day begins. */
export function chinaDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS);
}

/** The instant the day after a district calendar day begins: `[chinaDayStart(d), chinaDayAfter(d))` is day d. */
export function chinaDayAfter(date: string): Date {
  return new Date(chinaDayStart(date).getTime() + 86_400_000);
}

/** The district's calendar year at an instant. */
export function chinaYear(at: Date): number {
  return Number(chinaDate(at).slice(0, 4));
}

/** The month `by` months after a YYYY-MM month (before it when negative). */
export function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every day of a YYYY-MM month, as YYYY-MM-DD. */
export function daysOfMonth(month: string): string[] {
  const count = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}
