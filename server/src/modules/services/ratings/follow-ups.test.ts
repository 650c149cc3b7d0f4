import {
  publicProxyRatingApi,
  type RatingFollowUp,
  ratingFollowUpsApi,
  serviceStatsApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, login, type Session } from '../../../../test/harness';
import { buildWorld } from '../../../../test/world';
import { onceMemo } from '../../../platform/registries/indicators';
import { scopeOf } from '../../../platform/scope';
import { servicesBulletinSection } from './ratings.bulletin';
import { FIXTURE_PHONE, itemFor, proxyRequestIn, stationAt } from './ratings.fixtures';

const DAY = 86_400_000;

/** A World with a village station, its agent and heads, a department handling the item, and the towns' heads. */
async function servicesWorld(at?: string) {
  const t = await buildWorld();
  // Sessions are signed in after the clock is set: moving it later would expire them.
  if (at) t.clock.advance(Date.parse(at) - t.clock.now().getTime());
  const station = await stationAt(t, AREAS.villageA1);
  const otherStation = await stationAt(t, AREAS.villageB1);
  const item = await itemFor(t);
  const agent = await t.member('service_agent', AREAS.villageA1, { name: '张代办', unitId: station });
  const head = await t.member('station_head', AREAS.villageA1, { name: '王站长', unitId: station });
  const head2 = await t.member('station_head', AREAS.villageA1, { name: '刘站长', unitId: station });
  const otherHead = await t.member('station_head', AREAS.villageB1, { unitId: otherStation });
  const unitStaff = await t.member('department_staff', AREAS.district, {
    name: '医保局小陈',
    unitId: item.unitId,
  });
  const townA = await t.member('town_head', AREAS.townA);
  const townB = await t.member('town_head', AREAS.townB);
  const district = await t.member('district_admin', AREAS.district);
  const rate = async (agentLevel: number, unitLevel: number, fields: { dueAt?: string | null } = {}) => {
    const r = await proxyRequestIn(t, {
      areaCode: AREAS.villageA1,
      stationId: station,
      itemId: item.itemId,
      unitId: item.unitId,
      agentId: agent.id,
      ...fields,
    });
    const rated = await anonymous(t.app).call(publicProxyRatingApi.rate, {
      body: {
        trackingCode: r.trackingCode,
        phoneLast4: FIXTURE_PHONE.slice(-4),
        agentLevel,
        unitLevel,
        comment: '材料跑了三趟',
      },
    });
    expect(rated.statusCode, rated.response.body).toBe(201);
    return { ...r, dueAt: rated.data.followUpDueAt };
  };
  return { t, station, item, agent, head, head2, otherHead, unitStaff, townA, townB, district, rate };
}

type Ctx = Awaited<ReturnType<typeof servicesWorld>>;

async function followUpsOf(session: Session, requestId: string): Promise<RatingFollowUp[]> {
  const page = await session.call(ratingFollowUpsApi.list, { query: { limit: 200 } });
  expect(page.statusCode, page.response.body).toBe(200);
  return page.data.items.filter((f) => f.requestId === requestId);
}

