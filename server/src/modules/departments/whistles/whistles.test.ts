import { appealsApi, todosApi, unitsApi, whistlesApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUnit } from '../../../../test/harness';
import { buildWorld, type Member, type World } from '../../../../test/world';
import { create } from '../../appeals/appeals.fixtures';
import { whistleResponseStats } from '../index';

const HOUR = 3_600_000;

describe('吹哨报到: whistles and reports', () => {
  let world: World;
  let townHead: Member;
  let housing: Member;
  let transport: Member;
  let water: Member;
  let otherTownHead: Member;
  beforeAll(async () => {
    // Departments answer over days here: sessions stay open while the clock moves on.
    world = await buildWorld({ session: { idleMinutes: 60 * 24 * 30, absoluteHours: 24 * 30 } });
    townHead = await world.member('town_head', AREAS.townA, { name: '甲镇镇长' });
    otherTownHead = await world.member('town_head', AREAS.townB);
    housing = await world.member('department_staff', AREAS.district, { name: '住建局小李' });
    transport = await world.member('department_head', AREAS.district, { name: '交通局老王' });
    water = await world.member('department_staff', AREAS.district);
    // The clock starts on Sunday 22 November 2026, 16:00 in China: Monday 10:00 is working time.
    world.clock.advance(18 * HOUR);
  });
  afterAll(() => world.close());

  const unitIds = () => [housing.unitId ?? '', transport.unitId ?? ''];

  it('a town head whistles on an appeal of the town: each department gets two working hours and a notice', async () => {
    const appeal = await create(townHead.session, { title: '村口危桥开裂', villageCode: AREAS.villageA1 });
    // 11:00 on Monday: two working hours run to 12:00, then from 14:00 to 15:00 (07:00 UTC).
    world.clock.advance(HOUR);
    const raised = await townHead.session.call(whistlesApi.create, {
      body: { appealId: appeal.id, description: '桥面开裂，请住建、交通部门到场研判', unitIds: unitIds() },
    });
    expect(raised.statusCode, raised.response.body).toBe(201);
    expect(raised.data).toMatchObject({
      status: 'open',
      villageCode: AREAS.villageA1,
      townCode: AREAS.townA,
      outsideWorkingTime: false,
      appeal: { id: appeal.id, trackingCode: appeal.trackingCode },
      raisedBy: '甲镇镇长',
    });
    expect(raised.data.units.map((u) => u.dueAt)).toEqual([
      '2026-11-23T07:00:00.000Z',
      '2026-11-23T07:00:00.000Z',
    ]);
    const notices = await world.database.db
      .selectFrom('notifications')
      .select('recipient')
      .where('kind', '=', 'whistle.raised')
      .where('appeal_id', '=', appeal.id)
      .execute();
    expect(notices.map((n) => n.recipient)).toEqual(
      expect.arrayContaining([expect.stringContaining('住建局小李')]),
    );
    expect(notices.map((n) => n.recipient)).toEqual(
      expect.arrayContaining([expect.stringContaining('交通局老王')]),
    );
    const timeline = (await townHead.session.call(appealsApi.get, { params: { id: appeal.id } })).data
      .timeline;
    expect(timeline.some((e) => e.kind === 'whistled')).toBe(true);
    const audit = await world.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', raised.data.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['whistle.raise']);
  });

  it('a department sees only the whistles naming it; a town only its own', async () => {
    const raised = await townHead.session.call(whistlesApi.create, {
      body: {
        villageCode: AREAS.villageA2,
        place: '二组违建',
        description: '违建加盖，需住建到场',
        unitIds: unitIds(),
      },
    });
    expect(raised.statusCode, raised.response.body).toBe(201);
    const id = raised.data.id;
    expect((await housing.session.call(whistlesApi.get, { params: { id } })).statusCode).toBe(200);
    const housingList = (await housing.session.call(whistlesApi.list, { query: {} })).data.items;
    expect(housingList.map((w) => w.id)).toContain(id);
    expect((await water.session.call(whistlesApi.get, { params: { id } })).statusCode).toBe(404);
    expect((await water.session.call(whistlesApi.list, { query: {} })).data.items).toEqual([]);
    expect((await otherTownHead.session.call(whistlesApi.get, { params: { id } })).statusCode).toBe(404);
    expect((await otherTownHead.session.call(whistlesApi.list, { query: {} })).data.items).toEqual([]);
    const reported = await water.session.call(whistlesApi.report, {
      params: { id },
      body: { action: '已到场' },
    });
    expect(reported.statusCode).toBe(404);
    // A town cannot whistle in another town's village nor on its appeals.
    const elsewhere = await townHead.session.call(whistlesApi.create, {
      body: { villageCode: AREAS.villageB1, place: '乙镇桥', description: '越界吹哨', unitIds: unitIds() },
    });
    expect(elsewhere.error?.code).toBe('AREA_UNKNOWN');
    const theirs = await create(otherTownHead.session, { villageCode: AREAS.villageB1 });
    const onTheirs = await townHead.session.call(whistlesApi.create, {
      body: { appealId: theirs.id, description: '越界吹哨', unitIds: unitIds() },
    });
    expect(onTheirs.statusCode).toBe(404);
  });

  it('names district departments only', async () => {
    const office = await buildUnit(world.database, { kind: 'town_office', areaCode: AREAS.townA });
    const response = await townHead.session.call(whistlesApi.create, {
      body: { villageCode: AREAS.villageA1, place: '村口', description: '向镇办吹哨', unitIds: [office] },
    });
    expect(response.error?.code).toBe('WHISTLE_UNIT_INVALID');
    const inactive = await buildUnit(world.database, { kind: 'department', areaCode: AREAS.district });
    await world.admin.session.call(unitsApi.update, {
      params: { id: inactive },
      body: { active: false, version: 1 },
    });
    const again = await townHead.session.call(whistlesApi.create, {
      body: {
        villageCode: AREAS.villageA1,
        place: '村口',
        description: '向停用部门吹哨',
        unitIds: [inactive],
      },
    });
    expect(again.error?.code).toBe('WHISTLE_UNIT_INVALID');
  });

  it('departments report with what they did; a report after its deadline is marked late', async () => {
    // Monday 14:00 in China: the whistles above were blown at 11:00.
    world.clock.advance(3 * HOUR);
    const appeal = await create(townHead.session, { title: '河堤渗水', villageCode: AREAS.villageA1 });
    const raised = await townHead.session.call(whistlesApi.create, {
      body: { appealId: appeal.id, description: '河堤渗水，请到场', unitIds: unitIds() },
    });
    const id = raised.data.id;
    const todo = async (member: Member) =>
      (await member.session.call(todosApi.list, {})).data.find((i) => i.key === 'whistles.awaitingReport')
        ?.count;
    const waiting = (await todo(housing)) ?? 0;
    expect(waiting).toBeGreaterThan(0);
    world.clock.advance(HOUR / 2);
    const first = await housing.session.call(whistlesApi.report, {
      params: { id },
      body: { action: '已到场查看，设置警示带' },
    });
    expect(first.statusCode, first.response.body).toBe(200);
    const mine = first.data.units.find((u) => u.unitId === housing.unitId);
    expect(mine).toMatchObject({
      late: false,
      responseMinutes: 30,
      action: '已到场查看，设置警示带',
      reportedBy: '住建局小李',
    });
    expect(first.data.status).toBe('open');
    expect(await todo(housing)).toBe(waiting - 1);
    const twice = await housing.session.call(whistlesApi.report, {
      params: { id },
      body: { action: '再报一次' },
    });
    expect(twice.error?.code).toBe('WHISTLE_ALREADY_REPORTED');
    // The next morning: transport is past its deadline.
    world.clock.advance(20 * HOUR);
    const overdue = await townHead.session.call(whistlesApi.list, { query: { late: 'true' } });
    expect(overdue.data.items.map((w) => w.id)).toContain(id);
    const second = await transport.session.call(whistlesApi.report, {
      params: { id },
      body: { action: '已派员检查，安排抢修' },
    });
    expect(second.data.status).toBe('reported');
    expect(second.data.units.find((u) => u.unitId === transport.unitId)?.late).toBe(true);
    const timeline = (await townHead.session.call(appealsApi.get, { params: { id: appeal.id } })).data
      .timeline;
    expect(timeline.filter((e) => e.kind === 'whistle_reported')).toHaveLength(2);

    const stats = await whistleResponseStats(world.database.db, {
      from: new Date(raised.data.raisedAt),
      to: new Date(Date.parse(raised.data.raisedAt) + HOUR),
      now: world.clock.now(),
      unitIds: unitIds(),
    });
    const housingStats = stats.find((s) => s.unitId === housing.unitId);
    const transportStats = stats.find((s) => s.unitId === transport.unitId);
    expect(housingStats).toEqual({
      unitId: housing.unitId,
      named: 1,
      reported: 1,
      late: 0,
      medianResponseMinutes: 30,
    });
    expect(transportStats).toMatchObject({
      named: 1,
      reported: 1,
      late: 1,
      medianResponseMinutes: 30 + 20 * 60,
    });
  });

  it('outside working time a department has 24 hours', async () => {
    // Move to Saturday 28 November, 10:00 in China.
    const now = world.clock.now().getTime();
    world.clock.advance(Date.parse('2026-11-28T02:00:00.000Z') - now);
    const raised = await townHead.session.call(whistlesApi.create, {
      body: {
        villageCode: AREAS.villageA1,
        place: '三组山体',
        description: '山体滑坡隐患',
        unitIds: unitIds(),
      },
    });
    expect(raised.data.outsideWorkingTime).toBe(true);
    expect(raised.data.units[0]?.dueAt).toBe('2026-11-29T02:00:00.000Z');
  });

  it('the town closes a whistle; the district sets the report time', async () => {
    const raised = await townHead.session.call(whistlesApi.create, {
      body: { villageCode: AREAS.villageA1, place: '四组路灯', description: '路灯倒伏', unitIds: unitIds() },
    });
    const closed = await townHead.session.call(whistlesApi.close, {
      params: { id: raised.data.id },
      body: { version: raised.data.version, note: '已处置' },
    });
    expect(closed.data).toMatchObject({ status: 'closed', closingNote: '已处置' });
    const late = await housing.session.call(whistlesApi.report, {
      params: { id: raised.data.id },
      body: { action: '到场' },
    });
    expect(late.error?.code).toBe('WHISTLE_CLOSED');
    const refused = await townHead.session.call(whistlesApi.putSettings, {
      body: { reportWorkingHours: 4, outsideHoursLimit: 12 },
    });
    expect(refused.statusCode).toBe(403);
    const saved = await world.admin.session.call(whistlesApi.putSettings, {
      body: { reportWorkingHours: 4, outsideHoursLimit: 12 },
    });
    expect(saved.data).toEqual({ reportWorkingHours: 4, outsideHoursLimit: 12 });
    expect((await townHead.session.call(whistlesApi.getSettings, {})).data.outsideHoursLimit).toBe(12);
  });
});
