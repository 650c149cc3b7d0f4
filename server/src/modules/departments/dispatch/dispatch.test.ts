import { appealsApi, dispatchApi, dispatchSettingsApi, publicAppealsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, buildUnit, login, type Session } from '../../../../test/harness';
import { buildWorld, type Member, type World } from '../../../../test/world';
import { act, create } from '../../appeals/appeals.fixtures';
import { districtAppeal as districtAppealOf } from './dispatch.fixtures';
import { sweepDispatches } from './dispatch.sweep';

const DAY = 86_400_000;

describe('dispatch (派单)', () => {
  let world: World;
  let health: Member;
  let housing: Member;
  let water: Member;
  let townHead: Session;

  beforeAll(async () => {
    world = await buildWorld();
    const department = (name: string, categories: string[] = []) =>
      buildUnit(world.database, { kind: 'department', areaCode: AREAS.district, name, categories });
    health = await world.member('department_staff', AREAS.district, { unitId: await department('区卫健局') });
    housing = await world.member('department_head', AREAS.district, { unitId: await department('区住建局') });
    water = await world.member('department_staff', AREAS.district, {
      unitId: await department('区水利局', ['roads_water']),
    });
    townHead = (await world.member('town_head', AREAS.townA)).session;
  });
  afterAll(() => world.close());

  /** An appeal taken in at a village and escalated to the district, where it waits for dispatch. */
  const districtAppeal = (title = '村卫生室缺医生') => districtAppealOf(world.admin.session, title);

  async function dispatch(appeal: { id: string; version: number }, leadUnitId: string, co: string[] = []) {
    return world.admin.session.call(dispatchApi.create, {
      body: {
        appealId: appeal.id,
        leadUnitId,
        coUnits: co.map((unitId) => ({ unitId, decisive: true })),
        version: appeal.version,
      },
    });
  }

  const queueOf = async (member: Member) =>
    (await member.session.call(dispatchApi.list, { query: {} })).data.items;

  it('dispatches to a lead and a co-unit, who see it; the lead resolves it and the resident reads who handled it', async () => {
    const appeal = await districtAppeal();
    const created = await dispatch(appeal, health.unitId ?? '', [housing.unitId ?? '']);
    expect(created.statusCode, created.response.body).toBe(201);
    expect(created.data.items.map((d) => [d.role, d.status, d.decisive])).toEqual([
      ['lead', 'pending', false],
      ['co', 'pending', true],
    ]);
    const [lead, co] = created.data.items;
    if (!lead || !co) throw new Error('two dispatches expected');
    expect(lead.dueAt > lead.returnableUntil).toBe(true);
    expect(co.dueAt <= lead.dueAt).toBe(true);

    // Each unit's queue has its own part; another unit sees nothing of it.
    expect((await queueOf(health)).map((d) => [d.id, d.appeal.title])).toEqual([[lead.id, '村卫生室缺医生']]);
    expect((await queueOf(housing)).map((d) => d.id)).toEqual([co.id]);
    expect(await queueOf(water)).toEqual([]);
    expect((await water.session.call(dispatchApi.get, { params: { id: lead.id } })).statusCode).toBe(404);
    expect((await health.session.call(appealsApi.get, { params: { id: appeal.id } })).statusCode).toBe(200);
    expect((await health.session.call(dispatchApi.get, { params: { id: lead.id } })).data.actions).toEqual([
      'accept',
      'return',
    ]);

    // The lead cannot act on the appeal before accepting it.
    const early = await health.session.call(dispatchApi.act, {
      params: { id: lead.id },
      body: { action: 'note', note: '先看看', public: false, version: appeal.version },
    });
    expect(early.error?.code).toBe('DISPATCH_STATE_INVALID');
    const accepted = await health.session.call(dispatchApi.accept, {
      params: { id: lead.id },
      body: { version: lead.version },
    });
    expect(accepted.statusCode, accepted.response.body).toBe(200);
    expect(accepted.data.actions).toEqual(['return', 'note', 'defer', 'resolve']);

    const part = await housing.session.call(dispatchApi.part, {
      params: { id: co.id },
      body: { part: '已安排乡村医生定点坐诊', version: co.version },
    });
    expect(part.data).toMatchObject({ status: 'done', part: '已安排乡村医生定点坐诊' });

    const current = (await health.session.call(appealsApi.get, { params: { id: appeal.id } })).data;
    const resolved = await health.session.call(dispatchApi.act, {
      params: { id: lead.id },
      body: { action: 'resolve', resolution: '已从镇卫生院派驻医生每周坐诊三天', version: current.version },
    });
    expect(resolved.statusCode, resolved.response.body).toBe(200);
    expect(resolved.data.status).toBe('done');
    const after = (await world.admin.session.call(appealsApi.get, { params: { id: appeal.id } })).data;
    expect(after.status).toBe('resolved');
    expect(after.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['dispatched', 'dispatch_accepted', 'dispatch_part', 'resolve']),
    );

    // The resident's page names the lead department and shows its reply.
    const page = await anonymous(world.app).call(publicAppealsApi.track, {
      body: { trackingCode: after.trackingCode, phoneLast4: '5678' },
    });
    expect(page.statusCode, page.response.body).toBe(200);
    const shown = JSON.stringify(page.data);
    expect(shown).toContain('由区卫健局办理');
    expect(shown).toContain('已从镇卫生院派驻医生每周坐诊三天');
    expect(shown).not.toContain('已安排乡村医生定点坐诊');
  });

  it('returns once within the window; the dispatcher re-dispatches or overrules, and a second return is refused', async () => {
    const appeal = await districtAppeal('河道清淤无人负责');
    const [first] = (await dispatch(appeal, housing.unitId ?? '')).data.items;
    if (!first) throw new Error('dispatch expected');
    const again = await dispatch(
      (await world.admin.session.call(appealsApi.get, { params: { id: appeal.id } })).data,
      water.unitId ?? '',
    );
    expect(again.error?.code).toBe('DISPATCH_LEAD_EXISTS');

    const returned = await housing.session.call(dispatchApi.return, {
      params: { id: first.id },
      body: { reason: '河道归水利部门管理', version: first.version },
    });
    expect(returned.data).toMatchObject({ status: 'returned', actions: [] });
    const decided = await world.admin.session.call(dispatchApi.get, { params: { id: first.id } });
    expect(decided.data.actions).toEqual(['redispatch', 'overrule']);
    // A town head reads it (its village) but does not decide on the district's dispatch.
    const townTry = await townHead.call(dispatchApi.overrule, {
      params: { id: first.id },
      body: { note: '不同意', version: decided.data.version },
    });
    expect(townTry.statusCode).toBe(403);

    const moved = await world.admin.session.call(dispatchApi.redispatch, {
      params: { id: first.id },
      body: { unitId: water.unitId ?? '', note: '改由水利局主办', version: decided.data.version },
    });
    expect(moved.statusCode, moved.response.body).toBe(201);
    expect(moved.data).toMatchObject({ status: 'pending', replacesId: first.id, unit: { id: water.unitId } });
    expect(
      (await world.admin.session.call(dispatchApi.get, { params: { id: first.id } })).data,
    ).toMatchObject({
      status: 'redispatched',
      decision: 'redispatched',
    });

    // The new unit returns too; this time the dispatcher overrules, and the unit cannot return again.
    const back = await water.session.call(dispatchApi.return, {
      params: { id: moved.data.id },
      body: { reason: '涉及村道，应由住建部门', version: moved.data.version },
    });
    const overruled = await world.admin.session.call(dispatchApi.overrule, {
      params: { id: moved.data.id },
      body: { note: '河道清淤属水利职责', version: back.data.version },
    });
    expect(overruled.data).toMatchObject({ status: 'accepted', decision: 'overruled' });
    const twice = await water.session.call(dispatchApi.return, {
      params: { id: moved.data.id },
      body: { reason: '仍不同意', version: overruled.data.version },
    });
    expect(twice.error?.code).toBe('DISPATCH_RETURN_CLOSED');
  });

  it('a town dispatches only appeals it holds, to departments answering for the category', async () => {
    let appeal = await create(world.admin.session, { title: '水渠渗漏', categoryCode: 'roads_water' });
    appeal = (await act(world.admin.session, appeal, 'escalate', { reason: '村级无法解决' })).data;
    const wrongUnit = await townHead.call(dispatchApi.create, {
      body: { appealId: appeal.id, leadUnitId: health.unitId ?? '', version: appeal.version },
    });
    expect(wrongUnit.error?.code).toBe('DISPATCH_UNIT_INVALID');
    const ok = await townHead.call(dispatchApi.create, {
      body: { appealId: appeal.id, leadUnitId: water.unitId ?? '', version: appeal.version },
    });
    expect(ok.statusCode, ok.response.body).toBe(201);
    // Another town's appeal is not found; an appeal held by the district is not the town's to dispatch.
    const otherTown = await townHead.call(dispatchApi.create, {
      body: {
        appealId: (await create(world.admin.session, { villageCode: AREAS.villageB1 })).id,
        leadUnitId: water.unitId ?? '',
        version: 1,
      },
    });
    expect(otherTown.statusCode).toBe(404);
    const districtHeld = await districtAppeal('镇级以上的诉求');
    const notHeld = await townHead.call(dispatchApi.create, {
      body: { appealId: districtHeld.id, leadUnitId: water.unitId ?? '', version: districtHeld.version },
    });
    expect(notHeld.error?.code).toBe('APPEAL_NOT_HELD');
    // Department staff cannot dispatch, and the area roles cannot work a unit's dispatch.
    const [mine] = ok.data.items;
    const byCadre = await townHead.call(dispatchApi.accept, {
      params: { id: mine?.id ?? '' },
      body: { version: 1 },
    });
    expect(byCadre.statusCode).toBe(403);
  });

  it('keeps the return window and the co-units’ time as district settings', async () => {
    const read = await world.admin.session.call(dispatchSettingsApi.get, {});
    expect(read.data).toEqual({ returnWindowWorkingDays: 1, coPartWorkingDays: 3 });
    const saved = await world.admin.session.call(dispatchSettingsApi.update, {
      body: { returnWindowWorkingDays: 2, coPartWorkingDays: 5 },
    });
    expect(saved.data).toEqual({ returnWindowWorkingDays: 2, coPartWorkingDays: 5 });
    const refused = await world.admin.session.call(dispatchSettingsApi.update, {
      body: { returnWindowWorkingDays: 0, coPartWorkingDays: 5 },
    });
    expect(refused.statusCode).toBe(400);
    expect((await townHead.call(dispatchSettingsApi.update, { body: saved.data })).statusCode).toBe(403);
  });
  it('counts each department’s three rates, returns and on-time resolutions, each caller its own reach', async () => {
    const day = world.clock.now().toISOString().slice(0, 10);
    const query = { from: day, to: day };
    const stats = (await world.admin.session.call(dispatchApi.stats, { query })).data.items;
    const of = (name: string) => stats.find((s) => s.unit.name === name);
    expect(of('区卫健局')).toMatchObject({
      dispatched: 1,
      responded: 1,
      leads: 1,
      resolved: 1,
      resolvedOnTime: 1,
      resolutionRate: 1,
      onTimeRate: 1,
      satisfactionRate: null,
    });
    // 区住建局 gave a part, and returned a lead it was given once.
    expect(of('区住建局')).toMatchObject({ dispatched: 2, returned: 1, leads: 0, resolutionRate: null });
    expect(of('区水利局')?.returned).toBe(1);
    // A department's staff see their own row only.
    const own = (await health.session.call(dispatchApi.stats, { query })).data.items;
    expect(own.map((s) => s.unit.name)).toEqual(['区卫健局']);
    const refused = await world.admin.session.call(dispatchApi.stats, {
      query: { from: day, to: '2026-01-01' },
    });
    expect(refused.statusCode).toBe(400);
  });

  it('withdraws the dispatches of an appeal the district settled itself', async () => {
    const appeal = await districtAppeal('村道积水');
    const [lead] = (await dispatch(appeal, water.unitId ?? '')).data.items;
    const current = (await world.admin.session.call(appealsApi.get, { params: { id: appeal.id } })).data;
    const resolved = await act(world.admin.session, current, 'resolve', { resolution: '区里已直接协调解决' });
    expect(resolved.statusCode, resolved.response.body).toBe(200);
    expect((await sweepDispatches(world.database.db, world.clock)).withdrawn).toBe(1);
    const read = await world.admin.session.call(dispatchApi.get, { params: { id: lead?.id ?? '' } });
    expect(read.data).toMatchObject({ status: 'withdrawn', actions: [] });
  });

  // Last: it moves the clock past every session's end.
  it('refuses a return after the window, warns at 75 % and puts an overdue dispatch under supervision once', async () => {
    const appeal = await districtAppeal('路灯长期不亮');
    const [lead] = (await dispatch(appeal, water.unitId ?? '')).data.items;
    if (!lead) throw new Error('dispatch expected');
    const due = Date.parse(lead.dueAt);
    const start = world.clock.now().getTime();

    // Sessions end while the clock runs ahead: each step signs in again.
    world.clock.advance(Date.parse(lead.returnableUntil) - start + 60_000);
    const late = await (await login(world.app, water.username)).call(dispatchApi.return, {
      params: { id: lead.id },
      body: { reason: '不属本单位职责', version: lead.version },
    });
    expect(late.error?.code).toBe('DISPATCH_RETURN_CLOSED');

    world.clock.advance(start + (due - start) * 0.8 - world.clock.now().getTime());
    expect((await sweepDispatches(world.database.db, world.clock)).warned).toBeGreaterThanOrEqual(1);
    expect((await sweepDispatches(world.database.db, world.clock)).warned).toBe(0);

    world.clock.advance(due - world.clock.now().getTime() + DAY);
    const swept = await sweepDispatches(world.database.db, world.clock);
    expect(swept.supervised).toBeGreaterThanOrEqual(1);
    expect((await sweepDispatches(world.database.db, world.clock)).supervised).toBe(0);
    const admin = await login(world.app, world.admin.username);
    const read = (await admin.call(dispatchApi.get, { params: { id: lead.id } })).data;
    expect(read.overdue).toBe(true);
    expect(read.supervisedAt).not.toBeNull();
    const timeline = (await admin.call(appealsApi.get, { params: { id: appeal.id } })).data.timeline;
    expect(timeline.filter((e) => e.kind === 'dispatch_warned')).toHaveLength(1);
    expect(timeline.filter((e) => e.kind === 'supervised')).toHaveLength(1);
    const overdue = await admin.call(dispatchApi.list, { query: { overdue: 'true' } });
    expect(overdue.data.items.map((d) => d.id)).toContain(lead.id);
  });
});
