import { appealsApi, unitsApi, usersApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUnit } from '../../../../test/harness';
import { buildWorld, type World } from '../../../../test/world';
import { create } from '../../appeals/appeals.fixtures';

describe('handling units', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => world.close());

  it('creates a department with its working hours and categories, and refuses one at the wrong level', async () => {
    const body = {
      kind: 'department' as const,
      name: '区人力资源和社会保障局',
      areaCode: AREAS.district,
      phone: '0915-3212345',
      workingHours: {
        periods: [
          { start: '08:30', end: '12:00' },
          { start: '14:30', end: '18:00' },
        ],
      },
      categories: ['employment', 'wage_dispute'],
    };
    const created = await world.admin.session.call(unitsApi.create, { body });
    expect(created.statusCode, created.response.body).toBe(201);
    expect(created.data).toMatchObject({
      kind: 'department',
      area: { code: AREAS.district },
      categories: ['employment', 'wage_dispute'],
      workingHours: body.workingHours,
      staffCount: 0,
      active: true,
    });
    const again = await world.admin.session.call(unitsApi.create, { body });
    expect(again.error?.code).toBe('UNIT_NAME_TAKEN');
    const misplaced = await world.admin.session.call(unitsApi.create, {
      body: { kind: 'village_committee', name: '村委会', areaCode: AREAS.district },
    });
    expect(misplaced.error?.code).toBe('UNIT_AREA_MISMATCH');
    const unknownCategory = await world.admin.session.call(unitsApi.create, {
      body: { ...body, name: '区卫健局', categories: ['no_such'] },
    });
    expect(unknownCategory.error?.code).toBe('APPEAL_CATEGORY_UNKNOWN');
    const overlapping = await world.admin.session.call(unitsApi.create, {
      body: {
        ...body,
        name: '区民政局',
        workingHours: {
          periods: [
            { start: '08:30', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      },
    });
    expect(overlapping.statusCode).toBe(400);
  });

  it('a town sees its own units and the district’s departments, not another town’s', async () => {
    const own = await buildUnit(world.database, {
      kind: 'town_office',
      areaCode: AREAS.townA,
      name: '甲镇综治办',
    });
    const other = await buildUnit(world.database, {
      kind: 'town_office',
      areaCode: AREAS.townB,
      name: '乙镇综治办',
    });
    const department = await buildUnit(world.database, {
      kind: 'department',
      areaCode: AREAS.district,
      name: '区水利局',
    });
    const staff = await world.member('town_staff', AREAS.townA);
    const ids = (await staff.session.call(unitsApi.list, { query: {} })).data.items.map((u) => u.id);
    expect(ids).toContain(own);
    expect(ids).toContain(department);
    expect(ids).not.toContain(other);
    expect((await staff.session.call(unitsApi.get, { params: { id: other } })).statusCode).toBe(404);
  });

  it('binds a department’s staff to a department, in the department’s area', async () => {
    const unit = await buildUnit(world.database, {
      kind: 'department',
      areaCode: AREAS.district,
      name: '区住建局',
    });
    const base = {
      username: 'zhujian01',
      name: '李住建',
      role: 'department_staff' as const,
      areaCode: AREAS.district,
      password: 'a-long-password-1',
    };
    const unbound = await world.admin.session.call(usersApi.create, { body: base });
    expect(unbound.error?.code).toBe('ROLE_UNIT_MISMATCH');
    const station = await buildUnit(world.database, { kind: 'service_station', areaCode: AREAS.villageA1 });
    const wrongKind = await world.admin.session.call(usersApi.create, { body: { ...base, unitId: station } });
    expect(wrongKind.error?.code).toBe('ROLE_UNIT_MISMATCH');
    const bound = await world.admin.session.call(usersApi.create, { body: { ...base, unitId: unit } });
    expect(bound.statusCode, bound.response.body).toBe(201);
    expect(bound.data.unit).toMatchObject({ id: unit, name: '区住建局', kind: 'department' });
    const staff = await world.admin.session.call(unitsApi.listStaff, { params: { id: unit } });
    expect(staff.data.items.map((s) => s.name)).toEqual(['李住建']);
  });

  it('binds an area role to a unit of its own subtree only, if at all', async () => {
    const office = await buildUnit(world.database, {
      kind: 'town_office',
      areaCode: AREAS.townA,
      name: '甲镇便民中心',
    });
    const elsewhere = await buildUnit(world.database, {
      kind: 'village_committee',
      areaCode: AREAS.villageB1,
    });
    const base = {
      name: '赵镇干',
      role: 'town_staff' as const,
      areaCode: AREAS.townA,
      password: 'a-long-password-1',
    };
    const bound = await world.admin.session.call(usersApi.create, {
      body: { ...base, username: 'zhaozg01', unitId: office },
    });
    expect(bound.statusCode, bound.response.body).toBe(201);
    expect(bound.data.unit?.id).toBe(office);
    const outside = await world.admin.session.call(usersApi.create, {
      body: { ...base, username: 'zhaozg02', unitId: elsewhere },
    });
    expect(outside.error?.code).toBe('ROLE_UNIT_MISMATCH');
    const unbound = await world.admin.session.call(usersApi.create, {
      body: { ...base, username: 'zhaozg03' },
    });
    expect(unbound.data.unit).toBeNull();
  });

  it('a unit’s staff see only the appeals routed to their unit', async () => {
    const housing = await world.member('department_staff', AREAS.district);
    const water = await world.member('department_head', AREAS.district);
    const routed = await create(world.admin.session, {
      title: '危房改造补助未到位',
      villageCode: AREAS.villageA1,
    });
    const other = await create(world.admin.session, { title: '灌溉水渠堵塞', villageCode: AREAS.villageB1 });
    expect((await housing.session.call(appealsApi.list, { query: {} })).data.items).toEqual([]);

    const unitId = housing.unitId ?? '';
    for (let i = 0; i < 2; i++) {
      const response = await world.admin.session.call(unitsApi.routeAppeal, {
        params: { id: unitId },
        body: { appealId: routed.id },
      });
      expect(response.statusCode, response.response.body).toBe(204);
    }
    const listed = (await housing.session.call(appealsApi.list, { query: {} })).data.items.map((a) => a.id);
    expect(listed).toEqual([routed.id]);
    const read = await housing.session.call(appealsApi.get, { params: { id: routed.id } });
    expect(read.statusCode).toBe(200);
    expect(read.data.actions).toEqual([]);
    // Routed once on the timeline, however often it was asked.
    expect(read.data.timeline.filter((e) => e.kind === 'routed')).toHaveLength(1);
    expect((await housing.session.call(appealsApi.get, { params: { id: other.id } })).statusCode).toBe(404);
    // Another unit's staff see nothing of it, and area work stays closed to a unit's reach.
    expect((await water.session.call(appealsApi.list, { query: {} })).data.items).toEqual([]);
    expect((await water.session.call(appealsApi.get, { params: { id: routed.id } })).statusCode).toBe(404);
    expect(
      (await housing.session.call(appealsApi.getStats, { query: { from: '2026-01-01', to: '2026-12-31' } }))
        .statusCode,
    ).toBe(403);
  });

  it('a town cannot route an appeal of another town', async () => {
    const unit = await buildUnit(world.database, {
      kind: 'department',
      areaCode: AREAS.district,
      name: '区交通局',
    });
    const head = await world.member('town_head', AREAS.townA);
    const elsewhere = await create(world.admin.session, { villageCode: AREAS.villageB1 });
    const response = await head.session.call(unitsApi.routeAppeal, {
      params: { id: unit },
      body: { appealId: elsewhere.id },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('a CPPCC member reads their own reports only', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => world.close());

  it('lists and opens the member’s own appeals, not other people’s; the CPPCC office sees its members’', async () => {
    const member = await world.member('cppcc_member', AREAS.townA);
    const colleague = await world.member('cppcc_member', AREAS.townB);
    const office = await world.member('cppcc_office', AREAS.district);
    const mine = await create(member.session, { channel: 'cppcc_report', title: '村级幼儿园师资不足' });
    const theirs = await create(colleague.session, {
      channel: 'cppcc_report',
      title: '农村客运班次减少',
      villageCode: AREAS.villageB1,
    });
    const staffs = await create(world.admin.session, { title: '路灯损坏' });

    const listed = (await member.session.call(appealsApi.list, { query: {} })).data.items.map((a) => a.id);
    expect(listed).toEqual([mine.id]);
    expect((await member.session.call(appealsApi.get, { params: { id: staffs.id } })).statusCode).toBe(404);
    expect((await member.session.call(appealsApi.get, { params: { id: theirs.id } })).statusCode).toBe(404);
    // A member files only where they sit.
    const elsewhere = await member.session.call(appealsApi.create, {
      body: {
        channel: 'cppcc_report',
        categoryCode: 'roads_water',
        villageCode: AREAS.villageB1,
        title: '外镇道路',
        description: '外镇道路损坏需要修复，影响群众出行。',
        reporterKind: 'anonymous',
      },
    });
    expect(elsewhere.error?.code).toBe('AREA_UNKNOWN');

    const officeSees = (await office.session.call(appealsApi.list, { query: {} })).data.items.map(
      (a) => a.id,
    );
    expect(officeSees.sort()).toEqual([mine.id, theirs.id].sort());
  });
});
