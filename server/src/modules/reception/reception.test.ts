import { appealActionsApi, appealsApi, receptionDaysApi, unitsApi, villagePageApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, buildUnit } from '../../../test/harness';
import { buildWorld, type Member, type World } from '../../../test/world';
import { create } from '../appeals/appeals.fixtures';

const HOUR = 3_600_000;

describe('reception days (大接访 / 大下访)', () => {
  let world: World;
  let townHead: Member;
  let otherTownHead: Member;
  let cadre: Member;
  beforeAll(async () => {
    // The events run a day after they are planned: sessions stay open while the clock moves on.
    world = await buildWorld({ session: { idleMinutes: 60 * 24 * 30, absoluteHours: 24 * 30 } });
    townHead = await world.member('town_head', AREAS.townA);
    otherTownHead = await world.member('town_head', AREAS.townB);
    cadre = await world.member('village_cadre', AREAS.villageA1);
  });
  afterAll(() => world.close());

  const at = (hours: number) => new Date(world.clock.now().getTime() + hours * HOUR).toISOString();
  const body = (areaCode: string, overrides = {}) => ({
    areaCode,
    leaderName: '李书记',
    leaderPost: '镇党委书记',
    place: '甲镇信访接待室',
    startsAt: at(18),
    endsAt: at(21),
    topics: ['征地补偿', '农村道路'],
    ...overrides,
  });

  it('a town plans a reception day; residents see it on the public page, a sibling town does not reach it', async () => {
    const created = await townHead.session.call(receptionDaysApi.create, { body: body(AREAS.townA) });
    expect(created.statusCode, created.response.body).toBe(201);
    expect(created.data).toMatchObject({
      area: { code: AREAS.townA, kind: 'town' },
      status: 'planned',
      topics: ['征地补偿', '农村道路'],
      report: { received: 0, resolvedOnSpot: 0, dispatched: 0 },
    });
    const id = created.data.id;
    const residents = await anonymous(world.app).call(receptionDaysApi.publicList, {
      query: { areaCode: AREAS.villageA1 },
    });
    expect(residents.data.items.map((d) => d.id)).toContain(id);
    expect(residents.data.items[0]).not.toHaveProperty('report');
    const elsewhere = await anonymous(world.app).call(receptionDaysApi.publicList, {
      query: { areaCode: AREAS.villageB1 },
    });
    expect(elsewhere.data.items.map((d) => d.id)).not.toContain(id);
    // The village page of a village of the town shows it too.
    const page = await anonymous(world.app).call(villagePageApi.get, { params: { code: AREAS.villageA1 } });
    const section = page.data.sections.find((s) => s.key === 'receptionDays');
    expect(section?.data).toMatchObject({ items: [{ id, leaderName: '李书记' }] });
    expect((await otherTownHead.session.call(receptionDaysApi.get, { params: { id } })).statusCode).toBe(404);
    expect((await otherTownHead.session.call(receptionDaysApi.list, { query: {} })).data.items).toEqual([]);
    // The cadre of a village reads the appeals there but holds no reception day.
    expect((await cadre.session.call(receptionDaysApi.get, { params: { id } })).statusCode).toBe(404);
    const audit = await world.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['reception_day.create']);
  });

  it('is held by the district or a town of the caller only', async () => {
    const village = await townHead.session.call(receptionDaysApi.create, { body: body(AREAS.villageA1) });
    expect(village.error?.code).toBe('RECEPTION_DAY_AREA_INVALID');
    const other = await townHead.session.call(receptionDaysApi.create, { body: body(AREAS.townB) });
    expect(other.error?.code).toBe('AREA_UNKNOWN');
    const backwards = await townHead.session.call(receptionDaysApi.create, {
      body: body(AREAS.townA, { endsAt: at(17) }),
    });
    expect(backwards.statusCode).toBe(400);
    const byCadre = await cadre.session.call(receptionDaysApi.create, { body: body(AREAS.townA) });
    expect(byCadre.statusCode).toBe(403);
  });

  it('reports the appeals received there: resolved on the spot, dispatched', async () => {
    const day = (await townHead.session.call(receptionDaysApi.create, { body: body(AREAS.townA) })).data;
    world.clock.advance(19 * HOUR);
    const spot = await create(cadre.session, { channel: 'reception_day', title: '低保咨询' });
    const routed = await create(cadre.session, { channel: 'reception_day', title: '村卫生室缺医生' });
    const open = await create(cadre.session, { channel: 'reception_day', title: '道路破损' });
    for (const appeal of [spot, routed, open]) {
      const linked = await townHead.session.call(receptionDaysApi.linkAppeal, {
        params: { id: day.id },
        body: { appealId: appeal.id },
      });
      expect(linked.statusCode, linked.response.body).toBe(200);
    }
    // Resolved the same day.
    const current = (await cadre.session.call(appealsApi.get, { params: { id: spot.id } })).data;
    const resolved = await cadre.session.call(appealActionsApi.resolve, {
      params: { id: spot.id },
      body: { version: current.version, resolution: '现场讲解政策，当场办理申请' },
    });
    expect(resolved.statusCode, resolved.response.body).toBe(200);
    const unit = await buildUnit(world.database, { kind: 'department', areaCode: AREAS.district });
    const route = await townHead.session.call(unitsApi.routeAppeal, {
      params: { id: unit },
      body: { appealId: routed.id },
    });
    expect(route.statusCode, route.response.body).toBe(204);
    const again = await townHead.session.call(receptionDaysApi.linkAppeal, {
      params: { id: day.id },
      body: { appealId: spot.id },
    });
    expect(again.data.report).toEqual({ received: 3, resolvedOnSpot: 1, dispatched: 1 });
    expect(again.data.appeals.find((a) => a.id === spot.id)).toMatchObject({ resolvedOnSpot: true });
    expect(again.data.appeals.find((a) => a.id === routed.id)).toMatchObject({ dispatched: true });

    const summary = await townHead.session.call(receptionDaysApi.update, {
      params: { id: day.id },
      body: { version: day.version, summary: '接待群众三批，当场解决一件' },
    });
    expect(summary.data).toMatchObject({ summary: '接待群众三批，当场解决一件', report: { received: 3 } });
    const stale = await townHead.session.call(receptionDaysApi.update, {
      params: { id: day.id },
      body: { version: day.version, status: 'cancelled' },
    });
    expect(stale.error?.code).toBe('VERSION_CONFLICT');
  });

  it('links only appeals of the event’s area', async () => {
    const day = (await townHead.session.call(receptionDaysApi.create, { body: body(AREAS.townA) })).data;
    const theirs = await create(otherTownHead.session, { villageCode: AREAS.villageB1 });
    const refused = await townHead.session.call(receptionDaysApi.linkAppeal, {
      params: { id: day.id },
      body: { appealId: theirs.id },
    });
    expect(refused.statusCode).toBe(404);
    const district = (await world.admin.session.call(receptionDaysApi.create, { body: body(AREAS.townA) }))
      .data;
    const outside = await world.admin.session.call(receptionDaysApi.linkAppeal, {
      params: { id: district.id },
      body: { appealId: theirs.id },
    });
    expect(outside.error?.code).toBe('RECEPTION_APPEAL_OUTSIDE');
  });
});
