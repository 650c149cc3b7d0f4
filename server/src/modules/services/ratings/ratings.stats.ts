import {
  type AreaKind,
  chinaDayAfter,
  chinaDayStart,
  ratio,
  type ServiceStats,
  type ServiceStatsQuery,
  type ServiceStatsRow,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { AppError, notFound } from '../../../platform/errors';
import type { RequestContext } from '../../../platform/request-context';
import { codeInScope, type Scope, scopeOf, seatOf } from '../../../platform/scope';
import { childAreas, findArea } from '../../areas';
import {
  type FigureKey,
  type FigureWindow,
  followUpFigures,
  ratingFigures,
  requestFigures,
  unitNames,
} from './ratings-figures.repository';

// The services figures: requests, on-time rate (delivered by the due time / delivered), 好评率
// (good judgements / judgements, both parties counted: two a rating, an overturned 差评 left out)
// and 差评整改率 (answered / follow-ups due, the overturned left out), per child area or unit.

export interface Figures {
  requests: number;
  delivered: number;
  onTime: number;
  rated: number;
  agentGood: number;
  unitGood: number;
  agentBad: number;
  unitBad: number;
  agentOverturned: number;
  unitOverturned: number;
  answered: number;
  due: number;
}

const empty = (): Figures => ({
  requests: 0,
  delivered: 0,
  onTime: 0,
  rated: 0,
  agentGood: 0,
  unitGood: 0,
  agentBad: 0,
  unitBad: 0,
  agentOverturned: 0,
  unitOverturned: 0,
  answered: 0,
  due: 0,
});

function add(into: Figures, more: Partial<Figures>): void {
  for (const [k, v] of Object.entries(more)) {
    if (typeof v === 'number') into[k as keyof Figures] += v;
  }
}

/** Every figure of a window, grouped by area prefix or unit. */
export async function figuresBy(db: Db, w: FigureWindow, key: FigureKey): Promise<Map<string, Figures>> {
  const [requests, ratings, followUps] = await Promise.all([
    requestFigures(db, w, key),
    ratingFigures(db, w, key),
    followUpFigures(db, w, key),
  ]);
  const out = new Map<string, Figures>();
  const at = (k: string) => {
    let f = out.get(k);
    if (!f) {
      f = empty();
      out.set(k, f);
    }
    return f;
  };
  for (const { key: k, ...r } of requests) add(at(k), r);
  for (const { key: k, ...r } of ratings) add(at(k), r);
  for (const { key: k, ...r } of followUps) add(at(k), r);
  return out;
}

/** 好评率's counts: good judgements over judgements (both parties, or one), overturned 差评 left out. */
export function goodCounts(f: Figures, party?: 'agent' | 'unit') {
  const agent = { numerator: f.agentGood, denominator: f.rated - f.agentOverturned };
  const unit = { numerator: f.unitGood, denominator: f.rated - f.unitOverturned };
  if (party === 'agent') return agent;
  if (party === 'unit') return unit;
  return { numerator: agent.numerator + unit.numerator, denominator: agent.denominator + unit.denominator };
}

export function rowOf(key: string, name: string, f: Figures): ServiceStatsRow {
  const good = goodCounts(f);
  return {
    key,
    name,
    requests: f.requests,
    delivered: f.delivered,
    deliveredOnTime: f.onTime,
    onTimeRate: ratio(f.onTime, f.delivered).value,
    rated: f.rated,
    judgements: good.denominator,
    good: good.numerator,
    goodRate: ratio(good.numerator, good.denominator).value,
    agentGoodRate: ratio(goodCounts(f, 'agent').numerator, goodCounts(f, 'agent').denominator).value,
    unitGoodRate: ratio(goodCounts(f, 'unit').numerator, goodCounts(f, 'unit').denominator).value,
    bad: f.agentBad + f.unitBad - f.agentOverturned - f.unitOverturned,
    followUpsDue: f.due,
    followUpsAnswered: f.answered,
    rectificationRate: ratio(f.answered, f.due).value,
  };
}

/** The digits of a child's code under an area of `kind` (a village counts as its own child). */
export function childDigits(kind: AreaKind): number {
  return kind === 'district' ? 9 : kind === 'town' ? 12 : 15;
}

/** The figures of `[from, to]` (China days) over an area and its children, and per unit. */
export async function figuresOver(
  db: Db,
  scope: Scope,
  area: { code: string; name: string; kind: AreaKind },
  from: string,
  to: string,
  now: Date,
) {
  const window: FigureWindow = {
    scope: scope.reach === 'area' ? scopeOf(area) : scope,
    from: chinaDayStart(from).toISOString(),
    to: chinaDayAfter(to).toISOString(),
    now: now.toISOString(),
  };
  const digits = area.kind === 'village' || area.kind === 'group' ? area.code.length : childDigits(area.kind);
  const [byArea, byUnit, children] = await Promise.all([
    figuresBy(db, window, { by: 'area', digits }),
    figuresBy(db, window, { by: 'unit' }),
    area.kind === 'village' || area.kind === 'group'
      ? Promise.resolve([{ code: area.code, name: area.name }])
      : childAreas(db, scopeOf(area), area.code),
  ]);
  const total = empty();
  for (const f of byArea.values()) add(total, f);
  const names = await unitNames(db, [...byUnit.keys()]);
  return {
    total: rowOf(area.code, area.name, total),
    byArea: children.map((c) => rowOf(c.code, c.name, byArea.get(c.code.slice(0, digits)) ?? empty())),
    byUnit: [...byUnit.entries()]
      .map(([id, f]) => rowOf(id, names.get(id) ?? id, f))
      .sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name, 'zh-CN')),
  };
}

export async function serviceStats(
  db: Db,
  ctx: RequestContext,
  query: ServiceStatsQuery,
): Promise<ServiceStats> {
  if (query.from > query.to) throw new AppError('VALIDATION_FAILED');
  const seat = seatOf(ctx.scope);
  const code = query.areaCode ?? seat.areaCode;
  if (!codeInScope(code, seat)) throw notFound();
  const area = await findArea(db, seat, code);
  if (!area) throw notFound();
  const figures = await figuresOver(db, ctx.scope, area, query.from, query.to, ctx.clock.now());
  return { from: query.from, to: query.to, areaCode: area.code, ...figures };
}
