import { InfoCircleOutlined } from '@ant-design/icons';
import {
  type CadreDrillDownScope,
  type CadreSet,
  cadreDrillDown,
  type DrillDown,
  type DrillDownScope,
  drillDown,
  type IndicatorKey,
  type Locale,
  type Permission,
  type RecordSet,
  rateSets,
} from '@lianxin/common';
import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useIndicatorText } from './indicators.api';

/** A ratio as the dashboard sends it: `value` null when there is nothing to count. */
export interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
}

/** The indicators that are rates (the others, leftPriority, are counts). */
export const rateKeys = [
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
  'onTimeRate',
  'villageShare',
  'townShare',
  'districtShare',
  'pairingFill',
  'visitedPaired',
] as const satisfies readonly IndicatorKey[];
export type RateKey = (typeof rateKeys)[number];

/** Indicators where less is better: 矛盾不上交. */
export const lowerIsBetter: ReadonlySet<IndicatorKey> = new Set<IndicatorKey>(['districtShare']);

/**
 * Indicators that are neither good nor bad when high: the town's share is the rest of the
 * village's (solved in the town is fine, solved in the village is better).
 */
export const neutralIndicators: ReadonlySet<IndicatorKey> = new Set<IndicatorKey>(['townShare']);

/** Whether a rate is low enough (or, where lower is better, high enough) to draw the eye. */
export function isWarning(key: IndicatorKey, value: number | null): boolean {
  if (value === null || neutralIndicators.has(key) || key === 'villageShare') return false;
  return lowerIsBetter.has(key) ? value > 0.5 : value < 0.5;
}

/** Which way is better for an indicator: as registered, else as the built-in sets above say. */
export function betterOf(key: string, registered?: 'higher' | 'lower' | null): 'higher' | 'lower' | null {
  if (registered !== undefined) return registered;
  if (neutralIndicators.has(key as IndicatorKey)) return null;
  return lowerIsBetter.has(key as IndicatorKey) ? 'lower' : 'higher';
}

/** A percentage with one decimal, e.g. 86.3%. */
export function formatPercent(value: number, locale: Locale): string {
  return `${(Math.round(value * 1000) / 10).toLocaleString(locale, { maximumFractionDigits: 1 })}%`;
}

/** A name with an info icon whose tooltip gives the written definition. */
export function InfoLabel({ name, definition }: { name: ReactNode; definition: ReactNode }) {
  return (
    <span className="lx-info-label">
      {name}
      <Tooltip title={definition}>
        <InfoCircleOutlined
          className="lx-dash-info"
          aria-label={typeof name === 'string' ? name : undefined}
        />
      </Tooltip>
    </span>
  );
}

/** An indicator's name with its definition, in the UI language, as the server registered them. */
export function IndicatorLabel({ indicator }: { indicator: string }) {
  const { name, definition } = useIndicatorText()(indicator);
  return <InfoLabel name={name} definition={definition} />;
}

/** A dashboard's area and period: where its figures drill down to. */
export interface FigureScope {
  areaCode: string;
  from: string;
  to: string;
}

const listPermissions: Record<DrillDown['list'], Permission> = {
  appeals: 'appeals.read',
  households: 'households.read',
  pairings: 'assistance.read',
};

/** The console page of a drill-down's list with its filter, when the caller may open it. */
function pageOf(drill: DrillDown, can: (permission: Permission) => boolean): string | undefined {
  const { list, query } = drill;
  if (!can(listPermissions[list])) return undefined;
  const params = new URLSearchParams(query as Record<string, string>);
  if (list === 'appeals') {
    // Every level: the list would open at the caller's own.
    params.set('level', 'all');
    return `/appeals?${params}`;
  }
  if (list === 'households') return `/households?${params}`;
  // The pairing board names its area `area` and its cadre `cadre`; its list shows active pairings.
  const board = new URLSearchParams();
  for (const [key, name] of [
    ['areaCode', 'area'],
    ['cadreId', 'cadre'],
    ['visited', 'visited'],
    ['visitedFrom', 'visitedFrom'],
    ['visitedTo', 'visitedTo'],
  ] as const) {
    const value = params.get(key);
    if (value) board.set(name, value);
  }
  return `/pairings?${board}`;
}

/**
 * The console page listing exactly the records a figure counts — a set of an area in a period
 * (see common/src/drilldown.ts) — when the caller may open it.
 */
export function recordsLink(
  set: RecordSet,
  scope: DrillDownScope,
  can: (permission: Permission) => boolean,
): string | undefined {
  return pageOf(drillDown(set, scope), can);
}

/** The console page listing exactly the records a figure of a cadre's row counts, when the caller may open it. */
export function cadreRecordsLink(
  set: CadreSet,
  scope: CadreDrillDownScope,
  can: (permission: Permission) => boolean,
): string | undefined {
  return pageOf(cadreDrillDown(set, scope), can);
}

/** The figures of the dashboard that have a list of records behind them. */
export type Figure = IndicatorKey | 'received' | 'households';

/** The records a figure counts, and for a rate the records it divides by. */
export function figureSets(figure: Figure): { numerator: RecordSet; denominator?: RecordSet } {
  if (figure === 'received' || figure === 'households' || figure === 'leftPriority')
    return { numerator: figure };
  return rateSets[figure];
}

/** The pages listing the records behind a figure of an area and period: its numerator's and denominator's. */
export function figureLinks(
  figure: Figure,
  scope: FigureScope,
  can: (permission: Permission) => boolean,
): { numerator: string | undefined; denominator: string | undefined } {
  const sets = figureSets(figure);
  return {
    numerator: recordsLink(sets.numerator, scope, can),
    denominator: sets.denominator ? recordsLink(sets.denominator, scope, can) : undefined,
  };
}

/** The days of a China calendar month (YYYY-MM) that fall in a period (dates compare as text). */
export function monthInPeriod(month: string, period: { from: string; to: string }) {
  const first = `${month}-01`;
  const last = dayjs(first).endOf('month').format('YYYY-MM-DD');
  return {
    from: first.localeCompare(period.from) > 0 ? first : period.from,
    to: last.localeCompare(period.to) < 0 ? last : period.to,
  };
}

/**
 * The background of a heat-table cell: red below half, through yellow, to green at 100 %
 * (reversed where lower is better). Pale, so the figure stays readable.
 */
export function heatColor(value: number, reverse: boolean): string {
  const good = reverse ? 1 - value : value;
  const position = Math.min(1, Math.max(0, (good - 0.5) / 0.5));
  return `hsl(${Math.round(position * 120)}, 70%, 88%)`;
}

/** A neutral indicator's cell: pale to mid blue by value. */
export function neutralColor(value: number): string {
  return `hsl(214, 90%, ${Math.round(96 - Math.min(1, Math.max(0, value)) * 14)}%)`;
}
