import { monthlyTopicsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUnit } from '../../../../test/harness';
import { insertAppeal } from '../../../../test/records.fixtures';
import { buildWorld, type Member, type World } from '../../../../test/world';

const DAY = 86_400_000;

// Mid-month instants (China time is UTC+8), and two on the edges of China's months.
const at = (date: string) => `${date}T02:00:00.000Z`;
const SEP_FIRST_IN_CHINA = '2026-08-31T16:30:00.000Z';
const DEC_FIRST_IN_CHINA = '2026-11-30T16:30:00.000Z';

describe('每月一题: proposals, topics and their outcome', () => {
  let world: World;
  let district: Member;
  let townA: Member;
  let townB: Member;
  let lead: Member;
  let otherDepartment: Member;
  const roadsA: string[] = [];
  let roadsB: string;
  let environmentA: string;

  beforeAll(async () => {
    // The outcome is followed over weeks: sessions stay open while the clock moves on.
    world = await buildWorld({ session: { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60 } });
    district = await world.member('district_staff', AREAS.district, { name: '区群工部小周' });
    townA = await world.member('town_head', AREAS.townA);
    townB = await world.member('town_head', AREAS.townB);
    lead = await world.member('department_staff', AREAS.district, { name: '水利局小陈' });
    otherDepartment = await world.member('department_staff', AREAS.district);
    const roads = (village: string, receivedAt: string) =>
      insertAppeal(world, village, { category_code: 'roads_water', received_at: receivedAt });
    const environment = (village: string, receivedAt: string) =>
      insertAppeal(world, village, { category_code: 'environment', received_at: receivedAt });
    // 道路水利 in town A: August 5 (before the counted months), September 2 (one on China's
    // 1 September), October 3, November 6, and one on China's 1 December.
    for (let i = 0; i < 5; i++) await roads(AREAS.villageA1, at(`2026-08-1${i}`));
    roadsA.push(
      await roads(AREAS.villageA1, SEP_FIRST_IN_CHINA),
      await roads(AREAS.villageA2, at('2026-09-20')),
    );
    for (let i = 0; i < 3; i++) roadsA.push(await roads(AREAS.villageA1, at(`2026-10-1${i}`)));
    for (let i = 0; i < 6; i++) roadsA.push(await roads(AREAS.villageA2, at(`2026-11-0${i + 1}`)));
    await roads(AREAS.villageA1, DEC_FIRST_IN_CHINA);
    // 道路水利 in town B: one a month; 环境卫生 in town B: 2, 2, 1; one in town A in November.
    roadsB = await roads(AREAS.villageB1, at('2026-09-05'));
    await roads(AREAS.villageB1, at('2026-10-05'));
    await roads(AREAS.villageB1, at('2026-11-05'));
    for (const d of ['2026-09-07', '2026-09-08', '2026-10-07', '2026-10-08'])
      await environment(AREAS.villageB1, at(d));
    await environment(AREAS.villageB1, at('2026-11-07'));
    environmentA = await environment(AREAS.villageA1, at('2026-11-09'));
  });
  afterAll(() => world.close());

  it('proposes the frequent categories and their clusters of the three months before, with counts and trend', async () => {
    const response = await district.session.call(monthlyTopicsApi.proposals, { query: { month: '2026-12' } });
    expect(response.statusCode, response.response.body).toBe(200);
    const { months, items } = response.data;
    expect(months).toEqual(['2026-09', '2026-10', '2026-11']);
    const summary = items.map((p) => ({
      kind: p.kind,
      category: p.categoryCode,
      area: p.areaCode,
      counts: p.months.map((m) => m.count),
      trend: p.trend,
    }));
    expect(summary).toEqual([
      // 3, 4, 7: the last month against the average of 3.5 before it.
      { kind: 'category', category: 'roads_water', area: AREAS.district, counts: [3, 4, 7], trend: 1 },
      { kind: 'category', category: 'environment', area: AREAS.district, counts: [2, 2, 2], trend: 0 },
      // Town A holds 11 of the 14 道路水利 appeals; town B all five 环境卫生 ones, town A one of six.
      { kind: 'cluster', category: 'roads_water', area: AREAS.townA, counts: [2, 3, 6], trend: 1.4 },
      { kind: 'cluster', category: 'environment', area: AREAS.townB, counts: [2, 2, 1], trend: -0.5 },
    ]);
    const cluster = items.find((p) => p.kind === 'cluster' && p.categoryCode === 'roads_water');
    expect(cluster?.areaName).toBeTruthy();
    expect(cluster?.categoryName).toBe('道路水利');
    expect(new Set(cluster?.appeals.map((a) => a.id))).toEqual(new Set(roadsA));
    expect(cluster?.pickedTopicId).toBeNull();
  });

  it('proposes from a town inside the caller’s area, and only the district may ask', async () => {
    const town = await district.session.call(monthlyTopicsApi.proposals, {
      query: { month: '2026-12', areaCode: AREAS.townB },
    });
    expect(town.data.items.map((p) => [p.kind, p.categoryCode, p.areaCode, p.total])).toEqual([
      ['category', 'environment', AREAS.townB, 5],
      ['category', 'roads_water', AREAS.townB, 3],
      ['cluster', 'environment', AREAS.villageB1, 5],
      ['cluster', 'roads_water', AREAS.villageB1, 3],
    ]);
    expect((await townA.session.call(monthlyTopicsApi.proposals, { query: {} })).statusCode).toBe(403);
    expect((await lead.session.call(monthlyTopicsApi.proposals, { query: {} })).statusCode).toBe(403);
  });

  let topicId = '';

  it('the district picks a topic: lead unit, goal, appeals and measures; the outcome is counted', async () => {
    const response = await district.session.call(monthlyTopicsApi.create, {
      body: {
        month: '2026-10',
        areaCode: AREAS.townA,
        categoryCode: 'roads_water',
        title: '甲镇农村道路积水治理',
        leadUnitId: lead.unitId ?? '',
        goalPercent: 30,
        appealIds: roadsA.slice(0, 3),
        measures: [{ text: '排查积水点位', unitId: lead.unitId ?? '', dueDate: '2026-10-31' }],
      },
    });
    expect(response.statusCode, response.response.body).toBe(201);
    topicId = response.data.id;
    expect(response.data).toMatchObject({
      status: 'open',
      leadUnit: { id: lead.unitId, name: expect.any(String) },
      createdBy: '区群工部小周',
      categoryName: '道路水利',
    });
    expect(response.data.appeals.map((a) => a.id).sort()).toEqual(roadsA.slice(0, 3).sort());
    expect(response.data.measures).toMatchObject([{ text: '排查积水点位', done: false, overdue: true }]);
    const told = await world.database.db
      .selectFrom('notifications')
      .select(['recipient', 'message'])
      .where('kind', '=', 'topic.assigned')
      .execute();
    expect(told.map((n) => n.recipient)).toEqual(
      expect.arrayContaining([expect.stringContaining('水利局小陈')]),
    );
    expect(told[0]?.message).toContain('甲镇农村道路积水治理');
    // July 0, August 5, September 2 before; October the topic's month; November still running.
    const { outcome } = response.data;
    expect(outcome.months.map((m) => [m.month, m.phase, m.count, m.partial])).toEqual([
      ['2026-07', 'before', 0, false],
      ['2026-08', 'before', 5, false],
      ['2026-09', 'before', 2, false],
      ['2026-10', 'topic', 3, false],
      ['2026-11', 'after', 6, true],
    ]);
    expect(outcome).toMatchObject({ beforeAverage: 2.33, afterAverage: null, change: null, goalMet: null });
    const again = await district.session.call(monthlyTopicsApi.proposals, {
      query: { month: '2026-10', areaCode: AREAS.townA },
    });
    expect(
      again.data.items.find((p) => p.categoryCode === 'roads_water' && p.kind === 'category')?.pickedTopicId,
    ).toBe(topicId);
  });

  it('once a month after has ended, the outcome compares it and tells whether the goal is met', async () => {
    world.clock.advance(10 * DAY);
    const { outcome } = (await district.session.call(monthlyTopicsApi.get, { params: { id: topicId } })).data;
    expect(outcome.months.at(-2)).toMatchObject({ month: '2026-11', count: 6, partial: false });
    expect(outcome.months.at(-1)).toMatchObject({ month: '2026-12', count: 1, partial: true });
    // 6 a month after against 2.33 before: up 157 %, the goal of 30 % down not met.
    expect(outcome).toMatchObject({ beforeAverage: 2.33, afterAverage: 6, change: 1.571, goalMet: false });
  });

  it('a department sees only the topics it leads; a town only those of its area', async () => {
    const mine = await lead.session.call(monthlyTopicsApi.list, { query: {} });
    expect(mine.data.items.map((t) => t.id)).toEqual([topicId]);
    expect((await lead.session.call(monthlyTopicsApi.get, { params: { id: topicId } })).statusCode).toBe(200);
    expect((await otherDepartment.session.call(monthlyTopicsApi.list, { query: {} })).data.items).toEqual([]);
    expect(
      (await otherDepartment.session.call(monthlyTopicsApi.get, { params: { id: topicId } })).statusCode,
    ).toBe(404);
    expect(
      (await townA.session.call(monthlyTopicsApi.list, { query: {} })).data.items.map((t) => t.id),
    ).toEqual([topicId]);
    expect((await townB.session.call(monthlyTopicsApi.list, { query: {} })).data.items).toEqual([]);
    expect((await townB.session.call(monthlyTopicsApi.get, { params: { id: topicId } })).statusCode).toBe(
      404,
    );
    const picked = await townA.session.call(monthlyTopicsApi.create, {
      body: {
        month: '2026-12',
        areaCode: AREAS.townA,
        categoryCode: 'environment',
        title: '镇级选题',
        leadUnitId: lead.unitId ?? '',
        goalPercent: 10,
      },
    });
    expect(picked.statusCode).toBe(403);
    // The lead's staff report its measure done; another department and a town cannot.
    const [measure] = (await lead.session.call(monthlyTopicsApi.get, { params: { id: topicId } })).data
      .measures;
    const params = { id: topicId, measureId: measure?.id ?? '' };
    const reported = await lead.session.call(monthlyTopicsApi.reportMeasure, {
      params,
      body: { done: true },
    });
    expect(reported.statusCode, reported.response.body).toBe(200);
    expect(reported.data.measures[0]).toMatchObject({ done: true, overdue: false });
    expect(
      (await otherDepartment.session.call(monthlyTopicsApi.reportMeasure, { params, body: { done: true } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await townA.session.call(monthlyTopicsApi.reportMeasure, { params, body: { done: true } })).statusCode,
    ).toBe(403);
    const edited = await lead.session.call(monthlyTopicsApi.update, {
      params: { id: topicId },
      body: { version: 1, title: '部门改题' },
    });
    expect(edited.statusCode).toBe(403);
  });

  it('refuses a second topic of the same month, area and category, a lead that is not a department or town office, and appeals outside the topic', async () => {
    const body = {
      month: '2026-10',
      areaCode: AREAS.townA,
      categoryCode: 'roads_water',
      title: '重复选题',
      leadUnitId: lead.unitId ?? '',
      goalPercent: 20,
    };
    expect((await district.session.call(monthlyTopicsApi.create, { body })).error?.code).toBe(
      'TOPIC_DUPLICATE',
    );
    const committee = await buildUnit(world.database, {
      kind: 'village_committee',
      areaCode: AREAS.villageA1,
    });
    const byCommittee = await district.session.call(monthlyTopicsApi.create, {
      body: { ...body, month: '2026-11', leadUnitId: committee },
    });
    expect(byCommittee.error?.code).toBe('TOPIC_UNIT_INVALID');
    const otherTown = await district.session.call(monthlyTopicsApi.create, {
      body: { ...body, month: '2026-11', appealIds: [roadsB] },
    });
    expect(otherTown.error?.code).toBe('TOPIC_APPEAL_INVALID');
    const otherCategory = await district.session.call(monthlyTopicsApi.update, {
      params: { id: topicId },
      body: { version: 1, appealIds: [environmentA] },
    });
    expect(otherCategory.error?.code).toBe('TOPIC_APPEAL_INVALID');
    const ahead = await district.session.call(monthlyTopicsApi.create, {
      body: { ...body, month: '2027-03' },
    });
    expect(ahead.statusCode).toBe(400);
  });

  it('measures are added and done, the topic closed with its outcome note; a closed topic is not edited', async () => {
    const added = await district.session.call(monthlyTopicsApi.addMeasure, {
      params: { id: topicId },
      body: { text: '硬化通组道路排水沟', unitId: otherDepartment.unitId ?? '', dueDate: '2026-12-31' },
    });
    expect(added.statusCode, added.response.body).toBe(201);
    const measure = added.data.measures.find((m) => m.text === '硬化通组道路排水沟');
    expect(measure).toMatchObject({ done: false, overdue: false });
    const done = await district.session.call(monthlyTopicsApi.updateMeasure, {
      params: { id: topicId, measureId: measure?.id ?? '' },
      body: { done: true },
    });
    expect(done.data.measures.find((m) => m.id === measure?.id)).toMatchObject({
      done: true,
      overdue: false,
    });
    // A measure's change moves the topic's version on: an edit from before it is stale.
    const stale = await district.session.call(monthlyTopicsApi.update, {
      params: { id: topicId },
      body: { version: 1, status: 'done', outcomeNote: '已完成排水改造' },
    });
    expect(stale.error?.code).toBe('VERSION_CONFLICT');
    const closed = await district.session.call(monthlyTopicsApi.update, {
      params: { id: topicId },
      body: { version: done.data.version, status: 'done', outcomeNote: '已完成排水改造' },
    });
    expect(closed.data).toMatchObject({ status: 'done', outcomeNote: '已完成排水改造' });
    expect(closed.data.closedAt).not.toBeNull();
    const late = await district.session.call(monthlyTopicsApi.addMeasure, {
      params: { id: topicId },
      body: { text: '补充措施', unitId: lead.unitId ?? '', dueDate: '2026-12-31' },
    });
    expect(late.error?.code).toBe('TOPIC_DONE');
    const noNote = await district.session.call(monthlyTopicsApi.update, {
      params: { id: topicId },
      body: { version: closed.data.version, status: 'done' },
    });
    expect(noNote.statusCode).toBe(400);
    const audit = await world.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', topicId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'topic.create',
      'topic.measure.update',
      'topic.measure.add',
      'topic.measure.update',
      'topic.close',
    ]);
  });
});
