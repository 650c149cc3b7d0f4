import {
  type Cohort,
  cohorts,
  type IndicatorInfo,
  type IndicatorKind,
  type IndicatorSurface,
  type LocalizedText,
  ratio,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { Clock } from '../clock';
import type { AreaScope } from '../scope';

// The indicators of the dashboard, the annual assessment and the monthly bulletin, registered by
// the modules that own their records. A registry belongs to one application (`app.ctx.indicators`),
// so a test can register an indicator of its own on its app without touching another's.

/** What an indicator counts: a numerator over a denominator (a count's denominator is ignored). */
export interface Counted {
  numerator: number;
  denominator: number;
}

/**
 * An indicator's value from its counts: a rate (null when there is nothing to count), or for a
 * count its numerator (its denominator 0).
 */
export function indicatorValue(kind: IndicatorKind, c: Counted | undefined): ReturnType<typeof ratio> {
  if (kind === 'count') {
    const n = c?.numerator ?? 0;
    return { numerator: n, denominator: 0, value: n };
  }
  return ratio(c?.numerator ?? 0, c?.denominator ?? 0);
}

/**
 * Runs `load` once per key within one computation (a dashboard, an assessment), so indicators
 * counted by the same query (the appeal rates) share it.
 */
export type Once = <T>(key: string, load: () => Promise<T>) => Promise<T>;

export function onceMemo(): Once {
  const loads = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const known = loads.get(key);
    if (known) return known as Promise<T>;
    const started = load();
    loads.set(key, started);
    return started;
  };
}

/**
 * An area over a period, as the dashboard and the bulletin count it: one row per child area (the
 * first `digits` digits of an area code; 9 for towns, 12 for villages); rows of the area itself,
 * under no child, count in its totals only.
 */
export interface AreaQuery {
  db: Db;
  area: { code: string; name: string; kind: 'district' | 'town' | 'village' | 'group' };
  scope: AreaScope;
  digits: number;
  /** The child areas' codes, in order (the area itself for a village or a group). */
  children: readonly string[];
  /** China calendar days, both included. */
  from: string;
  to: string;
  /** When the figures are computed: what is late is late by then. */
  clock: Clock;
  once: Once;
}

/** The cadres of one assessment, over its year. */
export interface CadreQuery {
  db: Db;
  cadres: readonly { id: string; role: string; rank: string | null; areaCode: string; cohort: Cohort }[];
  /** China calendar days, both included. */
  from: string;
  to: string;
  /** When the assessment is computed: what is late is late by then. */
  clock: Clock;
  once: Once;
}

export interface IndicatorRegistration {
  /** Stable and unique: the key of its weight in a saved assessment and of its values in answers. */
  key: string;
  name: LocalizedText;
  definition: LocalizedText;
  kind: IndicatorKind;
  surfaces: readonly IndicatorSurface[];
  /** The assessment's cohorts it may be weighted in; every cohort when left out. */
  cohorts?: readonly Cohort[];
  /** Which way is better (rankings, warnings); null for neither. Higher when left out. */
  better?: 'higher' | 'lower' | null;
  /** The bulletin's ranking section; the module's own when left out. */
  group: { key: string; name: LocalizedText };
  asOfNow?: boolean;
  /** Per child area: needed on the dashboard and the bulletin. */
  byArea?: (query: AreaQuery) => Promise<readonly ({ child: string } & Counted)[]>;
  /** Per cadre (a rate from 0 to 1): needed on the assessment. */
  byCadre?: (query: CadreQuery) => Promise<Map<string, Counted>>;
}

/** The indicators one application knows, in the order they were registered. */
export class IndicatorRegistry {
  readonly #items = new Map<string, IndicatorRegistration>();

  /** Adds an indicator; a repeated key, or a surface without the query it needs, is a programming error. */
  register(indicator: IndicatorRegistration): void {
    if (this.#items.has(indicator.key)) throw new Error(`indicator ${indicator.key} registered twice`);
    const on = (surface: IndicatorSurface) => indicator.surfaces.includes(surface);
    if ((on('dashboard') || on('bulletin')) && !indicator.byArea)
      throw new Error(`indicator ${indicator.key} is on the dashboard or the bulletin without byArea`);
    if (on('assessment') && (!indicator.byCadre || indicator.kind !== 'ratio'))
      throw new Error(`indicator ${indicator.key} is on the assessment without a rate per cadre (byCadre)`);
    this.#items.set(indicator.key, indicator);
  }

  get(key: string): IndicatorRegistration | undefined {
    return this.#items.get(key);
  }

  /** Every indicator, or those of one surface, in the order registered. */
  list(surface?: IndicatorSurface): IndicatorRegistration[] {
    const all = [...this.#items.values()];
    return surface ? all.filter((i) => i.surfaces.includes(surface)) : all;
  }

  /** The cohorts an assessment indicator may be weighted in; none when it is not on the assessment. */
  cohortsOf(indicator: IndicatorRegistration): readonly Cohort[] {
    if (!indicator.surfaces.includes('assessment')) return [];
    return indicator.cohorts ?? cohorts;
  }

  /** Whether an indicator may carry a weight in a cohort. */
  weighable(key: string, cohort: Cohort): boolean {
    const indicator = this.#items.get(key);
    return indicator !== undefined && this.cohortsOf(indicator).includes(cohort);
  }

  /** What the console is told of an indicator. */
  info(indicator: IndicatorRegistration): IndicatorInfo {
    return {
      key: indicator.key,
      name: indicator.name,
      definition: indicator.definition,
      kind: indicator.kind,
      surfaces: [...indicator.surfaces],
      cohorts: [...this.cohortsOf(indicator)],
      better: indicator.better === undefined ? 'higher' : indicator.better,
      group: indicator.group,
      asOfNow: indicator.asOfNow ?? false,
    };
  }
}

/**
 * Every indicator of a surface counted over an area: per child (by the child's code prefix) and
 * for the area as a whole (the sum of every row, the area's own rows included).
 */
export async function countByArea(
  indicators: readonly IndicatorRegistration[],
  query: AreaQuery,
): Promise<{ totals: Map<string, Counted>; byChild: Map<string, Map<string, Counted>> }> {
  const counted = await Promise.all(indicators.map((i) => (i.byArea ? i.byArea(query) : [])));
  const totals = new Map<string, Counted>();
  const byChild = new Map<string, Map<string, Counted>>();
  indicators.forEach((indicator, n) => {
    const total = { numerator: 0, denominator: 0 };
    for (const row of counted[n] ?? []) {
      total.numerator += row.numerator;
      total.denominator += row.denominator;
      const child = byChild.get(row.child) ?? new Map<string, Counted>();
      const c = child.get(indicator.key) ?? { numerator: 0, denominator: 0 };
      child.set(indicator.key, {
        numerator: c.numerator + row.numerator,
        denominator: c.denominator + row.denominator,
      });
      byChild.set(row.child, child);
    }
    totals.set(indicator.key, total);
  });
  return { totals, byChild };
}