describe('差评 follow-ups: answered within the working days, reviewed on request, in reach', () => {
  let w: Ctx;
  beforeAll(async () => {
    // 2026-12-22 (Tuesday, China): 15 working days skip 元旦 (1 January 2027) and the weekends.
    w = await servicesWorld('2026-12-22T08:00:00.000Z');
  });
  afterAll(() => w.t.close());

  it('opens a follow-up per bad party due in 15 working days, counted across the New Year holiday', async () => {
    const r = await w.rate(1, 2);
    expect(r.dueAt).toBe('2027-01-13T16:00:00.000Z');
    const mine = await followUpsOf(w.head.session, r.id);
    expect(mine.map((f) => [f.party, f.level, f.status, f.dueAt]).sort()).toEqual([
      ['agent', 1, 'open', '2027-01-13T16:00:00.000Z'],
      ['unit', 2, 'open', '2027-01-13T16:00:00.000Z'],
    ]);
    expect(mine[0]).toMatchObject({ applicantName: '李秀兰', phoneMasked: '139****5678', overdue: false });
  });

  it('limits the follow-ups to the reach: the unit its own party, other stations and towns nothing', async () => {
    const r = await w.rate(2, 1);
    expect((await followUpsOf(w.unitStaff.session, r.id)).map((f) => f.party)).toEqual(['unit']);
    expect((await followUpsOf(w.townA.session, r.id)).length).toBe(2);
    expect(await followUpsOf(w.otherHead.session, r.id)).toEqual([]);
    expect(await followUpsOf(w.townB.session, r.id)).toEqual([]);
    const [agentParty] = (await followUpsOf(w.head.session, r.id)).filter((f) => f.party === 'agent');
    if (!agentParty) throw new Error('an agent follow-up expected');
    const params = { id: agentParty.id };
    expect((await w.otherHead.session.call(ratingFollowUpsApi.get, { params })).statusCode).toBe(404);
    expect((await w.unitStaff.session.call(ratingFollowUpsApi.get, { params })).statusCode).toBe(404);
    expect((await w.head.session.call(ratingFollowUpsApi.get, { params })).data.id).toBe(agentParty.id);
  });

  it('calls back and answers to the resident, each party by its own side, at the version read', async () => {
    const r = await w.rate(1, 1);
    const both = await followUpsOf(w.townA.session, r.id);
    const agentParty = both.find((f) => f.party === 'agent') as RatingFollowUp;
    const unitParty = both.find((f) => f.party === 'unit') as RatingFollowUp;
    const called = await w.head.session.call(ratingFollowUpsApi.callback, {
      params: { id: agentParty.id },
      body: { version: 1, note: '已电话回访，群众反映代办员未按约定时间上门' },
    });
    expect(called.data).toMatchObject({ version: 2, status: 'open' });
    expect(called.data.calledBackAt).not.toBeNull();
    const answer = { outcome: 'rectified' as const, answer: '已对代办员批评教育，今后提前电话预约' };
    expect(
      (
        await w.head.session.call(ratingFollowUpsApi.answer, {
          params: { id: agentParty.id },
          body: { version: 1, ...answer },
        })
      ).error,
    ).toMatchObject({ code: 'VERSION_CONFLICT' });
    // The station does not answer for the unit, nor the unit for the agent.
    expect(
      (
        await w.head.session.call(ratingFollowUpsApi.answer, {
          params: { id: unitParty.id },
          body: { version: 1, ...answer },
        })
      ).statusCode,
    ).toBe(403);
    const done = await w.head.session.call(ratingFollowUpsApi.answer, {
      params: { id: agentParty.id },
      body: { version: 2, ...answer },
    });
    expect(done.data).toMatchObject({ status: 'answered', outcome: 'rectified', answeredByName: '王站长' });
    const unitDone = await w.unitStaff.session.call(ratingFollowUpsApi.answer, {
      params: { id: unitParty.id },
      body: { version: 1, outcome: 'explained', answer: '该事项依规需本人到场核验，已向群众说明' },
    });
    expect(unitDone.data.status).toBe('answered');
    expect(
      (
        await w.head.session.call(ratingFollowUpsApi.answer, {
          params: { id: agentParty.id },
          body: { version: 3, ...answer },
        })
      ).error,
    ).toMatchObject({ code: 'FOLLOW_UP_STATE_INVALID' });
    const texts = await w.t.database.db
      .selectFrom('notifications')
      .select(['recipient', 'phone_enc'])
      .where('kind', '=', 'service.follow_up_answer')
      .execute();
    expect(texts).toHaveLength(2);
    expect(texts.every((n) => n.recipient === '139****5678' && n.phone_enc !== null)).toBe(true);
  });

  it('reviews a 差评 on the rated party’s request: not by the requester; upheld reopens, overturned drops it', async () => {
    const upheld = await w.rate(2, 4);
    const overturned = await w.rate(1, 5);
    const [a] = await followUpsOf(w.head.session, upheld.id);
    const [b] = await followUpsOf(w.head.session, overturned.id);
    if (!a || !b) throw new Error('follow-ups expected');
    const ask = (id: string, version: number) =>
      w.head.session.call(ratingFollowUpsApi.requestReview, {
        params: { id },
        body: { version, reason: '群众要求当天办结，超出该事项的法定时限' },
      });
    // The unit neither sees nor contests the agent's 差评.
    expect(
      (
        await w.unitStaff.session.call(ratingFollowUpsApi.requestReview, {
          params: { id: a.id },
          body: { version: 1, reason: '不合理' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await ask(a.id, 1)).data.status).toBe('review_requested');
    expect((await ask(b.id, 1)).data.status).toBe('review_requested');
    const decide = (s: Session, id: string, decision: 'upheld' | 'overturned') =>
      s.call(ratingFollowUpsApi.decideReview, {
        params: { id },
        body: { version: 2, decision, note: '经核实' },
      });
    expect((await decide(w.head.session, a.id, 'overturned')).statusCode).toBe(403);
    expect((await decide(w.otherHead.session, a.id, 'overturned')).statusCode).toBe(404);
    const up = await decide(w.head2.session, a.id, 'upheld');
    expect(up.data).toMatchObject({ status: 'open', reviewDecision: 'upheld', reviewedByName: '刘站长' });
    // Once only: an upheld 差评 must be answered.
    expect((await ask(a.id, 3)).error).toMatchObject({ code: 'FOLLOW_UP_STATE_INVALID' });
    expect((await decide(w.townA.session, b.id, 'overturned')).data.status).toBe('overturned');
  });

  it('sends the unit’s review to the district, not the town', async () => {
    const r = await w.rate(4, 1);
    const [f] = await followUpsOf(w.unitStaff.session, r.id);
    if (!f) throw new Error('a unit follow-up expected');
    // The town does not contest the unit's 差评: only the unit does.
    const byTown = await w.townA.session.call(ratingFollowUpsApi.requestReview, {
      params: { id: f.id },
      body: { version: 1, reason: '不合理' },
    });
    expect(byTown.statusCode).toBe(403);
    const asked = await w.unitStaff.session.call(ratingFollowUpsApi.requestReview, {
      params: { id: f.id },
      body: { version: 1, reason: '办理结果符合政策规定' },
    });
    expect(asked.data.status).toBe('review_requested');
    const body = { version: 2, decision: 'overturned' as const, note: '政策依据充分' };
    expect(
      (await w.townA.session.call(ratingFollowUpsApi.decideReview, { params: { id: f.id }, body }))
        .statusCode,
    ).toBe(403);
    expect(
      (await w.district.session.call(ratingFollowUpsApi.decideReview, { params: { id: f.id }, body })).data
        .status,
    ).toBe('overturned');
  });

  it('counts the overdue, and lists them', async () => {
    w.t.clock.advance(40 * DAY);
    const head = await login(w.t.app, w.head.username);
    const page = await head.call(ratingFollowUpsApi.list, { query: { overdue: 'true' } });
    expect(page.data.total).toBeGreaterThan(0);
    expect(
      page.data.items.every((f) => f.overdue && (f.status === 'open' || f.status === 'review_requested')),
    ).toBe(true);
    expect(page.data.overdue).toBe(page.data.total);
  });
});

describe('services figures on a small known set: on-time rate, 好评率, 差评整改率', () => {
  let w: Ctx;
  beforeAll(async () => {
    w = await servicesWorld();
  });
  afterAll(() => w.t.close());

  it('counts the stats, the indicators and the bulletin alike, an overturned 差评 left out', async () => {
    const now = w.t.clock.now().getTime();
    await w.rate(5, 5); // on time, good twice
    const late = await w.rate(1, 4, { dueAt: new Date(now - DAY).toISOString() }); // late; agent 差评
    const fair = await w.rate(4, 2); // unit 差评, overturned below
    await proxyRequestIn(w.t, {
      areaCode: AREAS.villageA2,
      stationId: w.station,
      itemId: w.item.itemId,
      unitId: w.item.unitId,
      status: 'lodged',
    });
    const [unitBad] = await followUpsOf(w.unitStaff.session, fair.id);
    if (!unitBad) throw new Error('a unit follow-up expected');
    await w.unitStaff.session.call(ratingFollowUpsApi.requestReview, {
      params: { id: unitBad.id },
      body: { version: 1, reason: '符合规定' },
    });
    await w.district.session.call(ratingFollowUpsApi.decideReview, {
      params: { id: unitBad.id },
      body: { version: 2, decision: 'overturned', note: '核实' },
    });
    const query = { from: '2026-11-01', to: '2026-11-30' };
    const stats = async () => (await w.district.session.call(serviceStatsApi.get, { query })).data;
    const before = await stats();
    expect(before.total).toMatchObject({
      requests: 4,
      delivered: 3,
      deliveredOnTime: 2,
      rated: 3,
      judgements: 5,
      good: 4,
      goodRate: 0.8,
      unitGoodRate: 1,
      bad: 1,
      followUpsDue: 0,
      rectificationRate: null,
    });
    expect(before.total.agentGoodRate).toBeCloseTo(2 / 3);
    expect(before.byArea.find((a) => a.key === AREAS.townA)).toMatchObject({ requests: 4, good: 4 });
    expect(before.byArea.find((a) => a.key === AREAS.townB)).toMatchObject({ requests: 0, goodRate: null });
    expect(before.byUnit).toEqual([expect.objectContaining({ key: w.item.unitId, requests: 4 })]);
    // The agent's 差评 answered: 1 of 1 due.
    const [agentBad] = await followUpsOf(w.head.session, late.id);
    if (!agentBad) throw new Error('an agent follow-up expected');
    await w.head.session.call(ratingFollowUpsApi.answer, {
      params: { id: agentBad.id },
      body: { version: 1, outcome: 'explained', answer: '已说明' },
    });
    expect((await stats()).total).toMatchObject({
      followUpsDue: 1,
      followUpsAnswered: 1,
      rectificationRate: 1,
    });
    // A town head sees the villages of the town.
    const town = (await w.townA.session.call(serviceStatsApi.get, { query })).data;
    expect(town.byArea.find((a) => a.key === AREAS.villageA1)).toMatchObject({ requests: 3, delivered: 3 });
    expect(
      (await w.townB.session.call(serviceStatsApi.get, { query: { ...query, areaCode: AREAS.townA } }))
        .statusCode,
    ).toBe(404);

    const district = await w.t.database.db
      .selectFrom('areas')
      .select(['code', 'name', 'kind'])
      .where('code', '=', AREAS.district)
      .executeTakeFirstOrThrow();
    const areaQuery = {
      db: w.t.database.db,
      area: { code: district.code, name: district.name, kind: 'district' as const },
      scope: scopeOf({ code: AREAS.district, kind: 'district' }),
      digits: 9,
      children: [AREAS.townA, AREAS.townB],
      from: query.from,
      to: query.to,
      clock: w.t.clock,
      once: onceMemo(),
    };
    const byArea = (key: string) => w.t.app.ctx.indicators.get(key)?.byArea?.(areaQuery);
    expect(await byArea('serviceGoodRate')).toEqual([{ child: '610902001', numerator: 4, denominator: 5 }]);
    expect(await byArea('proxyOnTime')).toEqual([{ child: '610902001', numerator: 2, denominator: 3 }]);
    expect(await byArea('serviceRectification')).toEqual([
      { child: '610902001', numerator: 1, denominator: 1 },
    ]);

    const section = await servicesBulletinSection(w.t.database.db, {
      scope: areaQuery.scope,
      month: '2026-11',
      locale: 'zh-CN',
      clock: w.t.clock,
    });
    expect(section?.rows.find((row) => row[1] === '4')).toEqual(
      expect.arrayContaining(['66.7%', '80%', '100%']),
    );
  });
});
