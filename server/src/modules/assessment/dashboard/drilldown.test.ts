import {
  type AreaIndicators,
  appealsApi,
  type CadreSet,
  cadreDrillDown,
  cadreRateSets,
  type DashboardQuery,
  type DrillDown,
  type DrillDownScope,
  dashboardApi,
  drillDown,
  householdsApi,
  pairingsApi,
  type RecordSet,
  rateSets,
  type Tier,
  workApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, type Session } from '../../../../test/harness';
import {
  appealStates,
  createHousehold,
  insertAppeal,
  insertPairing,
  insertTierChange,
  insertVisit,
} from '../../../../test/records.fixtures';
import { buildWorld, type World } from '../../../../test/world';

const FROM = '2026-10-01';
const TO = '2026-11-30';

/** The number of records the list behind a figure holds, and the ids of the first page. */
async function drill(session: Session, set: RecordSet, scope: DrillDownScope) {
  return listed(session, drillDown(set, scope));
}

/** What the checks read of a listed record: its village, and the cadre it is of (handler, helper). */
interface ListedRecord {
  villageCode: string;
  cadreId: string | null;
}

/**
 * The number of records a drill-down's list holds, and its first page. The drill-down's query is
 * the list page's address; read by the list's contract, it must be one the list accepts.
 */
async function listed(
  session: Session,
  drill: DrillDown,
): Promise<{ status: number; total: number; items: ListedRecord[] }> {
  const limit = '200';
  const none = (status: number) => ({ status, total: 0, items: [] });
  if (drill.list === 'appeals') {
    const query = appealsApi.list.query.parse({ ...drill.query, withTotal: 'true', limit });
    const response = await session.call(appealsApi.list, { query });
    if (response.statusCode !== 200) return none(response.statusCode);
    const { total, items } = response.data;
    return { status: 200, total: total ?? 0, items: items.map((a) => ({ ...a, cadreId: a.handlerId })) };
  }
  if (drill.list === 'households') {
    const query = householdsApi.list.query.parse({ ...drill.query, limit });
    const response = await session.call(householdsApi.list, { query });
    if (response.statusCode !== 200) return none(response.statusCode);
    const { total, items } = response.data;
    return { status: 200, total, items: items.map((h) => ({ ...h, cadreId: null })) };
  }
  const query = pairingsApi.list.query.parse({ ...drill.query, limit });
  const response = await session.call(pairingsApi.list, { query });
  if (response.statusCode !== 200) return none(response.statusCode);
  return { status: 200, ...response.data };
}

const dashboardOf = async (session: Session, query: DashboardQuery) => {
  const response = await session.call(dashboardApi.get, { query });
  expect(response.statusCode, response.response.body).toBe(200);
  return response.data;
};

/** Every figure of an area's row of the dashboard, by the set of records it counts. */
function figuresOf(area: AreaIndicators): [RecordSet, number][] {
  const figures: [RecordSet, number][] = [
    ['received', area.received],
    ['households', area.households],
    ['leftPriority', area.leftPriority],
    ...(['stable', 'watch', 'priority'] as Tier[]).map((tier): [RecordSet, number] => [
      tier,
      area.tiers[tier],
    ]),
    ['priorityUnpaired', area.pairingFill.denominator - area.pairingFill.numerator],
    ['pairedNotVisited', area.visitedPaired.denominator - area.visitedPaired.numerator],
  ];
  for (const [key, sets] of Object.entries(rateSets) as [
    keyof typeof rateSets,
    (typeof rateSets)[keyof typeof rateSets],
  ][]) {
    figures.push([sets.numerator, area[key].numerator], [sets.denominator, area[key].denominator]);
  }
  return figures;
}

