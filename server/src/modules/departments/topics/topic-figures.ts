import {
  chinaDate,
  chinaDayStart,
  type Locale,
  shiftMonth,
  TOPIC_AFTER_MONTHS,
  TOPIC_BEFORE_MONTHS,
  type TopicAppeal,
  type TopicOutcome,
  type TopicProposal,
  type TopicProposalsResponse,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { Clock } from '../../../platform/clock';
import { AppError } from '../../../platform/errors';
import { type AreaScope, scopeOf } from '../../../platform/scope';
import { listCategories } from '../../appeals';
import { findArea } from '../../areas';
import { clusterWarningsRaisedIn, warningEvidence } from '../../warnings';
import {
  areaNames,
  countAppeals,
  countsByCategoryAndChild,
  latestAppeals,
  pickedTopics,
  type TopicAppealRow,
} from './topics.repository';

// The figures of 每月一题, counted from the appeals when asked: the proposals (the frequent
// categories of an area and their clusters in one of its towns or villages over the months before
// the topic's month) and a topic's outcome (its category in its area, months before against after).

/** How many proposals of each kind are offered. */
const PROPOSALS_PER_KIND = 6;
/** A cluster is proposed from this many appeals over the months counted… */
const CLUSTER_MIN = 3;
/** …when its town or village holds at least this share of the category's appeals in the area. */
const CLUSTER_SHARE = 0.4;
const SAMPLE = 20;

/** The instant a China calendar month begins (ISO). */
export const monthStart = (month: string) => chinaDayStart(`${month}-01`).toISOString();

export function toTopicAppeal(row: TopicAppealRow): TopicAppeal {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    title: row.title,
    villageCode: row.village_code,
    villageName: row.village_name,
    receivedAt: row.received_at,
    status: row.status,
  };
}

