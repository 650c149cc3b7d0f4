import { type DisclosurePublishBody, disclosuresApi, todosApi, villagePageApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, login } from '../../../../test/harness';
import { buildWorld, type Member, type World } from '../../../../test/world';

describe('village affairs disclosure (村务公开): due dates, overdue flags and reach', () => {
  let t: World;
  let cadre: Member;
  let sibling: Member;
  let town: Member;
  let otherTown: Member;

  /** Moves the test clock to an instant (forwards or back), signing everyone in again at that time. */
  const at = async (iso: string) => {
    t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
    for (const member of [cadre, sibling, town, otherTown, t.admin])
      member.session = await login(t.app, member.username);
  };
  const publish = (member: Member, body: Partial<DisclosurePublishBody>) =>
    member.session.call(disclosuresApi.publish, {
      body: {
        villageCode: AREAS.villageA1,
        category: 'finance',
        period: '2026-11',
        title: '2026年11月村级财务收支公开',
        content: '本月收入 12,000.00 元（集体资产租赁），支出 8,350.00 元（村道维修、办公）。',
        ...body,
      },
    });
  const scheduleOf = async (member: Member, villageCode: string, year = 2026) => {
    const answer = await member.session.call(disclosuresApi.schedule, { query: { villageCode, year } });
    expect(answer.statusCode, answer.response.body).toBe(200);
    return answer.data;
  };

  beforeAll(async () => {
    t = await buildWorld();
    cadre = await t.member('village_cadre', AREAS.villageA1, { name: '李文书' });
    sibling = await t.member('village_cadre', AREAS.villageA2);
    town = await t.member('town_staff', AREAS.townA);
    otherTown = await t.member('town_staff', AREAS.townB);
  });
  afterAll(() => t.close());

  it('makes a month due by the 10th of the next at 24:00 China time: the last second is on time, the next is late', async () => {
    await at('2026-12-10T15:59:59.000Z');
    const onTime = await publish(cadre, {});
    expect(onTime.statusCode, onTime.response.body).toBe(201);
    expect(onTime.data).toMatchObject({ dueAt: '2026-12-10T16:00:00.000Z', onTime: true, period: '2026-11' });
    await at('2026-12-10T16:00:00.000Z');
    const late = await publish(sibling, { villageCode: AREAS.villageA2 });
    expect(late.data).toMatchObject({ dueAt: '2026-12-10T16:00:00.000Z', onTime: false });
  });

  it('makes a quarter due by the 10th of the month after it, across the new year', async () => {
    await at('2026-12-20T02:00:00.000Z');
    const q4 = await publish(cadre, {
      category: 'general',
      period: '2026-Q4',
      title: '2026年第四季度村务公开',
    });
    expect(q4.statusCode, q4.response.body).toBe(201);
    expect(q4.data.dueAt).toBe('2027-01-10T16:00:00.000Z');
  });

  it('takes a period only once it has begun in China time, and only in the shape of its category', async () => {
    // 23:59:59 on 30 November in China: December has not begun.
    await at('2026-11-30T15:59:59.000Z');
    expect((await publish(cadre, { period: '2026-12' })).error).toMatchObject({
      code: 'DISCLOSURE_PERIOD_INVALID',
    });
    await at('2026-11-30T16:00:00.000Z');
    expect((await publish(cadre, { period: '2026-12' })).statusCode).toBe(201);
    // General affairs by quarter, finances by month (quarterly only where the district allows it).
    expect((await publish(cadre, { category: 'general', period: '2026-11' })).error).toMatchObject({
      code: 'DISCLOSURE_PERIOD_INVALID',
    });
    expect((await publish(cadre, { period: '2026-Q3' })).error).toMatchObject({
      code: 'DISCLOSURE_PERIOD_INVALID',
    });
    expect((await publish(cadre, { category: 'major', period: '2026-11' })).error).toMatchObject({
      code: 'DISCLOSURE_PERIOD_INVALID',
    });
  });

  it('lets a village publish its finances quarterly only once the district allows it', async () => {
    await at('2026-12-01T02:00:00.000Z');
    const current = await scheduleOf(t.admin, AREAS.villageB1);
    const quarterly = { version: current.version, financeCadence: 'quarterly' as const, startsOn: null };
    const refused = await t.admin.session.call(disclosuresApi.updateSchedule, {
      params: { villageCode: AREAS.villageB1 },
      body: quarterly,
    });
    expect(refused.error).toMatchObject({ code: 'DISCLOSURE_CADENCE_NOT_ALLOWED' });
    // A town may not change the district's rules; the district admin may.
    const settings = { financeQuarterlyAllowed: true, dueDay: 10, majorWithinDays: 5 };
    expect((await town.session.call(disclosuresApi.updateSettings, { body: settings })).statusCode).toBe(403);
    expect((await t.admin.session.call(disclosuresApi.updateSettings, { body: settings })).statusCode).toBe(
      200,
    );
    const changed = await t.admin.session.call(disclosuresApi.updateSchedule, {
      params: { villageCode: AREAS.villageB1 },
      body: quarterly,
    });
    expect(changed.statusCode, changed.response.body).toBe(200);
    expect(changed.data.financeCadence).toBe('quarterly');
    // The finance lines are quarters now: Q1–Q4 of 2026.
    expect(changed.data.items.filter((i) => i.category === 'finance').map((i) => i.period)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    const stale = await t.admin.session.call(disclosuresApi.updateSchedule, {
      params: { villageCode: AREAS.villageB1 },
      body: quarterly,
    });
    expect(stale.error).toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('flags what is past due to the town, in its list and its bell, until it is published (late)', async () => {
    await at('2026-12-15T02:00:00.000Z');
    // Village A1 counts from October: October's finances were due on 10 November and never came.
    const set = await cadre.session.call(disclosuresApi.updateSchedule, {
      params: { villageCode: AREAS.villageA1 },
      body: { version: 0, financeCadence: 'monthly', startsOn: '2026-10-01' },
    });
    expect(set.statusCode, set.response.body).toBe(200);
    const items = set.data.items;
    expect(items.find((i) => i.category === 'finance' && i.period === '2026-10')).toMatchObject({
      state: 'overdue',
      dueAt: '2026-11-10T16:00:00.000Z',
    });
    expect(items.find((i) => i.period === '2026-11')).toMatchObject({ state: 'on_time' });
    // December's was published on its first day (the period test above): early is on time.
    expect(items.find((i) => i.period === '2026-12')).toMatchObject({ state: 'on_time' });
    expect(items.find((i) => i.period === '2026-Q4')).toMatchObject({ state: 'on_time' });
    // Periods before the schedule's start are not asked for.
    expect(items.some((i) => i.period === '2026-09' || i.period === '2026-Q3')).toBe(false);

    const late = await town.session.call(disclosuresApi.late, {});
    const a1Late = late.data.items.filter((i) => i.villageCode === AREAS.villageA1);
    expect(a1Late).toEqual([
      expect.objectContaining({ category: 'finance', period: '2026-10', daysLate: 34 }),
    ]);
    const bell = async (member: Member) =>
      (await member.session.call(todosApi.list, {})).data.find((x) => x.key === 'disclosures.overdue')
        ?.count ?? 0;
    const before = await bell(town);
    expect(before).toBe(late.data.items.length);
    // Another town's staff never see town A's villages.
    const other = await otherTown.session.call(disclosuresApi.late, {});
    expect(other.data.items.every((i) => i.villageCode.startsWith(AREAS.townB.slice(0, 9)))).toBe(true);

    const published = await publish(cadre, { period: '2026-10', title: '2026年10月村级财务收支公开' });
    expect(published.data.onTime).toBe(false);
    expect((await scheduleOf(town, AREAS.villageA1)).items.find((i) => i.period === '2026-10')).toMatchObject(
      {
        state: 'published_late',
      },
    );
    expect(await bell(town)).toBe(before - 1);
  });

  it("refuses another village's or town's records: 404, and an unknown area for a village outside", async () => {
    await at('2026-12-15T02:00:00.000Z');
    const mine = (await cadre.session.call(disclosuresApi.list, { query: { villageCode: AREAS.villageA1 } }))
      .data;
    expect(mine.total).toBeGreaterThan(0);
    const id = mine.items[0]?.id ?? '';
    expect((await sibling.session.call(disclosuresApi.get, { params: { id } })).statusCode).toBe(404);
    expect((await otherTown.session.call(disclosuresApi.get, { params: { id } })).statusCode).toBe(404);
    expect((await town.session.call(disclosuresApi.get, { params: { id } })).statusCode).toBe(200);
    const schedule = await sibling.session.call(disclosuresApi.schedule, {
      query: { villageCode: AREAS.villageA1 },
    });
    expect(schedule.error).toMatchObject({ code: 'AREA_UNKNOWN' });
    expect((await publish(sibling, { period: '2026-12' })).error).toMatchObject({ code: 'AREA_UNKNOWN' });
    const listed = await sibling.session.call(disclosuresApi.list, {
      query: { villageCode: AREAS.villageA1 },
    });
    expect(listed.data.total).toBe(0);
    const put = await otherTown.session.call(disclosuresApi.updateSchedule, {
      params: { villageCode: AREAS.villageA1 },
      body: { version: 1, financeCadence: 'monthly', startsOn: null },
    });
    expect(put.statusCode).toBe(404);
  });

  it('shows the archive on the village page, with what is overdue and no ID number or phone', async () => {
    await at('2026-12-15T02:00:00.000Z');
    await publish(cadre, {
      category: 'major',
      period: '2026-12-14',
      title: '关于二组宅基地调整的公开',
      content:
        '经村民代表会议表决通过。涉及农户王建国（身份证号 610902199001011234），联系电话 13912345678。',
    });
    const page = await anonymous(t.app).call(villagePageApi.get, { params: { code: AREAS.villageA1 } });
    expect(page.statusCode, page.response.body).toBe(200);
    const section = page.data.sections.find((s) => s.key === 'disclosures');
    expect(section?.key).toBe('disclosures');
    if (section?.key !== 'disclosures') return;
    expect(section.data.items.map((i) => i.period)).toEqual(
      expect.arrayContaining(['2026-11', '2026-Q4', '2026-12-14']),
    );
    expect(section.data.overdue).toBe(0);
    const text = page.response.body;
    expect(text).not.toMatch(/(?<![\da-f-])\d{17}[\dXx](?![\da-f])/i);
    expect(text).not.toMatch(/(?<![\da-f-])1[3-9]\d{9}(?![\da-f])/i);
    expect(text).not.toContain('publishedBy');
    // Numbers a cadre wrote into the text reach residents masked.
    const major = section.data.items.find((i) => i.period === '2026-12-14');
    expect(major?.content).toContain('610902********1234');
    expect(major?.content).toContain('139****5678');
  });
});