describe('every dashboard figure drills down to a list of exactly the records it counts', () => {
  let t: World;
  let admin: Session;
  let townHead: Session;

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    // Appeals in every state in three villages and two months, a category apart, and some just
    // outside the period (China calendar days, UTC+8).
    const received = ['2026-10-05T02:00:00.000Z', '2026-11-10T02:00:00.000Z', '2026-11-30T15:59:59.000Z'];
    for (const [i, village] of [AREAS.villageA1, AREAS.villageA2, AREAS.villageB1].entries())
      for (const receivedAt of received.slice(i))
        for (const [j, state] of appealStates(receivedAt).entries())
          await insertAppeal(t, village, {
            received_at: receivedAt,
            category_code: j % 3 === 0 ? 'wage_dispute' : 'roads_water',
            ...state,
          });
    for (const receivedAt of ['2026-09-30T15:59:59.999Z', '2026-11-30T16:00:00.000Z'])
      await insertAppeal(t, AREAS.villageA1, { received_at: receivedAt });

    // Households of every tier, some moved out; pairings visited in the period or not, one ended,
    // one of a household no longer priority; tier changes in and out of the period.
    const household = async (areaCode: string, tier: Tier, status: 'active' | 'moved_out' = 'active') => ({
      id: await createHousehold(t, admin, areaCode, tier, status),
      areaCode,
    });
    for (const areaCode of [AREAS.groupA1, AREAS.villageA2, AREAS.villageB1]) {
      await household(areaCode, 'stable');
      await household(areaCode, 'watch', 'moved_out');
      await household(areaCode, 'priority');
      const visited = await household(areaCode, 'priority');
      await insertPairing(t, visited, cadre.id);
      await insertVisit(t, visited, cadre.id, '2026-10-01');
      const late = await household(areaCode, 'priority');
      await insertPairing(t, late, cadre.id);
      await insertVisit(t, late, cadre.id, '2026-12-01');
      const ended = await household(areaCode, 'priority');
      await insertPairing(t, ended, cadre.id, { status: 'ended' });
      await insertVisit(t, ended, cadre.id, '2026-11-01');
      const left = await household(areaCode, 'watch');
      await insertPairing(t, left, cadre.id);
      await insertVisit(t, left, cadre.id, '2026-11-30');
      await insertTierChange(t, left.id, {
        at: '2026-10-31T16:00:00.000Z',
        from_tier: 'priority',
        to_tier: 'watch',
      });
      const gone = await household(areaCode, 'stable', 'moved_out');
      await insertTierChange(t, gone.id, {
        at: '2026-09-30T16:00:00.000Z',
        from_tier: 'priority',
        to_tier: 'stable',
      });
      const earlier = await household(areaCode, 'watch');
      await insertTierChange(t, earlier.id, {
        at: '2026-09-30T15:59:59.999Z',
        from_tier: 'priority',
        to_tier: 'watch',
      });
      const up = await household(areaCode, 'priority');
      await insertTierChange(t, up.id, {
        at: '2026-11-01T00:00:00.000Z',
        from_tier: 'watch',
        to_tier: 'priority',
      });
    }
  });
  afterAll(() => t.close());

  it('lists as many records as each figure of the district and of each town counts', async () => {
    const board = await dashboardOf(admin, { from: FROM, to: TO });
    expect(board.totals.received).toBeGreaterThan(0);
    expect(board.totals.leftPriority).toBe(6);
    expect(board.totals.visitedPaired).toMatchObject({ numerator: 6, denominator: 9 });
    for (const area of [board.totals, ...board.children]) {
      const scope = { areaCode: area.areaCode, from: FROM, to: TO };
      for (const [set, figure] of figuresOf(area))
        expect((await drill(admin, set, scope)).total, `${area.areaName} ${set}`).toBe(figure);
    }
  });

  it('lists as many appeals as each month, category and stage of the level funnel', async () => {
    const board = await dashboardOf(admin, { from: FROM, to: TO });
    const scope = { areaCode: board.area.code, from: FROM, to: TO };
    expect(board.monthly.map((m) => m.month)).toEqual(['2026-10', '2026-11']);
    for (const month of board.monthly) {
      const days = { ...scope, from: `${month.month}-01`, to: month.month === '2026-10' ? '2026-10-31' : TO };
      expect((await drill(admin, 'received', days)).total, month.month).toBe(month.received);
      expect((await drill(admin, 'resolved', days)).total, month.month).toBe(month.resolved);
      expect((await drill(admin, 'rated', days)).total, month.month).toBe(month.rated);
      expect((await drill(admin, 'satisfied', days)).total, month.month).toBe(month.satisfied);
    }
    expect(board.categories.length).toBe(2);
    for (const category of board.categories)
      expect((await drill(admin, 'received', { ...scope, categoryCode: category.code })).total).toBe(
        category.received,
      );
    expect((await drill(admin, 'reachedTown', scope)).total).toBe(board.funnel.reachedTown);
    expect((await drill(admin, 'reachedDistrict', scope)).total).toBe(board.funnel.reachedDistrict);
  });

  it('never lists another town’s records to a town head', async () => {
    const board = await dashboardOf(townHead, { from: FROM, to: TO });
    expect(board.area.code).toBe(AREAS.townA);
    const own = { areaCode: AREAS.townA, from: FROM, to: TO };
    const other = { areaCode: AREAS.townB, from: FROM, to: TO };
    for (const [set, figure] of figuresOf(board.totals)) {
      const listed = await drill(townHead, set, own);
      expect(listed.total, set).toBe(figure);
      for (const item of listed.items)
        expect(item.villageCode.slice(0, 9), set).toBe(AREAS.townA.slice(0, 9));
      // Another town's list is empty, or refused as an unknown area: never its records.
      const outside = await drill(townHead, set, other);
      expect(outside.total, set).toBe(0);
      expect(outside.items, set).toEqual([]);
    }
  });
});

