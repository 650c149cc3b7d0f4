import { type ContractInput, householdsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, type Session } from '../../../test/harness';
import { createHousehold, insertPairing, insertTierChange } from '../../../test/records.fixtures';
import { buildWorld, type World } from '../../../test/world';

describe('households list: who left the priority tier in a period, and who has a helper', () => {
  let t: World;
  let admin: Session;
  let townHead: Session;
  const h: Record<string, string> = {};

  const list = async (session: Session, query: ContractInput<typeof householdsApi.list>['query']) => {
    const page = (await session.call(householdsApi.list, { query: { ...query, limit: 200 } })).data;
    return { ids: page.items.map((i) => i.id).sort(), total: page.total };
  };
  const ids = (...names: string[]) => names.map((n) => h[n] ?? '').sort();

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });
    h.leftOnFirst = await createHousehold(t, admin, AREAS.groupA1, 'watch');
    h.leftOnLast = await createHousehold(t, admin, AREAS.villageA2, 'stable', 'moved_out');
    h.leftBefore = await createHousehold(t, admin, AREAS.villageA1, 'watch');
    h.leftAfter = await createHousehold(t, admin, AREAS.villageA1, 'watch');
    h.movedUp = await createHousehold(t, admin, AREAS.villageA1, 'priority');
    h.leftInB = await createHousehold(t, admin, AREAS.villageB1, 'watch');
    h.pairedA = await createHousehold(t, admin, AREAS.villageA1, 'priority');
    h.endedA = await createHousehold(t, admin, AREAS.villageA2, 'priority');
    // 2026-11-01 and 2026-11-30 in China (UTC+8), and the instants just outside them.
    await insertTierChange(t, h.leftOnFirst, {
      at: '2026-10-31T16:00:00.000Z',
      from_tier: 'priority',
      to_tier: 'watch',
    });
    await insertTierChange(t, h.leftOnLast, {
      at: '2026-11-30T15:59:59.999Z',
      from_tier: 'priority',
      to_tier: 'stable',
    });
    await insertTierChange(t, h.leftBefore, {
      at: '2026-10-31T15:59:59.999Z',
      from_tier: 'priority',
      to_tier: 'watch',
    });
    await insertTierChange(t, h.leftAfter, {
      at: '2026-11-30T16:00:00.000Z',
      from_tier: 'priority',
      to_tier: 'watch',
    });
    await insertTierChange(t, h.movedUp, {
      at: '2026-11-10T00:00:00.000Z',
      from_tier: 'watch',
      to_tier: 'priority',
    });
    await insertTierChange(t, h.leftInB, {
      at: '2026-11-10T00:00:00.000Z',
      from_tier: 'priority',
      to_tier: 'watch',
    });
    await insertPairing(t, { id: h.pairedA, areaCode: AREAS.villageA1 }, cadre.id);
    await insertPairing(t, { id: h.endedA, areaCode: AREAS.villageA2 }, cadre.id, { status: 'ended' });
  });
  afterAll(() => t.close());

  it('lists the households moved out of the priority tier between two China calendar days', async () => {
    const period = { leftPriorityFrom: '2026-11-01', leftPriorityTo: '2026-11-30' };
    expect(await list(admin, period)).toEqual({ ids: ids('leftOnFirst', 'leftOnLast', 'leftInB'), total: 3 });
    expect((await list(admin, { ...period, areaCode: AREAS.townA })).ids).toEqual(
      ids('leftOnFirst', 'leftOnLast'),
    );
    expect((await list(admin, { leftPriorityFrom: '2026-12-01' })).ids).toEqual(ids('leftAfter'));
    expect((await list(admin, { leftPriorityTo: '2026-10-31' })).ids).toEqual(ids('leftBefore'));
    // With the other filters, as any filter of the list.
    expect((await list(admin, { ...period, status: 'active' })).ids).toEqual(ids('leftOnFirst', 'leftInB'));
    const bad = await admin.call(householdsApi.list, { query: { leftPriorityFrom: '2026-11' } });
    expect(bad.statusCode).toBe(400);
  });

  it('lists the priority households with an active helper, and those without', async () => {
    const priority = { tier: 'priority', status: 'active' } as const;
    expect(await list(admin, { ...priority, paired: 'true' })).toEqual({ ids: ids('pairedA'), total: 1 });
    expect((await list(admin, { ...priority, paired: 'false' })).ids).toEqual(ids('movedUp', 'endedA'));
  });

  it('keeps a town head to their town', async () => {
    const own = await list(townHead, { leftPriorityFrom: '2026-11-01', leftPriorityTo: '2026-11-30' });
    expect(own.ids).toEqual(ids('leftOnFirst', 'leftOnLast'));
    const other = await list(townHead, { leftPriorityFrom: '2026-11-01', areaCode: AREAS.townB });
    expect(other).toEqual({ ids: [], total: 0 });
  });
});
