import { randomUUID } from 'node:crypto';
import {
  appealActionsApi,
  appealsApi,
  type DashboardQuery,
  type Household,
  householdsApi,
  pairingsApi,
  visitsApi,
  workApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, login, type Session } from '../../../../test/harness';
import { householdBody } from '../../../../test/households.fixtures';
import { buildWorld, type World } from '../../../../test/world';

const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

describe('the work of cadres: one row per cadre and visits against the tiers, each a recount of the records', () => {
  let t: World;
  let admin: Session;
  let townHead: Session;
  let townBHead: Session;
  let cadre: { id: string; session: Session };
  let idle: { id: string };

  const household = async (areaCode: string, income: number): Promise<Household> => {
    const body = householdBody({
      areaCode,
      indicators: { year: 2026, totalIncome: income, debt: 0, hardships: [] },
    });
    // The shared fixture's body, read by the contract: typed, and checked to be one it accepts.
    const response = await admin.call(householdsApi.create, { body: body });
    expect(response.statusCode, response.response.body).toBe(201);
    return response.data;
  };
  const ok = (answer: { statusCode: number; response: { body: string } }, status = 201) =>
    expect(answer.statusCode, answer.response.body).toBe(status);
  const workOf = async (session: Session, query: DashboardQuery) =>
    (await session.call(workApi.get, { query })).data;

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
    townBHead = (await t.member('town_head', AREAS.townB)).session;
    const user = await buildUser(t.database, {
      role: 'village_cadre',
      areaCode: AREAS.villageA1,
      name: '王村干',
    });
    cadre = { id: user.id, session: await login(t.app, user.username) };
    idle = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA2, name: '李村干' });
    // Two priority households paired with the cadre, one of them visited twice on one day.
    const poor = [await household(AREAS.villageA1, 3_000), await household(AREAS.villageA1, 3_000)];
    for (const h of poor)
      ok(
        await townHead.call(pairingsApi.create, {
          body: { householdId: h.id, cadreId: cadre.id, startDate: '2026-11-01' },
        }),
      );
    const visit = (householdId: string) =>
      cadre.session.call(visitsApi.create, {
        body: { id: randomUUID(), householdId, date: '2026-11-22', kind: 'in_home', findings: '家中缺劳力' },
      });
    ok(await visit(poor[0]?.id ?? ''));
    ok(await visit(poor[0]?.id ?? ''));
    // A stable household nobody visited, and the cadre's appeal, resolved in the village.
    await household(AREAS.villageA2, 90_000);
    const created = await cadre.session.call(appealsApi.create, {
      body: {
        channel: 'visit',
        categoryCode: 'roads_water',
        villageCode: AREAS.villageA1,
        title: '道路',
        description: '道路损坏',
        reporterKind: 'anonymous',
      },
    });
    ok(created);
    const appeal = created.data;
    const resolved = await cadre.session.call(appealActionsApi.resolve, {
      params: { id: appeal.id },
      body: { version: appeal.version, resolution: '已修' },
    });
    ok(resolved, 200);
  });
  afterAll(() => t.close());

  it('gives each cadre of a town the counts of their records, and the households visited as often as their tier asks', async () => {
    const response = await townHead.call(workApi.get, { query: PERIOD });
    ok(response, 200);
    const work = response.data;
    const mine = work.cadres.find((c) => c.cadreId === cadre.id);
    const handled = await t.database.db
      .selectFrom('appeals')
      .select(['resolved_at', 'handler_id'])
      .where('handler_id', '=', cadre.id)
      .execute();
    expect(mine).toMatchObject({
      name: '王村干',
      areaCode: AREAS.villageA1,
      handled: handled.length,
      resolutionRate: { numerator: handled.filter((a) => a.resolved_at).length, denominator: handled.length },
      paired: 2,
      // A village cadre has no minimum quota: nothing to fill.
      quotaMin: 0,
      quotaFill: { value: null },
      pairedVisited: { numerator: 1, denominator: 2, value: 0.5 },
      visits: 2,
      villageDays: 1,
      helperSatisfaction: { numerator: 0, denominator: 0, value: null },
    });
    // A cadre with nothing on record: every rate no data, never 0 %.
    expect(work.cadres.find((c) => c.cadreId === idle.id)).toMatchObject({
      handled: 0,
      resolutionRate: { value: null },
      pairedVisited: { value: null },
      visits: 0,
    });
    // Visits against the tiers: recounted household by household.
    const households = await t.database.db
      .selectFrom('households')
      .select(['id', 'tier'])
      .where('area_code', 'like', `${AREAS.townA.slice(0, 9)}%`)
      .where('status', '=', 'active')
      .execute();
    const visited = new Set(
      (await t.database.db.selectFrom('visits').select('household_id').execute()).map((v) => v.household_id),
    );
    for (const row of work.visitCoverage) {
      const ofTier = households.filter((h) => h.tier === row.tier);
      expect(row.coverage).toMatchObject({
        denominator: ofTier.length,
        numerator: ofTier.filter((h) => visited.has(h.id)).length,
      });
    }
    expect(work.visitCoverage.find((r) => r.tier === 'priority')).toMatchObject({
      everyDays: 30,
      coverage: { numerator: 1, denominator: 2 },
    });
  });

  it('counts a visit only within its tier’s interval before the period’s end', async () => {
    // Thirty days for the priority tier: a visit on 11-22 counts up to 12-21, not on 12-22.
    const inside = await workOf(townHead, { from: '2026-12-01', to: '2026-12-21' });
    const outside = await workOf(townHead, { from: '2026-12-01', to: '2026-12-22' });
    expect(inside.visitCoverage.find((r) => r.tier === 'priority')?.coverage.numerator).toBe(1);
    expect(outside.visitCoverage.find((r) => r.tier === 'priority')?.coverage.numerator).toBe(0);
  });

  it('keeps a town head to their town and a village cadre to their village', async () => {
    expect(
      (await townBHead.call(workApi.get, { query: { ...PERIOD, areaCode: AREAS.townA } })).error,
    ).toMatchObject({ code: 'AREA_UNKNOWN' });
    const own = await workOf(cadre.session, PERIOD);
    expect(own.cadres.every((c) => c.areaCode.startsWith(AREAS.villageA1))).toBe(true);
    expect(own.cadres.map((c) => c.cadreId)).toContain(cadre.id);
    expect(
      (await admin.call(workApi.get, { query: { from: '2026-12-01', to: '2026-11-01' } })).statusCode,
    ).toBe(400);
  });
});
