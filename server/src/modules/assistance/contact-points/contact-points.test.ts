import { contactPointsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, type Session } from '../../../../test/harness';
import { buildWorld, type World } from '../../../../test/world';

describe('contact points: the villages leaders keep in touch with', () => {
  let t: World;
  let townHead: Session;
  let admin: Session;
  let cadre: { id: string };

  beforeAll(async () => {
    t = await buildWorld();
    townHead = (await t.member('town_head', AREAS.townA)).session;
    admin = t.admin.session;
    cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1, name: '王村干' });
  });
  afterAll(() => t.close());

  it('names contact points for leaders within their area', async () => {
    const leader = await buildUser(t.database, {
      role: 'district_staff',
      areaCode: AREAS.district,
      rank: 'leader',
    });
    const created = await admin.call(contactPointsApi.create, {
      body: { leaderId: leader.id, villageCode: AREAS.villageA2, startDate: '2026-01-01' },
    });
    expect(created.statusCode, created.response.body).toBe(201);
    expect((await townHead.call(contactPointsApi.list, {})).data.items.map((c) => c.id)).toContain(
      created.data.id,
    );
    expect(
      (
        await townHead.call(contactPointsApi.create, {
          body: { leaderId: cadre.id, villageCode: AREAS.villageA2, startDate: '2026-01-01' },
        })
      ).error,
    ).toMatchObject({ code: 'PAIRING_OUTSIDE_AREA' });
  });
});
