import {
  cadreRatingsApi,
  type Household,
  pairingRatingLinksApi,
  pairingRatingsApi,
  pairingsApi,
  publicHelperRatingsApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, type Session } from '../../../../test/harness';
import { buildHousehold } from '../../../../test/households.fixtures';
import { buildWorld, type World } from '../../../../test/world';

describe('helper ratings: the household rates its helper at a callback or through a one-time link', () => {
  let t: World;
  let townHead: Session;
  let otherTownHead: Session;
  let admin: Session;
  let cadre: { id: string; session: Session };
  let cadre2: { id: string; session: Session };

  const household = async (income = 3_000): Promise<Household> =>
    buildHousehold(admin, { indicators: { year: 2026, totalIncome: income, debt: 0, hardships: [] } });
  const pair = (session: Session, householdId: string, cadreId: string) =>
    session.call(pairingsApi.create, { body: { householdId, cadreId, startDate: '2026-11-01' } });

  beforeAll(async () => {
    t = await buildWorld();
    townHead = (await t.member('town_head', AREAS.townA)).session;
    otherTownHead = (await t.member('town_head', AREAS.townB)).session;
    admin = t.admin.session;
    cadre = await t.member('village_cadre', AREAS.villageA1, { name: '王村干' });
    cadre2 = await t.member('village_cadre', AREAS.villageA1, { name: '赵村干' });
  });
  afterAll(() => t.close());

  it('lets the household rate its helper at a callback or once through a link; the cadre sees counts only', async () => {
    const h = await household();
    const pairing = (await pair(townHead, h.id, cadre2.id)).data;
    const params = { id: pairing.id };
    expect(
      (await cadre2.session.call(pairingRatingsApi.create, { params, body: { rating: 'satisfied' } })).error,
    ).toMatchObject({ code: 'APPEAL_CALLBACK_BY_HANDLER' });
    expect(
      (await townHead.call(pairingRatingsApi.create, { params, body: { rating: 'basically_satisfied' } }))
        .statusCode,
    ).toBe(201);
    const link = (await cadre.session.call(pairingRatingLinksApi.create, { params })).data;
    const resident = anonymous(t.app);
    const byLink = { params: { token: link.token } };
    const view = await resident.call(publicHelperRatingsApi.get, byLink);
    expect(view.data).toMatchObject({ cadreName: '赵村干', used: false, expired: false });
    const rate = (body: { rating: 'satisfied' | 'unsatisfied'; comment?: string }) =>
      resident.call(publicHelperRatingsApi.create, { ...byLink, body });
    expect((await rate({ rating: 'satisfied', comment: '很上心' })).statusCode).toBe(201);
    expect((await rate({ rating: 'unsatisfied' })).error).toMatchObject({ code: 'RATING_LINK_INVALID' });
    const mine = await cadre2.session.call(cadreRatingsApi.get, { params: { id: cadre2.id } });
    expect(mine.data).toEqual({
      cadreId: cadre2.id,
      satisfied: 1,
      basicallySatisfied: 1,
      unsatisfied: 0,
      rated: 2,
      rate: 1,
    });
    // Counts only: the answer as sent has nothing more, and names no household.
    expect(mine.response.json()).toEqual(mine.data);
    expect(mine.response.body).not.toContain(h.id);
    expect((await otherTownHead.call(cadreRatingsApi.get, { params: { id: cadre2.id } })).statusCode).toBe(
      404,
    );
  });
});
