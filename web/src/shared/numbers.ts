import type { Locale } from '@lianxin/common';

/** A whole number with the locale's digit grouping: 4,200. */
export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

/** Kilobytes with one decimal, for transfer progress. */
export function formatKilobytes(bytes: number, locale: Locale): string {
  return (bytes / 1024).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
