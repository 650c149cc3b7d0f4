import {
  type AppealLevel,
  type AreaIndicators,
  chinaDate,
  chinaDayStart,
  type Dashboard,
  type Locale,
  type mustVisitGroups,
  openAppealStatuses,
  ratio,
  shiftMonth,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { workingCalendar } from '../../../platform/calendar';
import type { Clock } from '../../../platform/clock';
import { chunks } from '../../../platform/collections';
import { AppError } from '../../../platform/errors';
import {
  type BulletinSection,
  type BulletinSectionRegistry,
  bulletinSectionsOf,
} from '../../../platform/registries/bulletin-sections';
import { type IndicatorRegistry, indicatorValue } from '../../../platform/registries/indicators';
import type { AreaScope } from '../../../platform/scope';
import { appealSettings, countsWorkingDays, deadlines, holderOf, listCategories } from '../../appeals';
import { findAreasByCodes } from '../../areas';
import {
  assistanceSettings,
  type CoverageArea,
  coverageArea,
  missingDetails,
  mustVisitFacts,
  summarizeMustVisit,
  unvisited,
} from '../../assistance';
import { type DashboardCache, dashboard } from '../dashboard/dashboard.service';
import { bulletinLabels } from './bulletin.labels';
import {
  appealsPossiblyOpenAt,
  appealTimelines,
  lastVisitDates,
  type TimelineEntry,
} from './bulletin.repository';

// 月度通报: the monthly bulletin of an area — its headline figures (the dashboard's), its child
// areas ranked, the appeals overdue at the month's end, and the must-visit households not yet
// visited this year. Everything is read from the records at the time of asking.

const DAY = 86_400_000;

/** The bulletin's own figure beside the registered ones: must-visit households visited this year. */
export const MUST_VISIT = 'mustVisit';

/**
 * A figure of the bulletin: a registered indicator on the bulletin (its names in the bulletin's
 * language), or the bulletin's own must-visit coverage, listed after the rates.
 */
export interface BulletinFigure {
  key: string;
  kind: 'ratio' | 'count';
  name: string;
  definition: string;
  /** The direction ranked as better; null: shown, not ranked. */
  better: 'higher' | 'lower' | null;
  /** The ranking section it is listed in. */
  group: { key: string; name: string };
  /** A figure of now, not of the period. */
  asOfNow: boolean;
}

export interface Figure {
  numerator: number;
  denominator: number;
  /** Null when there is nothing to count: no data, never 0 %. */
  value: number | null;
  /** 1 is best; equal values share a rank; null for no data or a figure that is not ranked. */
  rank: number | null;
}

export interface BulletinRow {
  areaCode: string;
  areaName: string;
  received: number;
  priority: number;
  /** Every figure by its key: a rate's, or a count's (its value the count). */
  figures: Record<string, Figure>;
}

export interface OverdueAppeal {
  id: string;
  trackingCode: string;
  villageCode: string;
  villageName: string;
  categoryName: string;
  /** The level that held the appeal at the moment. */
  level: AppealLevel;
  holderCode: string;
  holderName: string;
  receivedAt: string;
  /** The deadline missed: to respond (accept) or to resolve. */
  lateFor: 'response' | 'resolution';
  dueAt: string;
  daysOverdue: number;
}

export interface MissingHousehold {
  householdId: string;
  number: string;
  headName: string | null;
  villageName: string;
  groups: (typeof mustVisitGroups)[number][];
  /** The latest visit up to the end of the period; null when never visited. */
  lastVisitDate: string | null;
}

export interface Bulletin {
  area: Dashboard['area'];
  month: string;
  /** The period of the figures: the month, up to today while it runs. */
  from: string;
  to: string;
  /** The month is still running: the overdue list is as of now, not the month's end. */
  current: boolean;
  /** The instant the overdue list describes: the month's end, or now. */
  asOf: string;
  generatedAt: string;
  totals: AreaIndicators;
  /** The figures, in order: the registered rates, must-visit coverage, then the registered counts. */
  figures: BulletinFigure[];
  mustVisit: { from: string; to: string; total: number; visited: number; rate: number | null };
  /** One row per child area (towns of a district, villages of a town); none for a village. */
  ranking: BulletinRow[];
  overdue: OverdueAppeal[];
  missing: MissingHousehold[];
  /** The sections other modules contribute (每月一题), after the bulletin's own. */
  sections: BulletinSection[];
}

/** Competition ranks (1, 2, 2, 4) of every row on one rate; rows without a value get none. */
function rank(rows: BulletinRow[], figure: BulletinFigure): void {
  const { key, better: direction } = figure;
  if (direction === null || figure.kind !== 'ratio') return;
  const values = rows.map((r) => r.figures[key]?.value ?? null).filter((v): v is number => v !== null);
  for (const row of rows) {
    const f = row.figures[key];
    if (!f || f.value === null) continue;
    const value = f.value;
    const better = values.filter((v) => (direction === 'higher' ? v > value : v < value)).length;
    f.rank = better + 1;
  }
}

/** The bulletin's figures in its caller's language: the registered rates, must-visit coverage, the counts. */
function bulletinFigures(
  registry: IndicatorRegistry,
  locale: Locale,
  mustVisitPeriod: { from: string; to: string },
): BulletinFigure[] {
  const registered = registry.list('bulletin').map((i): BulletinFigure => {
    const info = registry.info(i);
    return {
      key: i.key,
      kind: i.kind,
      name: info.name[locale],
      definition: info.definition[locale],
      better: info.better,
      group: { key: info.group.key, name: info.group.name[locale] },
      asOfNow: info.asOfNow,
    };
  });
  const l = bulletinLabels(locale);
  const mustVisit: BulletinFigure = {
    key: MUST_VISIT,
    kind: 'ratio',
    name: l.mustVisit,
    definition: l.mustVisitDefinition(mustVisitPeriod.from, mustVisitPeriod.to),
    better: 'higher',
    group: { key: 'assistance', name: l.rankingAssistance },
    asOfNow: false,
  };
  return [
    ...registered.filter((f) => f.kind === 'ratio'),
    mustVisit,
    ...registered.filter((f) => f.kind === 'count'),
  ];
}

/** The month's first and last calendar days and the instant it ends (China calendar). */
export function monthBounds(month: string): { first: string; last: string; end: Date } {
  const end = chinaDayStart(`${shiftMonth(month, 1)}-01`);
  return { first: `${month}-01`, last: chinaDate(new Date(end.getTime() - 1)), end };
}

const deadlineResets = new Set<string>([
  'escalate',
  'send_down',
  'auto_escalate',
  'reopened',
  'approve_deferral',
]);
const levelArrivals = new Set<string>(['submitted', 'escalate', 'send_down', 'auto_escalate', 'reopened']);
const openStatuses = new Set<string>(openAppealStatuses);

type Candidate = Awaited<ReturnType<typeof appealsPossiblyOpenAt>>[number];

/**
 * An appeal's state at `moment` from its timeline: its status and level then, and the deadlines
 * in force. The stored deadlines are those in force unless something reset them after the moment;
 * then they are counted again from when the appeal reached the level it held, under today's
 * limits. An appeal within an approved deferral then is taken as not overdue (the deferral's date
 * is not kept once a later change clears it).
 */
function stateAt(
  row: Candidate,
  timeline: TimelineEntry[],
  moment: string,
  recount: (since: string) => { response_due_at: string; resolution_due_at: string } | null,
) {
  const before = timeline.filter((e) => e.at <= moment);
  const after = timeline.filter((e) => e.at > moment);
  const status = before.findLast((e) => e.toStatus !== null)?.toStatus ?? row.status;
  const level = (before.findLast((e) => e.toLevel !== null)?.toLevel ?? row.level) as AppealLevel;
  if (!openStatuses.has(status)) return null;
  if (!after.some((e) => deadlineResets.has(e.kind)))
    return { status, level, responseDue: row.response_due_at, resolutionDue: row.resolution_due_at };
  if (status === 'deferred') return null;
  const since = before.findLast((e) => levelArrivals.has(e.kind))?.at ?? row.received_at;
  const due = recount(since);
  if (!due) return null;
  return { status, level, responseDue: due.response_due_at, resolutionDue: due.resolution_due_at };
}

/** The appeals of the subtree overdue at `moment`, most overdue first. */
async function overdueAt(db: Db, scope: AreaScope, moment: string, locale: Locale): Promise<OverdueAppeal[]> {
  const candidates = await appealsPossiblyOpenAt(db, scope, moment);
  if (candidates.length === 0) return [];
  const [timelines, categories, settings] = await Promise.all([
    appealTimelines(
      db,
      candidates.map((c) => c.id),
    ),
    listCategories(db),
    appealSettings(db),
  ]);
  const categoryOf = new Map(categories.map((c) => [c.code, c]));
  const calendar = categories.some(countsWorkingDays) ? await workingCalendar(db) : null;
  const momentMs = Date.parse(moment);
  const found: Omit<OverdueAppeal, 'holderName'>[] = [];
  for (const row of candidates) {
    const category = categoryOf.get(row.category_code);
    const state = stateAt(row, timelines.get(row.id) ?? [], moment, (since) =>
      category ? deadlines(new Date(since), settings, category, row.urgency, calendar) : null,
    );
    if (!state) continue;
    const resolutionLate = Date.parse(state.resolutionDue) < momentMs;
    const responseLate = state.status === 'received' && Date.parse(state.responseDue) < momentMs;
    if (!resolutionLate && !responseLate) continue;
    const dueAt = resolutionLate ? state.resolutionDue : state.responseDue;
    found.push({
      id: row.id,
      trackingCode: row.tracking_code,
      villageCode: row.village_code,
      villageName: row.village_name,
      categoryName: category ? (locale === 'en' ? category.name_en : category.name_zh) : row.category_code,
      level: state.level,
      holderCode: holderOf(row.village_code, state.level),
      receivedAt: row.received_at,
      lateFor: resolutionLate ? 'resolution' : 'response',
      dueAt,
      // Part of a day counts as a day.
      daysOverdue: Math.ceil((momentMs - Date.parse(dueAt)) / DAY),
    });
  }
  const holders = new Map(
    (await findAreasByCodes(db, [...new Set(found.map((f) => f.holderCode))])).map((a) => [a.code, a.name]),
  );
  return found
    .map((f) => ({ ...f, holderName: holders.get(f.holderCode) ?? f.holderCode }))
    .sort(
      (a, b) =>
        b.daysOverdue - a.daysOverdue ||
        a.villageCode.localeCompare(b.villageCode) ||
        a.trackingCode.localeCompare(b.trackingCode),
    );
}

/** The must-visit coverage of the year up to `to`, by child area, and every household not visited. */
async function mustVisitOfYear(db: Db, area: CoverageArea, to: string) {
  const period = { from: `${to.slice(0, 4)}-01-01`, to };
  const facts = await mustVisitFacts(db, area.scope, period, await assistanceSettings(db));
  const summary = await summarizeMustVisit(db, area, facts);
  const missing: MissingHousehold[] = [];
  for (const part of chunks(unvisited(facts), 500)) {
    const details = await missingDetails(db, part);
    const last = await lastVisitDates(
      db,
      part.map((f) => f.id),
      to,
    );
    for (const d of details) missing.push({ ...d, lastVisitDate: last.get(d.householdId) ?? null });
  }
  return { period, summary, missing };
}

/**
 * The bulletin of the caller's area, or of an area inside it, for a China calendar month that has
 * begun. A month in progress is counted up to today, and its overdue appeals are those of now.
 */
export async function bulletin(
  db: Db,
  ctx: { scope: AreaScope; clock: Clock; locale: Locale },
  query: { month: string; areaCode?: string | undefined },
  cache: DashboardCache,
  registry: IndicatorRegistry,
  sections?: BulletinSectionRegistry,
): Promise<Bulletin> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  if (query.month > today.slice(0, 7))
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'params.month', message: 'month.future' }]);
  const current = query.month === today.slice(0, 7);
  const bounds = monthBounds(query.month);
  const to = current ? today : bounds.last;
  const board = await dashboard(
    db,
    { scope: ctx.scope, clock: ctx.clock },
    { areaCode: query.areaCode, from: bounds.first, to },
    cache,
    registry,
  );
  const area = await coverageArea(db, ctx.scope, board.area.code);
  const asOf = current ? now.toISOString() : bounds.end.toISOString();
  const [overdue, coverage, contributed] = await Promise.all([
    overdueAt(db, area.scope, asOf, ctx.locale),
    mustVisitOfYear(db, area, to),
    bulletinSectionsOf(sections, db, {
      scope: area.scope,
      month: query.month,
      locale: ctx.locale,
      clock: ctx.clock,
    }),
  ]);
  const figures = bulletinFigures(registry, ctx.locale, coverage.period);
  const byChild = new Map(coverage.summary.byArea.map((a) => [a.areaCode, a]));
  const figure = (r: { numerator: number; denominator: number; value: number | null }) => ({
    ...r,
    rank: null,
  });
  const ranking: BulletinRow[] =
    board.area.kind === 'village'
      ? []
      : board.children.map((c) => {
          const visits = byChild.get(c.areaCode) ?? { visited: 0, total: 0 };
          return {
            areaCode: c.areaCode,
            areaName: c.areaName,
            received: c.received,
            priority: c.tiers.priority,
            figures: Object.fromEntries(
              figures.map((f) => [
                f.key,
                figure(
                  f.key === MUST_VISIT
                    ? ratio(visits.visited, visits.total)
                    : (c.indicators[f.key] ?? indicatorValue(f.kind, undefined)),
                ),
              ]),
            ),
          };
        });
  for (const f of figures) rank(ranking, f);
  return {
    area: board.area,
    month: query.month,
    from: bounds.first,
    to,
    current,
    asOf,
    generatedAt: now.toISOString(),
    totals: board.totals,
    figures,
    mustVisit: {
      ...coverage.period,
      total: coverage.summary.total,
      visited: coverage.summary.visited,
      rate: coverage.summary.rate,
    },
    ranking,
    overdue,
    missing: coverage.missing,
    sections: contributed,
  };
}
