import type { Writable } from 'node:stream';
import {
  type AreaKind,
  type AssistanceSettings,
  chinaDayStart,
  type MustGoCoverage,
  type MustVisitCoverage,
  type mustGoReasons,
  type mustVisitGroups,
} from '@lianxin/common';
import ExcelJS from 'exceljs';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/dialect';
import type { DB } from '../../db/schema';
import { chunks } from '../../platform/collections';
import { AppError } from '../../platform/errors';
import { type AreaScope, inScope, scopeOf } from '../../platform/scope';
import { findArea } from '../areas';
import { assistanceSettings } from './pairings.service';

// Coverage of the two standing duties: 五必访 (must-visit households) and 五必去 (must-go villages).
// Both are derived from the registry and the visits at the time of asking; nothing is stored.

type MustVisitGroup = (typeof mustVisitGroups)[number];
type MustGoReason = (typeof mustGoReasons)[number];

export interface CoveragePeriod {
  areaCode?: string | undefined;
  /** Only visits this cadre took part in count. */
  cadreId?: string | undefined;
  /** Calendar dates, both included. */
  from: string;
  to: string;
}

export interface CoverageArea {
  scope: AreaScope;
  name: string;
}

/** The area a report covers: the caller's own, or the one asked for if it lies inside it. */
export async function coverageArea(db: Db, scope: AreaScope, areaCode: string | undefined) {
  const area = await findArea(db, scope, areaCode ?? scope.areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN', { code: areaCode ?? scope.areaCode });
  return { scope: scopeOf(area), name: area.name };
}

// ---- 五必访 --------------------------------------------------------------------------------

/** A must-visit household, the groups it is in and whether it was visited in the period. */
export interface MustVisitFact {
  id: string;
  areaCode: string;
  villageCode: string;
  number: string;
  groups: MustVisitGroup[];
  visited: boolean;
}

const poorTags = ['dibao', 'tekun', 'monitored'];
const deputyRoles = ['party_congress_deputy', 'peoples_congress_deputy', 'cppcc_member'];
const cadreRoles = ['village_cadre', 'group_cadre'];

/** `public_roles` (a JSON array of codes) holds one of `roles`. */
function holdsRole(roles: string[]) {
  return sql<boolean>`(${sql.join(
    roles.map((role) => sql`r.public_roles like ${`%"${role}"%`}`),
    sql` or `,
  )})`;
}

/**
 * Residents in `scope`. A district's subtree is the whole table: read in table order it is one
 * scan, while the area index would fetch every row at random (three times slower on SQLite),
 * so the district's test is written so that no index applies.
 */
function residentsIn(eb: ExpressionBuilder<DB & { r: DB['residents'] }, 'r'>, scope: AreaScope) {
  if (scope.kind !== 'district') return inScope(eb, 'r.area_code', scope);
  return sql<boolean>`substr(r.area_code, 1, ${scope.prefix.length}) = ${scope.prefix}`;
}

const flag = (condition: ReturnType<typeof sql<boolean>>) =>
  sql<number>`case when ${condition} then 1 else 0 end`;

/**
 * Every must-visit household in `scope` with its groups and whether a visit (by the cadre, when
 * one is named) reached it within the period. One statement: the union of the flagged household
 * ids from households, their tags and their members, folded per household, each probed once in
 * the visits index.
 */
export async function mustVisitFacts(
  db: Db,
  scope: AreaScope,
  period: CoveragePeriod,
  settings: Pick<AssistanceSettings, 'veteranPartyYears'>,
): Promise<MustVisitFact[]> {
  const joinedBy = Number(period.to.slice(0, 4)) - settings.veteranPartyYears;
  const veteran = sql<boolean>`(r.party_member = ${true} and r.party_join_year <= ${joinedBy})`;
  const deputy = holdsRole(deputyRoles);
  const cadre = holdsRole(cadreRoles);
  const zero = sql<number>`0`;
  const visited = (eb: ExpressionBuilder<DB & { h: DB['households'] }, 'h'>) =>
    period.cadreId
      ? eb(
          'h.id',
          'in',
          eb
            .selectFrom('visit_cadres as vc')
            .innerJoin('visits as v', 'v.id', 'vc.visit_id')
            .select('v.household_id')
            .where('vc.cadre_id', '=', period.cadreId)
            .where('vc.date', '>=', period.from)
            .where('vc.date', '<=', period.to)
            .where('v.household_id', 'is not', null),
        )
      : eb.exists(
          eb
            .selectFrom('visits as v')
            .select(sql<number>`1`.as('one'))
            .whereRef('v.household_id', '=', 'h.id')
            .where('v.date', '>=', period.from)
            .where('v.date', '<=', period.to),
        );

  const rows = await db
    .with('flagged', (qb) =>
      qb
        .selectFrom('households as fh')
        .select([
          'fh.id as household_id',
          sql<number>`1`.as('poor'),
          zero.as('wubao'),
          zero.as('veteran'),
          zero.as('deputies'),
          zero.as('cadres'),
        ])
        .where('fh.tier', '=', 'priority')
        .where((eb) => inScope(eb, 'fh.area_code', scope))
        .unionAll(
          qb
            .selectFrom('household_tags as t')
            .select([
              't.household_id',
              flag(sql<boolean>`t.tag_code <> 'wubao'`).as('poor'),
              flag(sql<boolean>`t.tag_code = 'wubao'`).as('wubao'),
              zero.as('veteran'),
              zero.as('deputies'),
              zero.as('cadres'),
            ])
            .where('t.tag_code', 'in', [...poorTags, 'wubao']),
        )
        .unionAll(
          qb
            .selectFrom('residents as r')
            .select([
              'r.household_id',
              zero.as('poor'),
              zero.as('wubao'),
              flag(veteran).as('veteran'),
              flag(deputy).as('deputies'),
              flag(cadre).as('cadres'),
            ])
            .where('r.status', '=', 'active')
            .where((eb) => residentsIn(eb, scope))
            // Every public role makes a must-visit (a deputy or a cadre): a cheap test of the list
            // picks the members, and the pattern tests run only on the few it picks.
            .where(sql<boolean>`(${veteran} or r.public_roles <> '[]')`),
        ),
    )
    .with('must', (qb) =>
      qb
        .selectFrom('flagged')
        .select((eb) => [
          'flagged.household_id',
          eb.fn.max('flagged.poor').as('poor'),
          eb.fn.max('flagged.wubao').as('wubao'),
          eb.fn.max('flagged.veteran').as('veteran'),
          eb.fn.max('flagged.deputies').as('deputies'),
          eb.fn.max('flagged.cadres').as('cadres'),
        ])
        .groupBy('flagged.household_id'),
    )
    .selectFrom('must')
    .innerJoin('households as h', 'h.id', 'must.household_id')
    .select((eb) => [
      'h.id',
      'h.area_code',
      'h.village_code',
      'h.number',
      'must.poor',
      'must.wubao',
      'must.veteran',
      'must.deputies',
      'must.cadres',
      sql<number>`case when ${visited(eb)} then 1 else 0 end`.as('visited'),
    ])
    .where('h.status', '=', 'active')
    .where((eb) => inScope(eb, 'h.area_code', scope))
    .execute();

  const facts: MustVisitFact[] = [];
  for (const r of rows) {
    const groups: MustVisitGroup[] = [];
    if (Number(r.poor)) groups.push('poor');
    if (Number(r.wubao)) groups.push('wubao');
    if (Number(r.veteran)) groups.push('veteran_party');
    if (Number(r.deputies)) groups.push('deputies');
    if (Number(r.cadres)) groups.push('cadres');
    // A member picked for a public role no rule names (none today) makes no must-visit.
    if (groups.length === 0) continue;
    facts.push({
      id: r.id,
      areaCode: r.area_code,
      villageCode: r.village_code,
      number: r.number,
      groups,
      visited: Number(r.visited) === 1,
    });
  }
  return facts;
}

/** The child of `kind` a household of a village (and maybe a group) counts under. */
function childOf(kind: AreaKind, fact: Pick<MustVisitFact, 'areaCode' | 'villageCode'>): string {
  if (kind === 'district') return `${fact.villageCode.slice(0, 9)}000`;
  if (kind === 'town') return fact.villageCode;
  return fact.areaCode;
}

/** The rows of a report by area: one per child area of the scope, or the area itself for a group. */
async function childAreas(db: Db, area: CoverageArea): Promise<{ code: string; name: string }[]> {
  if (area.scope.kind === 'group') return [{ code: area.scope.areaCode, name: area.name }];
  return db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('parent_code', '=', area.scope.areaCode)
    .orderBy('code')
    .execute();
}

const rate = (visited: number, total: number) => (total === 0 ? null : visited / total);

/** Households in `facts` not visited, in registry order (area, then number). */
export function unvisited(facts: MustVisitFact[]): MustVisitFact[] {
  return facts
    .filter((f) => !f.visited)
    .sort((a, b) =>
      a.areaCode === b.areaCode
        ? a.number < b.number
          ? -1
          : a.number > b.number
            ? 1
            : 0
        : a.areaCode < b.areaCode
          ? -1
          : 1,
    );
}

/** Head names and village names of some households, for the list of those not visited. */
export async function missingDetails(db: Db, facts: MustVisitFact[]): Promise<MustVisitCoverage['missing']> {
  if (facts.length === 0) return [];
  const rows = await db
    .selectFrom('households as h')
    .innerJoin('areas as village', 'village.code', 'h.village_code')
    .leftJoin('residents as head', 'head.id', 'h.head_resident_id')
    .select(['h.id', 'head.name as head_name', 'village.name as village_name'])
    .where(
      'h.id',
      'in',
      facts.map((f) => f.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return facts.map((f) => ({
    householdId: f.id,
    number: f.number,
    headName: byId.get(f.id)?.head_name ?? null,
    villageName: byId.get(f.id)?.village_name ?? '',
    groups: f.groups,
  }));
}

/** The figures of a must-visit report from its facts; `missing` is left to the caller. */
export async function summarizeMustVisit(
  db: Db,
  area: CoverageArea,
  facts: MustVisitFact[],
): Promise<Omit<MustVisitCoverage, 'missing'>> {
  const groupTotals = new Map<MustVisitGroup, { total: number; visited: number }>(
    (['poor', 'wubao', 'veteran_party', 'deputies', 'cadres'] as const).map((g) => [
      g,
      { total: 0, visited: 0 },
    ]),
  );
  const areaTotals = new Map<string, { total: number; visited: number }>();
  let visited = 0;
  for (const fact of facts) {
    if (fact.visited) visited++;
    for (const group of fact.groups) {
      const g = groupTotals.get(group);
      if (g) {
        g.total++;
        if (fact.visited) g.visited++;
      }
    }
    const child = childOf(area.scope.kind, fact);
    const a = areaTotals.get(child) ?? { total: 0, visited: 0 };
    a.total++;
    if (fact.visited) a.visited++;
    areaTotals.set(child, a);
  }
  const children = await childAreas(db, area);
  const known = new Set(children.map((c) => c.code));
  // Households held by a village directly, outside its groups, get a row of their own.
  if (areaTotals.has(area.scope.areaCode) && !known.has(area.scope.areaCode)) {
    children.push({ code: area.scope.areaCode, name: area.name });
  }
  return {
    total: facts.length,
    visited,
    rate: rate(visited, facts.length),
    byGroup: [...groupTotals].map(([group, g]) => ({ group, total: g.total, visited: g.visited })),
    byArea: children.map((c) => {
      const a = areaTotals.get(c.code) ?? { total: 0, visited: 0 };
      return {
        areaCode: c.code,
        areaName: c.name,
        total: a.total,
        visited: a.visited,
        rate: rate(a.visited, a.total),
      };
    }),
  };
}

/** 五必访: how many of the must-visit households in the area were visited in the period. */
export async function mustVisitCoverage(
  db: Db,
  callerScope: AreaScope,
  period: CoveragePeriod,
): Promise<MustVisitCoverage> {
  const area = await coverageArea(db, callerScope, period.areaCode);
  const settings = await assistanceSettings(db);
  const facts = await mustVisitFacts(db, area.scope, period, settings);
  const summary = await summarizeMustVisit(db, area, facts);
  return { ...summary, missing: await missingDetails(db, unvisited(facts).slice(0, 500)) };
}

// ---- 五必去 --------------------------------------------------------------------------------

/** The day after `date` a year earlier: the first day of the 12 months that end on `date`. */
function yearBefore(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * 五必去: the villages in the area that are extremely poor, remote, hard to advance, hit by a
 * disaster during the period, or the source of many appeals in the 12 months up to its end; and
 * whether a village visit (one not to a household) reached each in the period.
 */
export async function mustGoCoverage(
  db: Db,
  callerScope: AreaScope,
  period: CoveragePeriod,
): Promise<MustGoCoverage> {
  const area = await coverageArea(db, callerScope, period.areaCode);
  const scope = area.scope;
  const settings = await assistanceSettings(db);
  const villages = await db
    .selectFrom('areas as a')
    .innerJoin('areas as town', 'town.code', 'a.parent_code')
    .select([
      'a.code',
      'a.name',
      'town.name as town_name',
      'a.extremely_poor',
      'a.remote',
      'a.hard_to_advance',
      'a.disaster_hit',
      'a.disaster_from',
      'a.disaster_to',
    ])
    .where('a.kind', '=', 'village')
    .where((eb) => inScope(eb, 'a.code', scope))
    .orderBy('a.code')
    .execute();
  // Every appeal received counts, merged duplicates too: each is a resident who came to ask.
  const appeals = await db
    .selectFrom('appeals')
    .select((eb) => ['village_code', eb.fn.countAll<number>().as('n')])
    .where((eb) => inScope(eb, 'village_code', scope))
    .where('received_at', '>=', chinaDayStart(yearBefore(period.to)).toISOString())
    .where('received_at', '<', new Date(chinaDayStart(period.to).getTime() + 86_400_000).toISOString())
    .groupBy('village_code')
    .having((eb) => eb.fn.countAll(), '>=', settings.manyPetitionsThreshold)
    .execute();
  const manyPetitions = new Set(appeals.map((a) => a.village_code));

  // Village visits (no household): counted in the period, the latest one up to its end.
  const villageVisits = (from: string | null) => {
    const base = period.cadreId
      ? db
          .selectFrom('visit_cadres as vc')
          .innerJoin('visits as v', 'v.id', 'vc.visit_id')
          .where('vc.cadre_id', '=', period.cadreId)
          .where('vc.date', '<=', period.to)
          .$if(from !== null, (qb) => qb.where('vc.date', '>=', from ?? ''))
      : db
          .selectFrom('visits as v')
          .where('v.date', '<=', period.to)
          .$if(from !== null, (qb) => qb.where('v.date', '>=', from ?? ''));
    return base
      .select((eb) => ['v.village_code', eb.fn.countAll<number>().as('n'), eb.fn.max('v.date').as('last')])
      .where('v.household_id', 'is', null)
      .where((eb) => inScope(eb, 'v.village_code', scope))
      .groupBy('v.village_code')
      .execute();
  };
  const [inPeriod, ever] = await Promise.all([villageVisits(period.from), villageVisits(null)]);
  const counts = new Map(inPeriod.map((v) => [v.village_code, Number(v.n)]));
  const last = new Map(ever.map((v) => [v.village_code, String(v.last)]));

  const out: MustGoCoverage['villages'] = [];
  for (const v of villages) {
    const reasons: MustGoReason[] = [];
    if (v.extremely_poor) reasons.push('extremely_poor');
    if (v.remote) reasons.push('remote');
    if (v.hard_to_advance) reasons.push('hard_to_advance');
    if (
      v.disaster_hit &&
      (v.disaster_from === null || v.disaster_from <= period.to) &&
      (v.disaster_to === null || v.disaster_to >= period.from)
    )
      reasons.push('disaster_hit');
    if (manyPetitions.has(v.code)) reasons.push('many_petitions');
    if (reasons.length === 0) continue;
    out.push({
      villageCode: v.code,
      villageName: v.name,
      townName: v.town_name,
      reasons,
      visits: counts.get(v.code) ?? 0,
      lastVisitDate: last.get(v.code) ?? null,
    });
  }
  const visited = out.filter((v) => v.visits > 0).length;
  return { total: out.length, visited, rate: rate(visited, out.length), villages: out };
}

// ---- the must-visit workbook -------------------------------------------------------------

const groupWords: Record<MustVisitGroup, string> = {
  poor: '困难群众',
  wubao: '五保户',
  veteran_party: '老党员',
  deputies: '两代一委',
  cadres: '村组干部',
};

const percent = (value: number | null) => (value === null ? '' : `${(value * 100).toFixed(1)}%`);

/**
 * Writes a must-visit report as a workbook: the figures by area and by group, then every
 * must-visit household not visited in the period (not only the first 500 the page shows).
 */
export async function writeMustVisitWorkbook(
  db: Db,
  report: { area: CoverageArea; period: CoveragePeriod; summary: Omit<MustVisitCoverage, 'missing'> },
  facts: MustVisitFact[],
  out: Writable,
): Promise<void> {
  const { area, period, summary } = report;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet('覆盖情况', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '区域', key: 'name', width: 20 },
    { header: '区划代码', key: 'code', width: 18, style: { numFmt: '@' } },
    { header: '应访户数', key: 'total', width: 12 },
    { header: '已访户数', key: 'visited', width: 12 },
    { header: '走访率', key: 'rate', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of summary.byArea) {
    sheet
      .addRow({
        name: row.areaName,
        code: row.areaCode,
        total: row.total,
        visited: row.visited,
        rate: percent(row.rate),
      })
      .commit();
  }
  const totalRow = sheet.addRow({
    name: `${area.name}合计`,
    code: area.scope.areaCode,
    total: summary.total,
    visited: summary.visited,
    rate: percent(summary.rate),
  });
  totalRow.font = { bold: true };
  totalRow.commit();
  sheet.addRow({}).commit();
  for (const g of summary.byGroup) {
    sheet
      .addRow({
        name: groupWords[g.group],
        total: g.total,
        visited: g.visited,
        rate: percent(rate(g.visited, g.total)),
      })
      .commit();
  }
  sheet.addRow({}).commit();
  sheet
    .addRow({
      name: `统计期间 ${period.from} 至 ${period.to}${period.cadreId ? '（仅计指定干部的走访）' : ''}`,
    })
    .commit();
  sheet.commit();

  const missing = workbook.addWorksheet('未走访户', { views: [{ state: 'frozen', ySplit: 1 }] });
  missing.columns = [
    { header: '村（社区）', key: 'village', width: 16 },
    { header: '户号', key: 'number', width: 14, style: { numFmt: '@' } },
    { header: '户主', key: 'head', width: 12 },
    { header: '五必访类别', key: 'groups', width: 30 },
  ];
  missing.getRow(1).font = { bold: true };
  missing.getRow(1).commit();
  for (const part of chunks(unvisited(facts), 500)) {
    for (const m of await missingDetails(db, part)) {
      missing
        .addRow({
          village: m.villageName,
          number: m.number,
          head: m.headName ?? '',
          groups: m.groups.map((g) => groupWords[g]).join('、'),
        })
        .commit();
    }
  }
  missing.commit();
  await workbook.commit();
}
