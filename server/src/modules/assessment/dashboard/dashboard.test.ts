import {
  type AnyContract,
  type Appeal,
  type AreaIndicators,
  appealActionsApi,
  appealsApi,
  type ContractInput,
  type Dashboard,
  type DashboardQuery,
  dashboardApi,
  householdsApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type CallResult, type Session } from '../../../../test/harness';
import { householdBody } from '../../../../test/households.fixtures';
import { buildWorld, type World } from '../../../../test/world';
import { wholeMonths } from './dashboard.service';

const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

describe('dashboards: the figures of an area, each equal to a recount of the records', () => {
  let t: World;
  let admin: Session;
  let townHead: Session;
  let townBHead: Session;
  const cadres: Record<string, Session> = {};

  const appeal = async (
    village: string,
    body: Partial<ContractInput<typeof appealsApi.create>['body']> = {},
  ) => {
    const session = cadres[village] as Session;
    const created = await session.call(appealsApi.create, {
      body: {
        channel: 'visit',
        categoryCode: 'roads_water',
        villageCode: village,
        title: '道路',
        description: '道路损坏',
        reporterKind: 'anonymous',
        ...body,
      },
    });
    expect(created.statusCode, created.response.body).toBe(201);
    return created.data;
  };
  /** An action on an appeal, which must succeed. */
  const done = async <C extends AnyContract>(call: Promise<CallResult<C>>) => {
    const response = await call;
    expect(response.statusCode, response.response.body).toBe(200);
    return response.data;
  };
  const on = (a: Appeal) => ({ id: a.id });
  const dashboardOf = async (session: Session, query: DashboardQuery) =>
    (await session.call(dashboardApi.get, { query })).data;

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
    townBHead = (await t.member('town_head', AREAS.townB)).session;
    for (const village of [AREAS.villageA1, AREAS.villageA2, AREAS.villageB1]) {
      cadres[village] = (await t.member('village_cadre', village)).session;
    }
    // Households of every tier in both towns.
    for (const [areaCode, income] of [
      [AREAS.groupA1, 3_000],
      [AREAS.groupA1, 60_000],
      [AREAS.villageA2, 3_000],
      [AREAS.villageB1, 20_000],
      [AREAS.villageB1, 3_000],
    ] as const) {
      const body = householdBody({
        areaCode,
        indicators: { year: 2026, totalIncome: income, debt: 0, hardships: [] },
      });
      // The shared fixture's body, read by the contract: typed, and checked to be one it accepts.
      const response = await admin.call(householdsApi.create, {
        body: body,
      });
      expect(response.statusCode, response.response.body).toBe(201);
    }
    // Appeals in every state: resolved and rated, escalated, returned, open.
    const cadreA1 = cadres[AREAS.villageA1] as Session;
    let a = await appeal(AREAS.villageA1);
    a = await done(
      cadreA1.call(appealActionsApi.resolve, {
        params: on(a),
        body: { version: a.version, resolution: '已修' },
      }),
    );
    await done(
      townHead.call(appealsApi.recordCallback, {
        params: on(a),
        body: { version: a.version, rating: 'satisfied' },
      }),
    );
    let b = await appeal(AREAS.villageA1);
    b = await done(
      cadreA1.call(appealActionsApi.escalate, {
        params: on(b),
        body: { version: b.version, reason: '需镇里' },
      }),
    );
    b = await done(
      townHead.call(appealActionsApi.resolve, {
        params: on(b),
        body: { version: b.version, resolution: '镇里已修' },
      }),
    );
    await done(
      admin.call(appealsApi.recordCallback, {
        params: on(b),
        body: { version: b.version, rating: 'unsatisfied' },
      }),
    );
    const c = await appeal(AREAS.villageA2);
    await done(
      (cadres[AREAS.villageA2] as Session).call(appealActionsApi.return, {
        params: on(c),
        body: { version: c.version, reason: '不属受理范围' },
      }),
    );
    const d = await appeal(AREAS.villageB1, { categoryCode: 'wage_dispute' });
    await done(
      townBHead.call(appealActionsApi.escalate, {
        params: on(d),
        body: { version: d.version, reason: '需区里' },
      }),
    );
    await appeal(AREAS.villageB1);
  });
  afterAll(() => t.close());

  /** The straightforward recount: every record of a town, counted one by one. */
  async function recount(town: string) {
    const prefix = town.slice(0, 9);
    const appeals = (await t.database.db.selectFrom('appeals').selectAll().execute()).filter(
      (r) => r.village_code.startsWith(prefix) && r.status !== 'merged',
    );
    const households = (await t.database.db.selectFrom('households').selectAll().execute()).filter(
      (h) => h.area_code.startsWith(prefix) && h.status === 'active',
    );
    const resolved = appeals.filter((r) => r.resolved_at !== null);
    const rated = appeals.filter((r) => r.rating !== null);
    return {
      received: appeals.length,
      responded: appeals.filter((r) => r.accepted_at !== null || r.status === 'returned').length,
      resolved: resolved.length,
      onTime: resolved.filter((r) => (r.resolved_at ?? '') <= r.resolution_due_at).length,
      rated: rated.length,
      satisfied: rated.filter((r) => r.rating !== 'unsatisfied').length,
      atVillage: resolved.filter((r) => r.resolved_level === 'village').length,
      toDistrict: appeals.filter((r) => r.max_level === 'district').length,
      households: households.length,
      priority: households.filter((h) => h.tier === 'priority').length,
    };
  }

  it('gives each town’s indicators as a recount of its records', async () => {
    const response = await admin.call(dashboardApi.get, { query: PERIOD });
    expect(response.statusCode, response.response.body).toBe(200);
    const board = response.data;
    expect(board.children.map((c) => c.areaCode)).toEqual([AREAS.townA, AREAS.townB]);
    for (const row of board.children) {
      const r = await recount(row.areaCode);
      const expectRatio = (ratio: AreaIndicators['responseRate'], numerator: number, denominator: number) =>
        expect(ratio).toEqual({
          numerator,
          denominator,
          value: denominator === 0 ? null : numerator / denominator,
        });
      expect(row.received).toBe(r.received);
      expectRatio(row.responseRate, r.responded, r.received);
      expectRatio(row.resolutionRate, r.resolved, r.received);
      expectRatio(row.onTimeRate, r.onTime, r.resolved);
      expectRatio(row.satisfactionRate, r.satisfied, r.rated);
      expectRatio(row.villageShare, r.atVillage, r.resolved);
      expectRatio(row.districtShare, r.toDistrict, r.received);
      expect(row.households).toBe(r.households);
      expect(row.tiers.priority).toBe(r.priority);
    }
    // Town A: 3 appeals; one resolved in the village, one in the town, one returned.
    expect(board.children[0]).toMatchObject({
      received: 3,
      satisfactionRate: { numerator: 1, denominator: 2 },
    });
    expect(board.totals.received).toBe(5);
    expect(board.funnel).toEqual({ received: 5, reachedTown: 2, reachedDistrict: 1 });
    expect(board.categories).toEqual([
      { code: 'roads_water', received: 4 },
      { code: 'wage_dispute', received: 1 },
    ]);
    expect(board.monthly).toEqual([{ month: '2026-11', received: 5, resolved: 1, rated: 2, satisfied: 1 }]);
  });

  it('keeps a town head to their town, and shows a period without data as no data', async () => {
    const own = await dashboardOf(townHead, PERIOD);
    expect(own.area.code).toBe(AREAS.townA);
    expect(own.children.map((c) => c.areaCode)).toEqual([AREAS.villageA1, AREAS.villageA2]);
    const other = await townHead.call(dashboardApi.get, { query: { ...PERIOD, areaCode: AREAS.townB } });
    expect(other.error).toMatchObject({ code: 'AREA_UNKNOWN' });
    const empty = await dashboardOf(townHead, { from: '2020-01-01', to: '2020-12-31' });
    expect(empty.totals.satisfactionRate.value).toBeNull();
    expect(empty.totals.received).toBe(0);
    const backwards = await townHead.call(dashboardApi.get, {
      query: { from: '2026-12-01', to: '2026-11-01' },
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('serves a computed dashboard again, and computes it anew after a change', async () => {
    const first = await dashboardOf(townBHead, PERIOD);
    const again = await dashboardOf(townBHead, PERIOD);
    expect(again.computedAt).toBe(first.computedAt);
    t.clock.advance(1000);
    await appeal(AREAS.villageB1);
    const after = await dashboardOf(townBHead, PERIOD);
    expect(after.totals.received).toBe(first.totals.received + 1);
    expect(after.computedAt).not.toBe(first.computedAt);
  });

  it('counts whole months from the monthly counts and the days around them from the appeals, alike', async () => {
    const strip = (board: Dashboard) => ({
      totals: board.totals,
      children: board.children,
      funnel: board.funnel,
    });
    // Every appeal here was received on 2026-11-22: three periods, three ways of counting them.
    const whole = await dashboardOf(admin, PERIOD);
    const edges = await dashboardOf(admin, { from: '2026-10-15', to: '2026-12-03' });
    const days = await dashboardOf(admin, { from: '2026-11-20', to: '2026-11-25' });
    expect(strip(edges)).toEqual(strip(whole));
    expect(strip(days)).toEqual(strip(whole));
    expect(edges.categories).toEqual(whole.categories);
    expect(days.monthly).toEqual(whole.monthly);
  });

  it('follows writes that did not pass through this server, such as another instance’s', async () => {
    const before = await dashboardOf(admin, PERIOD);
    const db = t.database.db;
    const rated = await db
      .selectFrom('appeals')
      .select('id')
      .where('rating', '=', 'unsatisfied')
      .executeTakeFirstOrThrow();
    await db.updateTable('appeals').set({ rating: 'satisfied' }).where('id', '=', rated.id).execute();
    const household = await db
      .selectFrom('households')
      .select(['id', 'tier'])
      .where('tier', '!=', 'priority')
      .executeTakeFirstOrThrow();
    await db.updateTable('households').set({ tier: 'priority' }).where('id', '=', household.id).execute();
    // Past the minute a computed dashboard is served again.
    t.clock.advance(61_000);
    admin = (await t.member('district_admin', AREAS.district)).session;
    const after = await dashboardOf(admin, PERIOD);
    expect(after.totals.satisfactionRate.numerator).toBe(before.totals.satisfactionRate.numerator + 1);
    expect(after.totals.tiers.priority).toBe(before.totals.tiers.priority + 1);
    for (const row of after.children) {
      const r = await recount(row.areaCode);
      expect(row.satisfactionRate.numerator).toBe(r.satisfied);
      expect(row.tiers.priority).toBe(r.priority);
    }
    expect(await db.selectFrom('dashboard_changes').select('id').execute()).toEqual([]);
  });
});

describe('wholeMonths', () => {
  it('finds the whole calendar months inside a period of days', () => {
    expect(wholeMonths('2026-01-01', '2026-12-31')).toEqual(['2026-01', '2026-12']);
    expect(wholeMonths('2025-12-02', '2026-02-27')).toEqual(['2026-01', '2026-01']);
    expect(wholeMonths('2025-11-15', '2026-01-31')).toEqual(['2025-12', '2026-01']);
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual(['2024-02', '2024-02']);
    expect(wholeMonths('2024-02-01', '2024-02-28')).toBeNull();
    expect(wholeMonths('2026-03-05', '2026-03-20')).toBeNull();
  });
});
