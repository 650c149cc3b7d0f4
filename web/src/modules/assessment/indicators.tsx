import { InfoCircleOutlined } from '@ant-design/icons';
import {
  type AppealStatus,
  type IndicatorKey,
  indicatorDefinitions,
  type Locale,
  type Permission,
  type Tier,
} from '@lianxin/common';
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/i18n';

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

export function indicatorName(key: IndicatorKey, locale: Locale): string {
  return indicatorDefinitions[key][locale][0];
}

export function indicatorDefinition(key: IndicatorKey, locale: Locale): string {
  return indicatorDefinitions[key][locale][1];
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

/** An indicator's name with its definition, in the UI language. */
export function IndicatorLabel({ indicator }: { indicator: IndicatorKey }) {
  const { locale } = useLocale();
  return (
    <InfoLabel name={indicatorName(indicator, locale)} definition={indicatorDefinition(indicator, locale)} />
  );
}

// Where each figure's records are listed. The appeals list has no period filter: its links show
// the area's appeals of every period, and a level tab holds the appeals now at that level.
/** The appeals list of an area, at every level unless one is named (the list opens at the caller's own). */
export function appealsLink(
  areaCode: string,
  extra: { status?: AppealStatus; level?: 'village' | 'town' | 'district'; categoryCode?: string } = {},
): string {
  const params = new URLSearchParams({ level: extra.level ?? 'all', areaCode });
  if (extra.status) params.set('status', extra.status);
  if (extra.categoryCode) params.set('categoryCode', extra.categoryCode);
  return `/appeals?${params}`;
}

export function householdsLink(areaCode: string, tier?: Tier): string {
  const params = new URLSearchParams({ areaCode });
  if (tier) params.set('tier', tier);
  return `/households?${params}`;
}

export function pairingsLink(areaCode: string): string {
  return `/pairings?area=${areaCode}`;
}

/** The figures of the dashboard that have a list of records behind them. */
export type Figure = IndicatorKey | 'received' | 'households';

const figureTargets: Record<Figure, { permission: Permission; to: (areaCode: string) => string } | null> = {
  received: { permission: 'appeals.read', to: (a) => appealsLink(a) },
  responseRate: { permission: 'appeals.read', to: (a) => appealsLink(a) },
  // Resolved counts both 'resolved' and 'closed' (called back); the list filters one status at a
  // time, so these open the area's appeals as a whole.
  resolutionRate: { permission: 'appeals.read', to: (a) => appealsLink(a) },
  // A rating is taken at the callback, which closes the appeal.
  satisfactionRate: { permission: 'appeals.read', to: (a) => appealsLink(a, { status: 'closed' }) },
  onTimeRate: { permission: 'appeals.read', to: (a) => appealsLink(a) },
  villageShare: { permission: 'appeals.read', to: (a) => appealsLink(a, { level: 'village' }) },
  townShare: { permission: 'appeals.read', to: (a) => appealsLink(a, { level: 'town' }) },
  districtShare: { permission: 'appeals.read', to: (a) => appealsLink(a, { level: 'district' }) },
  pairingFill: { permission: 'assistance.read', to: pairingsLink },
  visitedPaired: { permission: 'assistance.read', to: pairingsLink },
  // No list of the households that left the priority tier in a period exists yet.
  leftPriority: null,
  households: { permission: 'households.read', to: (a) => householdsLink(a) },
};

/** The page listing the records behind a figure of an area, when the caller may open it. */
export function figureLink(
  figure: Figure,
  areaCode: string,
  can: (permission: Permission) => boolean,
): string | undefined {
  const target = figureTargets[figure];
  if (!target || !can(target.permission)) return undefined;
  return target.to(areaCode);
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
