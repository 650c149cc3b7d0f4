import { type Household, helpMeasuresApi, householdsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, login, type Session } from '../../../../test/harness';
import { buildHousehold } from '../../../../test/households.fixtures';
import { buildWorld, type World } from '../../../../test/world';

describe('help measures: help given to a household, moved on by its helper', () => {
  let t: World;
  let admin: Session;
  let cadre: { id: string; session: Session };

  const household = async (income = 3_000): Promise<Household> =>
    buildHousehold(admin, { indicators: { year: 2026, totalIncome: income, debt: 0, hardships: [] } });
  const tierOf = async (id: string) => (await admin.call(householdsApi.get, { params: { id } })).data.tier;

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    const c1 = await buildUser(t.database, {
      role: 'village_cadre',
      areaCode: AREAS.villageA1,
      name: '王村干',
    });
    cadre = { id: c1.id, session: await login(t.app, c1.username) };
  });
  afterAll(() => t.close());

  it('moves a help measure on; done with new figures re-tiers the household', async () => {
    const h = await household();
    const created = await cadre.session.call(helpMeasuresApi.create, {
      body: { householdId: h.id, kind: 'job_referral', description: '推荐到镇上服装厂' },
    });
    expect(created.statusCode, created.response.body).toBe(201);
    const done = await cadre.session.call(helpMeasuresApi.update, {
      params: { id: created.data.id },
      body: {
        version: created.data.version,
        status: 'done',
        outcome: '已入职，月薪 3000',
        indicators: { year: 2026, totalIncome: 70_000, debt: 0, hardships: [] },
      },
    });
    expect(done.data).toMatchObject({ status: 'done', finishedAt: expect.any(String) });
    expect(await tierOf(h.id)).toBe('stable');
  });
});