describe('every figure of a cadre’s row drills down to the records of that cadre it counts', () => {
  let t: World;
  let admin: Session;
  let townHeadB: Session;
  let cadreId: string;

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    townHeadB = (await t.member('town_head', AREAS.townB)).session;
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const colleague = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    cadreId = cadre.id;
    // Appeals in every state (a merged duplicate among them) handled by the cadre, by a colleague
    // or by nobody, and the cadre's appeals just outside the period.
    for (const [i, handler] of [cadre.id, colleague.id, null].entries())
      for (const receivedAt of ['2026-10-05T02:00:00.000Z', '2026-11-30T15:59:59.000Z'].slice(i % 2))
        for (const state of appealStates(receivedAt))
          await insertAppeal(t, AREAS.villageA1, { received_at: receivedAt, handler_id: handler, ...state });
    for (const receivedAt of ['2026-09-30T15:59:59.999Z', '2026-11-30T16:00:00.000Z'])
      await insertAppeal(t, AREAS.villageA1, { received_at: receivedAt, handler_id: cadre.id });

    // The cadre's pairings visited in the period or not, one ended; a colleague's.
    const household = async (areaCode: string) => ({
      id: await createHousehold(t, admin, areaCode, 'priority'),
      areaCode,
    });
    for (const [date, status] of [
      ['2026-10-01', 'active'],
      ['2026-12-01', 'active'],
      ['2026-11-01', 'ended'],
    ] as const) {
      const paired = await household(AREAS.groupA1);
      await insertPairing(t, paired, cadre.id, { status });
      await insertVisit(t, paired, cadre.id, date);
    }
    const other = await household(AREAS.villageA2);
    await insertPairing(t, other, colleague.id);
    await insertVisit(t, other, colleague.id, '2026-10-02');
  });
  afterAll(() => t.close());

  it('lists as many appeals and pairings as each figure of the cadre’s row counts', async () => {
    const response = await admin.call(workApi.get, { query: { from: FROM, to: TO } });
    expect(response.statusCode, response.response.body).toBe(200);
    const row = response.data.cadres.find((c) => c.cadreId === cadreId);
    if (!row) throw new Error('the cadre has no row');
    expect(row.handled).toBe(18);
    expect(row.resolutionRate.numerator).toBeGreaterThan(0);
    const figures: [CadreSet, number][] = [
      ['received', row.handled],
      ['paired', row.paired],
      ...Object.entries(cadreRateSets).flatMap(([key, sets]): [CadreSet, number][] => {
        const rate = row[key as keyof typeof cadreRateSets];
        return [
          [sets.numerator, rate.numerator],
          [sets.denominator, rate.denominator],
        ];
      }),
    ];
    for (const [set, figure] of figures) {
      const list = await listed(admin, cadreDrillDown(set, { cadreId, from: FROM, to: TO }));
      expect(list.total, set).toBe(figure);
      for (const item of list.items) expect(item.cadreId, set).toBe(cadreId);
    }
  });

  it('lists nothing of another town’s cadre to a town head', async () => {
    for (const set of ['received', 'resolved', 'paired', 'pairedVisited'] as const) {
      const list = await listed(townHeadB, cadreDrillDown(set, { cadreId, from: FROM, to: TO }));
      expect(list.total, set).toBe(0);
      expect(list.items, set).toEqual([]);
    }
  });
});