/** The latest month against the average of the earlier ones; null when they had none. */
export function trendOf(counts: number[]): number | null {
  const last = counts.at(-1) ?? 0;
  const earlier = counts.slice(0, -1);
  if (earlier.length === 0) return null;
  const average = earlier.reduce((a, b) => a + b, 0) / earlier.length;
  if (average === 0) return null;
  return Math.round(((last - average) / average) * 1000) / 1000;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

// A district's clusters are its towns (nine digits of the village code); a town's its villages.
function childDigits(kind: string): number | null {
  if (kind === 'district') return 9;
  if (kind === 'town') return 12;
  return null;
}

const childCode = (prefix: string) => prefix.padEnd(12, '0');

/**
 * Candidate topics for `month` in an area of the caller's: the frequent categories of the
 * `TOPIC_BEFORE_MONTHS` months before it and the clusters among them, each with its counts per
 * month, its trend, its latest appeals and the topic already picked for it.
 */
export async function topicProposals(
  db: Db,
  ctx: { scope: AreaScope; clock: Clock; locale: Locale },
  query: { month?: string | undefined; areaCode?: string | undefined },
): Promise<TopicProposalsResponse> {
  const month = query.month ?? chinaDate(ctx.clock.now()).slice(0, 7);
  const area = await findArea(db, ctx.scope, query.areaCode ?? ctx.scope.areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN');
  const scope = scopeOf(area);
  const months = Array.from({ length: TOPIC_BEFORE_MONTHS }, (_, i) =>
    shiftMonth(month, i - TOPIC_BEFORE_MONTHS),
  );
  const digits = childDigits(area.kind) ?? 12;
  const perMonth = await Promise.all(
    months.map((m) =>
      countsByCategoryAndChild(db, scope, digits, monthStart(m), monthStart(shiftMonth(m, 1))),
    ),
  );
  // counts[category][child][monthIndex]
  const counts = new Map<string, Map<string, number[]>>();
  perMonth.forEach((rows, i) => {
    for (const row of rows) {
      const byChild = counts.get(row.categoryCode) ?? new Map<string, number[]>();
      counts.set(row.categoryCode, byChild);
      const series = byChild.get(row.child) ?? months.map(() => 0);
      byChild.set(row.child, series);
      series[i] = (series[i] ?? 0) + row.count;
    }
  });
  const categoryTotals = [...counts.entries()].map(([code, byChild]) => {
    const series = months.map((_, i) => sum([...byChild.values()].map((s) => s[i] ?? 0)));
    return { code, series, total: sum(series) };
  });
  const byTotal = <T extends { total: number; series: number[] }>(a: T, b: T) =>
    b.total - a.total || (trendOf(b.series) ?? 0) - (trendOf(a.series) ?? 0);
  const categoryPicks = categoryTotals
    .filter((c) => c.total > 0)
    .sort(byTotal)
    .slice(0, PROPOSALS_PER_KIND)
    .map((c) => ({
      kind: 'category' as const,
      code: c.code,
      areaCode: area.code,
      series: c.series,
      total: c.total,
    }));
  const clusterPicks =
    childDigits(area.kind) === null
      ? []
      : categoryTotals
          .flatMap((c) =>
            [...(counts.get(c.code)?.entries() ?? [])].map(([child, series]) => ({
              kind: 'cluster' as const,
              code: c.code,
              areaCode: childCode(child),
              series,
              total: sum(series),
              share: sum(series) / c.total,
            })),
          )
          .filter((c) => c.total >= CLUSTER_MIN && c.share >= CLUSTER_SHARE)
          .sort(byTotal)
          .slice(0, PROPOSALS_PER_KIND);
  const picks = [...categoryPicks, ...clusterPicks];
  const [categories, names, picked] = await Promise.all([
    listCategories(db),
    areaNames(db, [...new Set(picks.map((p) => p.areaCode))]),
    pickedTopics(db, scope, month),
  ]);
  const categoryName = new Map(
    categories.map((c) => [c.code, ctx.locale === 'en' ? c.name_en : c.name_zh] as const),
  );
  const from = monthStart(months[0] ?? month);
  const to = monthStart(month);
  const pickedOf = (areaCode: string, categoryCode: string) =>
    picked.find((t) => t.area_code === areaCode && t.category_code === categoryCode)?.id ?? null;
  const items: TopicProposal[] = [];
  for (const p of picks) {
    const pickScope =
      p.areaCode === area.code ? scope : scopeOf({ code: p.areaCode, kind: childKind(area.kind) });
    const sample = await latestAppeals(db, pickScope, p.code, from, to, SAMPLE);
    items.push({
      kind: p.kind,
      categoryCode: p.code,
      categoryName: categoryName.get(p.code) ?? p.code,
      areaCode: p.areaCode,
      areaName: names.get(p.areaCode) ?? p.areaCode,
      months: months.map((m, i) => ({ month: m, count: p.series[i] ?? 0 })),
      total: p.total,
      trend: trendOf(p.series),
      appeals: sample.map(toTopicAppeal),
      pickedTopicId: pickedOf(p.areaCode, p.code),
      warning: null,
    });
  }
  const warned = await warningProposals(
    db,
    scope,
    { months, from, to },
    (code) => categoryName.get(code) ?? code,
    pickedOf,
  );
  return { month, areaCode: area.code, areaName: area.name, months, items: [...items, ...warned] };
}

/**
 * The early warning's clusters of similar appeals raised in the months counted, as proposals: the
 * counts per month of their category in the warning's area, and the appeals the warning stands on.
 */
async function warningProposals(
  db: Db,
  scope: AreaScope,
  period: { months: string[]; from: string; to: string },
  categoryName: (code: string) => string,
  pickedOf: (areaCode: string, categoryCode: string) => string | null,
): Promise<TopicProposal[]> {
  const warnings = await clusterWarningsRaisedIn(db, scope, period.from, period.to, PROPOSALS_PER_KIND);
  const names = await areaNames(db, [...new Set(warnings.map((w) => w.area_code))]);
  const proposals: TopicProposal[] = [];
  for (const w of warnings) {
    const category = w.category_code ?? '';
    const area = await findArea(db, scope, w.area_code);
    if (!area) continue;
    const series = await Promise.all(
      period.months.map((m) =>
        countAppeals(db, scopeOf(area), category, monthStart(m), monthStart(shiftMonth(m, 1))),
      ),
    );
    const evidence = await warningEvidence(db, w.id);
    proposals.push({
      kind: 'warning',
      categoryCode: category,
      categoryName: categoryName(category),
      areaCode: w.area_code,
      areaName: names.get(w.area_code) ?? w.area_code,
      months: period.months.map((m, i) => ({ month: m, count: series[i] ?? 0 })),
      total: sum(series),
      trend: trendOf(series),
      appeals: evidence
        .slice(-SAMPLE)
        .reverse()
        .map((a) => toTopicAppeal({ ...a, village_name: names.get(a.village_code) ?? a.village_code })),
      pickedTopicId: pickedOf(w.area_code, category),
      warning: { id: w.id, summary: w.summary, appealCount: w.appeal_count },
    });
  }
  return proposals;
}

function childKind(kind: string) {
  return kind === 'district' ? ('town' as const) : ('village' as const);
}

/**
 * The outcome of a topic: the appeals of its category in its area per month, from
 * `TOPIC_BEFORE_MONTHS` before its month to `TOPIC_AFTER_MONTHS` after it (not past this month),
 * the averages before and after (ended months only), the change and whether the goal is met.
 */
export async function topicOutcome(
  db: Db,
  topic: { month: string; areaCode: string; areaKind: string; categoryCode: string; goalPercent: number },
  now: Date,
): Promise<TopicOutcome> {
  const scope = scopeOf({ code: topic.areaCode, kind: topic.areaKind as AreaScope['kind'] });
  const thisMonth = chinaDate(now).slice(0, 7);
  const months: { month: string; phase: 'before' | 'topic' | 'after'; partial: boolean }[] = [];
  for (let i = -TOPIC_BEFORE_MONTHS; i <= TOPIC_AFTER_MONTHS; i++) {
    const m = shiftMonth(topic.month, i);
    if (m > thisMonth) break;
    months.push({
      month: m,
      phase: i < 0 ? 'before' : i === 0 ? 'topic' : 'after',
      partial: m === thisMonth,
    });
  }
  const counted = await Promise.all(
    months.map(async (m) => ({
      ...m,
      count: await countAppeals(
        db,
        scope,
        topic.categoryCode,
        monthStart(m.month),
        monthStart(shiftMonth(m.month, 1)),
      ),
    })),
  );
  const average = (phase: 'before' | 'after') => {
    const ended = counted.filter((m) => m.phase === phase && !m.partial);
    return ended.length === 0 ? null : sum(ended.map((m) => m.count)) / ended.length;
  };
  const before = average('before');
  const after = average('after');
  const round = (value: number | null, places: number) =>
    value === null ? null : Math.round(value * 10 ** places) / 10 ** places;
  const beforeAverage = round(before, 2);
  const afterAverage = round(after, 2);
  const change =
    before === null || after === null || before === 0 ? null : round((after - before) / before, 3);
  const goalMet = before === null || after === null ? null : after <= before * (1 - topic.goalPercent / 100);
  return { months: counted, beforeAverage, afterAverage, change, goalMet };
}
