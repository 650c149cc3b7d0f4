// The rules of verification codes. Limits follow common SMS-gateway practice (the flow control
// Aliyun SMS defaults to 1 per minute, 5 per hour and 10 per day per number): they bound what a
// stranger can cost the district and how often one phone can be bothered.

const MINUTE = 60_000;
/** One hour, the window of the hourly limits. */
export const HOUR_MS = 60 * MINUTE;
const HOUR = HOUR_MS;
const DAY = 24 * HOUR;

/** A code is good for 5 minutes after it is sent. */
export const CODE_TTL_MS = 5 * MINUTE;
/** Checks per code, right or wrong: after 5 wrong ones the code is dead (1 in 200,000 for a guesser). */
export const MAX_ATTEMPTS = 5;
/** One send per phone per minute (the page's countdown). */
export const RESEND_AFTER_MS = MINUTE;
/** At most 5 sends per phone per hour… */
export const PER_PHONE_PER_HOUR = 5;
/** …and 10 per day (any purpose: the texts go to the same person). */
export const PER_PHONE_PER_DAY = 10;
/** At most 20 sends per address per hour: one office's or village's shared connection stays usable. */
export const PER_IP_PER_HOUR = 20;
/** Codes are kept a day, as long as the daily limit looks back, then forgotten. */
export const KEEP_CODES_MS = DAY;

/**
 * How long, in whole seconds, before another code may be sent, given the instants (ms, newest
 * first) codes went to this phone in the last day and from this address in the last hour; 0 when
 * one may be sent now.
 */
export function waitBeforeSend(now: number, byPhone: number[], byIp: number[]): number {
  const until: number[] = [];
  const newest = byPhone[0];
  if (newest !== undefined && newest + RESEND_AFTER_MS > now) until.push(newest + RESEND_AFTER_MS);
  const lastHour = byPhone.filter((at) => at > now - HOUR);
  // The window frees up when the oldest send that makes up the limit leaves it.
  const hourly = lastHour[PER_PHONE_PER_HOUR - 1];
  if (hourly !== undefined) until.push(hourly + HOUR);
  const daily = byPhone[PER_PHONE_PER_DAY - 1];
  if (daily !== undefined) until.push(daily + DAY);
  const byAddress = byIp[PER_IP_PER_HOUR - 1];
  if (byAddress !== undefined) until.push(byAddress + HOUR);
  const latest = Math.max(now, ...until);
  return latest > now ? Math.max(1, Math.ceil((latest - now) / 1000)) : 0;
}
