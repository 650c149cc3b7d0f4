import { appealsApi, mediationsApi, screeningsApi, sessionApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../../test/harness';
import type { World } from '../../../../test/world';
import { appealsWorld, create } from '../appeals.fixtures';

describe('mediation of disputes', () => {
  let t: World;
  let cadre: Session;
  let admin: Session;

  const get = async (id: string, session = admin) =>
    (await session.call(appealsApi.get, { params: { id } })).data;

  beforeAll(async () => {
    ({ t, cadre, admin } = await appealsWorld());
  });
  afterAll(() => t.close());

  it('records a mediation: sessions, then an agreement resolves the dispute', async () => {
    const dispute = await create(cadre, { categoryCode: 'neighbour_dispute', title: '宅基地边界纠纷' });
    const cadreId = (await cadre.call(sessionApi.get, {})).data.user.id;
    const opened = await cadre.call(mediationsApi.create, {
      body: { appealId: dispute.id, parties: [{ name: '张三' }, { name: '李四' }], mediatorIds: [cadreId] },
    });
    expect(opened.statusCode, opened.response.body).toBe(201);
    let mediation = opened.data;
    expect(
      (
        await cadre.call(mediationsApi.create, {
          body: { appealId: dispute.id, parties: [{ name: 'a' }, { name: 'b' }], mediatorIds: [cadreId] },
        })
      ).error,
    ).toMatchObject({ code: 'MEDIATION_EXISTS' });
    mediation = (
      await cadre.call(mediationsApi.addSession, {
        params: { id: mediation.id },
        body: { version: mediation.version, date: '2026-11-22', notes: '双方到场，各自陈述' },
      })
    ).data;
    expect(mediation.sessions).toHaveLength(1);
    const done = await cadre.call(mediationsApi.recordOutcome, {
      params: { id: mediation.id },
      body: { version: mediation.version, outcome: 'agreement', agreement: '以老界桩为准，双方各退半米' },
    });
    expect(done.statusCode, done.response.body).toBe(200);
    expect(await get(dispute.id)).toMatchObject({ status: 'resolved', mediationId: mediation.id });
    const byAppeal = await cadre.call(mediationsApi.list, { query: { appealId: dispute.id } });
    expect(byAppeal.data.items.map((m) => m.id)).toEqual([mediation.id]);
    const mediators = (await cadre.call(appealsApi.listMediators, { params: { id: dispute.id } })).data;
    expect(new Set(mediators.map((m) => m.areaCode))).toEqual(
      new Set([AREAS.villageA1, AREAS.townA, AREAS.district]),
    );
    const screening = await cadre.call(screeningsApi.create, {
      body: {
        villageCode: AREAS.villageA1,
        date: '2026-11-22',
        disputes: [
          {
            categoryCode: 'neighbour_dispute',
            title: '排水沟纠纷',
            description: '两户因排水沟走向争执',
            parties: [{ name: '赵五' }, { name: '钱六' }],
          },
          { categoryCode: 'wage_dispute', title: '工钱拖欠', description: '包工头拖欠工钱' },
        ],
      },
    });
    expect(screening.statusCode, screening.response.body).toBe(201);
    expect(screening.data.appealIds).toHaveLength(2);
    // The screening opened a second mediation in the village; the filter by appeal still finds one.
    const again = await cadre.call(mediationsApi.list, { query: { appealId: dispute.id } });
    expect(again.data.items.map((m) => m.id)).toEqual([mediation.id]);
  });
});
