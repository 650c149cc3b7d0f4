import { chinaDate } from '@lianxin/common';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const periods = ['month', 'quarter', 'year', 'custom'] as const;
export type Period = (typeof periods)[number];

export interface DashboardLocation {
  /** The area looked at; undefined is the caller's own. */
  areaCode: string | undefined;
  period: Period;
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in China: a period starts on China's calendar, as the server counts it. */
export function chinaToday(): string {
  return chinaDate(new Date());
}

/** The first and last day of a named period, up to today. */
export function rangeOf(
  period: Exclude<Period, 'custom'>,
  today = chinaToday(),
): { from: string; to: string } {
  const day = dayjs(today);
  const from =
    period === 'month'
      ? day.startOf('month')
      : period === 'quarter'
        ? day.subtract(day.month() % 3, 'month').startOf('month')
        : day.startOf('year');
  return { from: from.format('YYYY-MM-DD'), to: today };
}

function read(params: URLSearchParams): DashboardLocation {
  const areaParam = params.get('area');
  const areaCode = areaParam && /^\d{12}$/.test(areaParam) ? areaParam : undefined;
  const period = periods.find((p) => p === params.get('period')) ?? 'year';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (period === 'custom' && DATE.test(from) && DATE.test(to) && from <= to)
    return { areaCode, period, from, to };
  const named = period === 'custom' ? 'year' : period;
  return { areaCode, period: named, ...rangeOf(named) };
}

/** The area and period live in the address: a link, a reload or the back button shows the same dashboard. */
export function useDashboardLocation() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const location = useMemo(() => read(new URLSearchParams(search)), [search]);
  const navigateTo = useCallback(
    (next: DashboardLocation) => {
      const out = new URLSearchParams();
      if (next.areaCode) out.set('area', next.areaCode);
      if (next.period !== 'year') out.set('period', next.period);
      if (next.period === 'custom') {
        out.set('from', next.from);
        out.set('to', next.to);
      }
      setParams(out);
    },
    [setParams],
  );
  return { ...location, navigateTo };
}
