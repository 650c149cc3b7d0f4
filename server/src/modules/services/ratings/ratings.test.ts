import {
  proxyRatingLinksApi,
  publicProxyRatingApi,
  publicServiceRatingsApi,
  ratingFollowUpsApi,
  serviceRatingsApi,
  serviceSettingsApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, type Session } from '../../../../test/harness';
import { buildWorld, type World } from '../../../../test/world';
import { FIXTURE_PHONE, itemFor, proxyRequestIn, stationAt } from './ratings.fixtures';
import { sweepUnrated } from './ratings.sweep';

const DAY = 86_400_000;

describe('好差评: the resident rates a delivered request once, by tracking or a one-time link', () => {
  let t: World;
  let admin: Session;
  let stationA: string;
  let stationB: string;
  let item: { itemId: string; unitId: string };
  let agent: { id: string; session: Session };
  let head: Session;
  let otherHead: Session;
  let townB: Session;
  const resident = () => anonymous(t.app);

  const delivered = (fields: { deliveredAt?: string; station?: string; area?: string } = {}) =>
    proxyRequestIn(t, {
      areaCode: fields.area ?? AREAS.villageA1,
      stationId: fields.station ?? stationA,
      itemId: item.itemId,
      unitId: item.unitId,
      agentId: agent.id,
      deliveredAt: fields.deliveredAt,
    });

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    stationA = await stationAt(t, AREAS.villageA1);
    stationB = await stationAt(t, AREAS.villageB1);
    item = await itemFor(t);
    agent = await t.member('service_agent', AREAS.villageA1, { name: '张代办', unitId: stationA });
    head = (await t.member('station_head', AREAS.villageA1, { unitId: stationA })).session;
    otherHead = (await t.member('station_head', AREAS.villageB1, { unitId: stationB })).session;
    townB = (await t.member('town_head', AREAS.townB)).session;
  });
  afterAll(() => t.close());

  it('keeps the settings: read by the services roles, set by the district only', async () => {
    expect((await head.call(serviceSettingsApi.get, {})).data).toMatchObject({
      followUpWorkingDays: 15,
      ratingPeriodDays: 15,
    });
    const body = {
      followUpWorkingDays: 5,
      paperRetentionDays: 60,
      ratingPeriodDays: 10,
      warnWorkingDaysBefore: 2,
    };
    expect((await head.call(serviceSettingsApi.update, { body })).statusCode).toBe(403);
    expect((await admin.call(serviceSettingsApi.update, { body })).data).toEqual(body);
    expect((await head.call(serviceSettingsApi.get, {})).data).toEqual(body);
    const back = {
      ...body,
      followUpWorkingDays: 15,
      ratingPeriodDays: 15,
      paperRetentionDays: 90,
      warnWorkingDaysBefore: 1,
    };
    expect((await admin.call(serviceSettingsApi.update, { body: back })).statusCode).toBe(200);
  });

  it('rates both parties once on the tracking page, closes the request, refuses a wrong phone', async () => {
    const r = await delivered();
    const rate = (body: Partial<{ phoneLast4: string; agentLevel: number; unitLevel: number }> = {}) =>
      resident().call(publicProxyRatingApi.rate, {
        body: {
          trackingCode: r.trackingCode,
          phoneLast4: FIXTURE_PHONE.slice(-4),
          agentLevel: 5,
          unitLevel: 4,
          ...body,
        },
      });
    expect((await rate({ phoneLast4: '0000' })).error).toMatchObject({ code: 'PROXY_TRACKING_FAILED' });
    const first = await rate({ agentLevel: 5, unitLevel: 4 });
    expect(first.statusCode, first.response.body).toBe(201);
    expect(first.data).toMatchObject({ agentLevel: 5, unitLevel: 4, followUpDueAt: null });
    expect((await rate({ agentLevel: 1 })).error).toMatchObject({ code: 'SERVICE_RATING_GIVEN' });
    const row = await t.database.db
      .selectFrom('proxy_requests')
      .select(['status', 'version', 'papers_purge_after'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'closed', version: 2 });
    expect(row.papers_purge_after).not.toBeNull();
    const list = await head.call(serviceRatingsApi.list, { query: {} });
    expect(list.data.items.find((i) => i.requestId === r.id)).toMatchObject({
      agentLevel: 5,
      unitLevel: 4,
      agentName: '张代办',
      named: true,
      channel: 'tracking',
    });
    // Another station sees none of it; a town outside neither.
    expect((await otherHead.call(serviceRatingsApi.list, { query: {} })).data.total).toBe(0);
    expect((await townB.call(serviceRatingsApi.list, { query: {} })).data.total).toBe(0);
  });

  it('still takes the rating of a request the agent closed by hand within the rating period', async () => {
    const r = await proxyRequestIn(t, {
      areaCode: AREAS.villageA1,
      stationId: stationA,
      itemId: item.itemId,
      unitId: item.unitId,
      agentId: agent.id,
      status: 'closed',
    });
    const rated = await resident().call(publicProxyRatingApi.rate, {
      body: {
        trackingCode: r.trackingCode,
        phoneLast4: FIXTURE_PHONE.slice(-4),
        agentLevel: 5,
        unitLevel: 4,
      },
    });
    expect(rated.statusCode, rated.response.body).toBe(201);
    expect(rated.data).toMatchObject({ agentLevel: 5, unitLevel: 4 });
  });

  it('refuses a request not delivered, or past its rating period; the sweep closes the unrated', async () => {
    const open = await proxyRequestIn(t, {
      areaCode: AREAS.villageA1,
      stationId: stationA,
      itemId: item.itemId,
      unitId: item.unitId,
      status: 'lodged',
    });
    const body = (code: string) => ({ trackingCode: code, phoneLast4: '5678', agentLevel: 3, unitLevel: 3 });
    expect(
      (await resident().call(publicProxyRatingApi.rate, { body: body(open.trackingCode) })).error,
    ).toMatchObject({
      code: 'SERVICE_RATING_CLOSED',
    });
    const late = await delivered({ deliveredAt: new Date(t.clock.now().getTime() - 16 * DAY).toISOString() });
    const fresh = await delivered();
    expect(
      (await resident().call(publicProxyRatingApi.rate, { body: body(late.trackingCode) })).error,
    ).toMatchObject({
      code: 'SERVICE_RATING_CLOSED',
    });
    expect(await sweepUnrated(t.database.db, t.clock)).toBeGreaterThanOrEqual(1);
    const statuses = await t.database.db
      .selectFrom('proxy_requests')
      .select(['id', 'status'])
      .where('id', 'in', [late.id, fresh.id, open.id])
      .execute();
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [late.id]: 'closed',
      [fresh.id]: 'delivered',
      [open.id]: 'lodged',
    });
  });

  it('rates through a one-time link, which a second use refuses', async () => {
    const r = await delivered();
    // Only a caller reaching the request makes its link.
    expect((await otherHead.call(proxyRatingLinksApi.create, { params: { id: r.id } })).statusCode).toBe(404);
    const link = await agent.session.call(proxyRatingLinksApi.create, { params: { id: r.id } });
    expect(link.statusCode, link.response.body).toBe(201);
    expect(link.data.sent).toBe(true);
    const outbox = await t.database.db
      .selectFrom('notifications')
      .select(['message', 'message_enc'])
      .where('kind', '=', 'service.rating_link')
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.message).not.toContain(link.data.token);
    const params = { token: link.data.token };
    expect((await resident().call(publicServiceRatingsApi.get, { params })).data).toMatchObject({
      itemName: '城乡居民医保参保登记',
      used: false,
      expired: false,
      rated: false,
    });
    const body = { agentLevel: 4, unitLevel: 5, comment: '很方便' };
    const first = await resident().call(publicServiceRatingsApi.rate, { params, body });
    expect(first.statusCode, first.response.body).toBe(201);
    expect((await resident().call(publicServiceRatingsApi.rate, { params, body })).error).toMatchObject({
      code: 'RATING_LINK_INVALID',
    });
    expect((await resident().call(publicServiceRatingsApi.get, { params })).data).toMatchObject({
      used: true,
      rated: true,
    });
    // Rated: no new link for it.
    expect(
      (await agent.session.call(proxyRatingLinksApi.create, { params: { id: r.id } })).error,
    ).toMatchObject({
      code: 'SERVICE_RATING_GIVEN',
    });
    const unknown = { token: 'A'.repeat(32) };
    expect(
      (await resident().call(publicServiceRatingsApi.rate, { params: unknown, body })).error,
    ).toMatchObject({
      code: 'RATING_LINK_INVALID',
    });
  });

  it('opens no follow-up for a fair rating (基本满意)', async () => {
    const r = await delivered();
    const rated = await resident().call(publicProxyRatingApi.rate, {
      body: { trackingCode: r.trackingCode, phoneLast4: '5678', agentLevel: 3, unitLevel: 3 },
    });
    expect(rated.data.followUpDueAt).toBeNull();
    const followUps = await t.database.db
      .selectFrom('rating_follow_ups')
      .innerJoin('service_ratings', 'service_ratings.id', 'rating_follow_ups.rating_id')
      .select('rating_follow_ups.id')
      .where('service_ratings.request_id', '=', r.id)
      .execute();
    expect(followUps).toHaveLength(0);
    expect((await head.call(ratingFollowUpsApi.list, { query: {} })).data.total).toBe(0);
  });

  it('throttles wrong codes and phones from one address, as the tracking page does', async () => {
    // Past the window of the wrong phone tried above.
    t.clock.advance(16 * 60_000);
    const r = await delivered();
    const body = (phoneLast4: string) => ({
      trackingCode: r.trackingCode,
      phoneLast4,
      agentLevel: 5,
      unitLevel: 5,
    });
    for (let i = 0; i < t.config.publicLimits.trackFailuresPerIp; i++)
      expect((await resident().call(publicProxyRatingApi.rate, { body: body('0000') })).error).toMatchObject({
        code: 'PROXY_TRACKING_FAILED',
      });
    expect((await resident().call(publicProxyRatingApi.rate, { body: body('5678') })).error).toMatchObject({
      code: 'RATE_LIMITED',
    });
  });
});
