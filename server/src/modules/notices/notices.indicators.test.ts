import { dashboardApi, noticeCommentsApi, noticesApi, publicNoticesApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, login } from '../../../test/harness';
import { buildWorld, type Member, type World } from '../../../test/world';
import { signProof } from '../../platform/verification/proof';

const DAY = 86_400_000;

describe('objections answered on time (公示异议按期答复率)', () => {
  let t: World;
  let cadre: Member;

  const advance = async (days: number) => {
    t.clock.advance(days * DAY);
    for (const member of [cadre, t.admin]) member.session = await login(t.app, member.username);
  };
  const object = (id: string, ip: string) =>
    anonymous(t.app).call(
      publicNoticesApi.comment,
      {
        params: { id },
        body: {
          kind: 'objection',
          body: '名单中有一户家里有车，不符合条件。',
          name: '张建国',
          proof: signProof(t.app.ctx.secrets, {
            phone: '13912345678',
            purpose: 'notice_comment',
            expiresAt: new Date(t.clock.now().getTime() + 30 * 60_000),
          }),
        },
      },
      { 'x-forwarded-for': ip },
    );
  const rate = async () =>
    (
      await t.admin.session.call(dashboardApi.get, {
        query: { areaCode: AREAS.townA, from: '2026-11-01', to: '2026-12-31' },
      })
    ).data.totals.indicators.objectionsAnsweredOnTime;

  beforeAll(async () => {
    t = await buildWorld({ trustProxy: true });
    cadre = await t.member('village_cadre', AREAS.villageA1);
  });
  afterAll(() => t.close());

  it('counts objections answered or taken up within seven days; those still within them wait', async () => {
    const created = await cadre.session.call(noticesApi.create, {
      body: {
        kind: 'subsidy_list',
        title: '2026年第四季度低保拟纳入对象公示',
        body: '拟纳入对象：王某某、李某某。',
        areaCode: AREAS.villageA1,
        periodDays: 20,
      },
    });
    const notice = (
      await cadre.session.call(noticesApi.publish, {
        params: { id: created.data.id },
        body: { version: created.data.version },
      })
    ).data;
    const [first, second, third] = await Promise.all(
      ['10.0.0.1', '10.0.0.2', '10.0.0.3'].map(async (ip) => (await object(notice.id, ip)).data),
    );
    if (!first || !second || !third) throw new Error('three objections expected');
    // Nothing is due yet: no figure, not 0 %.
    expect((await rate())?.value ?? null).toBeNull();

    // The first becomes an appeal at once; the second is answered on day 3; the third on day 9.
    const appealed = await cadre.session.call(noticeCommentsApi.toAppeal, {
      params: { id: notice.id, commentId: first.id },
      body: { categoryCode: 'policy' },
    });
    expect(appealed.statusCode, appealed.response.body).toBe(201);
    const answer = (commentId: string) =>
      cadre.session.call(noticeCommentsApi.answer, {
        params: { id: notice.id, commentId },
        body: { answer: '经入户核查，该户车辆为营运用车，符合条件。' },
      });
    await advance(3);
    expect((await answer(second.id)).statusCode).toBe(200);
    await advance(6);
    // A fourth, raised on day 9, is still within its seven days.
    expect((await object(notice.id, '10.0.0.4')).statusCode).toBe(201);
    expect(await rate()).toMatchObject({ numerator: 2, denominator: 3 });
    expect((await answer(third.id)).statusCode).toBe(200);
    expect(await rate()).toMatchObject({ numerator: 2, denominator: 3 });
  });
});
