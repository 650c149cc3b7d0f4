import { type ContractInput, pairingsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, type Session } from '../../../../test/harness';
import { createHousehold, insertPairing, insertVisit } from '../../../../test/records.fixtures';
import { buildWorld, type World } from '../../../../test/world';

describe('pairings list: the paired households visited in a period, and those not visited', () => {
  let t: World;
  let admin: Session;
  let townHead: Session;
  const p: Record<string, string> = {};

  type Filter = ContractInput<typeof pairingsApi.list>['query'];
  const list = async (session: Session, query: Filter) => {
    const response = await session.call(pairingsApi.list, { query });
    expect(response.statusCode, response.response.body).toBe(200);
    const page = response.data;
    return { ids: page.items.map((i) => i.id).sort(), total: page.total };
  };
  const ids = (...names: string[]) => names.map((n) => p[n] ?? '').sort();

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    const pair = async (
      name: string,
      areaCode: string,
      visits: string[],
      status: 'active' | 'ended' = 'active',
    ) => {
      const household = { id: await createHousehold(t, admin, areaCode, 'priority'), areaCode };
      p[name] = await insertPairing(t, household, cadre.id, { status });
      for (const date of visits) await insertVisit(t, household, cadre.id, date);
    };
    await pair('onFirst', AREAS.groupA1, ['2026-11-01']);
    await pair('onLast', AREAS.villageA2, ['2026-10-01', '2026-11-30']);
    await pair('before', AREAS.villageA1, ['2026-10-31']);
    await pair('after', AREAS.villageA1, ['2026-12-01']);
    await pair('never', AREAS.villageA1, []);
    await pair('inB', AREAS.villageB1, ['2026-11-15']);
    await pair('ended', AREAS.villageA1, ['2026-11-15'], 'ended');
  });
  afterAll(() => t.close());

  it('lists the active pairings whose household was visited between two days, both included', async () => {
    const period = { visitedFrom: '2026-11-01', visitedTo: '2026-11-30' };
    expect(await list(admin, { ...period, visited: 'true' })).toEqual({
      ids: ids('onFirst', 'onLast', 'inB'),
      total: 3,
    });
    // A period alone asks for the visited ones.
    expect((await list(admin, period)).ids).toEqual(ids('onFirst', 'onLast', 'inB'));
    expect(await list(admin, { ...period, visited: 'false' })).toEqual({
      ids: ids('before', 'after', 'never'),
      total: 3,
    });
    expect((await list(admin, { visited: 'false' })).ids).toEqual(ids('never'));
    expect((await list(admin, { ...period, visited: 'true', status: 'ended' })).ids).toEqual(ids('ended'));
    expect((await list(admin, { ...period, visited: 'true', areaCode: AREAS.villageA2 })).ids).toEqual(
      ids('onLast'),
    );
  });

  it('counts every matching pairing beyond the page', async () => {
    expect(await list(admin, { limit: 2 })).toMatchObject({ total: 6 });
    expect((await list(admin, { limit: 2 })).ids).toHaveLength(2);
  });

  it('keeps a town head to their town', async () => {
    const own = await list(townHead, { visitedFrom: '2026-11-01', visitedTo: '2026-11-30', visited: 'true' });
    expect(own.ids).toEqual(ids('onFirst', 'onLast'));
    const other = await townHead.call(pairingsApi.list, {
      query: { visited: 'true', areaCode: AREAS.townB },
    });
    expect(other.error).toMatchObject({ code: 'AREA_UNKNOWN' });
  });
});
