import {
  publicServiceCentresApi,
  publicServiceItemsApi,
  type ServiceItemsCreateBody,
  serviceCentresApi,
  serviceItemsApi,
  unitsApi,
  villagePageApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous } from '../../../../test/harness';
import { buildWorld, type Member, type World } from '../../../../test/world';
import { getServiceItemGuide } from '../index';

describe('service catalogue (便民服务事项清单) and centres (便民服务中心/站)', () => {
  let t: World;
  let townHead: Member;
  let otherTownHead: Member;
  let cadre: Member;
  let stationHead: Member;
  let otherStationHead: Member;
  let agent: Member;
  let civilAffairs: string;
  let townCentre: string;

  const guide = (over: Partial<ServiceItemsCreateBody> = {}): ServiceItemsCreateBody => ({
    areaCode: AREAS.district,
    name: '最低生活保障申请',
    category: 'civil_assistance',
    unitId: civilAffairs,
    conditions: '家庭人均收入低于当地低保标准，且家庭财产状况符合规定的本区户籍居民。',
    materials: [
      { name: '居民身份证', form: 'original_and_copy', count: 1, notes: '家庭成员每人一份' },
      { name: '户口簿', form: 'original_and_copy', count: 1 },
    ],
    steps: ['申请', '受理', '审核', '审批', '公示'],
    legalDays: 30,
    promisedDays: 20,
    place: '各镇便民服务中心民政窗口',
    hours: '工作日 9:00-12:00 14:00-17:30',
    consultationPhone: '0915-3212345',
    proxyAllowed: true,
    onlineUrl: null,
    keywords: 'zdshbzsq 低保 dibao',
    ...over,
  });

  beforeAll(async () => {
    t = await buildWorld();
    const unit = await t.admin.session.call(unitsApi.create, {
      body: { kind: 'department', name: '汉滨区民政局', areaCode: AREAS.district },
    });
    expect(unit.statusCode, unit.response.body).toBe(201);
    civilAffairs = unit.data.id;
    const centre = await t.admin.session.call(unitsApi.create, {
      body: {
        kind: 'service_station',
        name: '关庙镇便民服务中心',
        areaCode: AREAS.townA,
        phone: '0915-3210001',
      },
    });
    townCentre = centre.data.id;
    townHead = await t.member('town_head', AREAS.townA);
    otherTownHead = await t.member('town_head', AREAS.townB);
    cadre = await t.member('village_cadre', AREAS.villageA1);
    stationHead = await t.member('station_head', AREAS.villageA1, { name: '王站长' });
    agent = await t.member('service_agent', AREAS.villageA1, { name: '赵代办', unitId: stationHead.unitId });
    otherStationHead = await t.member('station_head', AREAS.villageA2);
  });
  afterAll(() => t.close());

  it('keeps every version of a guide: an update writes version 2, version 1 stays readable', async () => {
    const created = await t.admin.session.call(serviceItemsApi.create, { body: guide() });
    expect(created.statusCode, created.response.body).toBe(201);
    expect(created.data).toMatchObject({
      currentVersion: 1,
      version: 1,
      editable: true,
      unitName: '汉滨区民政局',
    });
    const id = created.data.id;
    const updated = await t.admin.session.call(serviceItemsApi.update, {
      params: { id },
      body: { ...guide({ promisedDays: 15 }), areaCode: undefined, version: 1 } as never,
    });
    expect(updated.statusCode, updated.response.body).toBe(200);
    expect(updated.data).toMatchObject({ currentVersion: 2, promisedDays: 15 });
    expect(updated.data.versions.map((v) => v.versionNo)).toEqual([2, 1]);
    const old = await cadre.session.call(serviceItemsApi.version, { params: { id, no: 1 } });
    expect(old.data).toMatchObject({ versionNo: 1, current: false, guide: { promisedDays: 20 } });
    // A stale version is refused and writes nothing.
    const stale = await t.admin.session.call(serviceItemsApi.update, {
      params: { id },
      body: { ...guide({ promisedDays: 10 }), areaCode: undefined, version: 1 } as never,
    });
    expect(stale.error).toMatchObject({ code: 'VERSION_CONFLICT' });
    // The face B's requests use: the guide as it was at the version a request was made on.
    expect(await getServiceItemGuide(t.app.ctx.db, id, 1)).toMatchObject({ promisedDays: 20, versionNo: 1 });
    expect(await getServiceItemGuide(t.app.ctx.db, id)).toMatchObject({ promisedDays: 15, versionNo: 2 });
  });

  it("lets a town head add and edit its own local items only, never the district's or another town's", async () => {
    const district = await t.admin.session.call(serviceItemsApi.create, {
      body: guide({ name: '高龄津贴申领' }),
    });
    const local = await townHead.session.call(serviceItemsApi.create, {
      body: guide({
        areaCode: AREAS.townA,
        name: '关庙镇茶园补助申请',
        unitId: townCentre,
        keywords: 'gmzcybzsq',
      }),
    });
    expect(local.statusCode, local.response.body).toBe(201);
    const edit = (m: Member, id: string, version: number) =>
      m.session.call(serviceItemsApi.update, {
        params: { id },
        body: { ...guide({ unitId: local.data.unitId }), areaCode: undefined, version } as never,
      });
    // The district's list is read by the town, not edited: not found among what the town manages.
    expect((await edit(townHead, district.data.id, 1)).statusCode).toBe(404);
    expect((await edit(otherTownHead, local.data.id, 1)).statusCode).toBe(404);
    const ownEdit = await edit(townHead, local.data.id, 1);
    expect(ownEdit.statusCode, ownEdit.response.body).toBe(200);
    expect(
      (await otherTownHead.session.call(serviceItemsApi.create, { body: guide({ areaCode: AREAS.townA }) }))
        .error,
    ).toMatchObject({ code: 'AREA_UNKNOWN' });
    expect((await townHead.session.call(serviceItemsApi.create, { body: guide() })).error).toMatchObject({
      code: 'AREA_UNKNOWN',
    });
    // The district list reads the same for the other town, which never sees town A's local item.
    const seen = await otherTownHead.session.call(serviceItemsApi.list, { query: {} });
    expect(seen.data.items.map((i) => i.id)).toContain(district.data.id);
    expect(seen.data.items.map((i) => i.id)).not.toContain(local.data.id);
    // The handling unit must be an active handling unit: a village committee is not one.
    const committee = await t.admin.session.call(unitsApi.create, {
      body: { kind: 'village_committee', name: '大同村村民委员会', areaCode: AREAS.villageA1 },
    });
    expect(
      (await t.admin.session.call(serviceItemsApi.create, { body: guide({ unitId: committee.data.id }) }))
        .error,
    ).toMatchObject({ code: 'UNIT_UNKNOWN' });
  });

  it('searches by name, keyword and pinyin initials, by category and proxy, and hides deactivated items', async () => {
    const pension = await t.admin.session.call(serviceItemsApi.create, {
      body: guide({
        name: '城乡居民养老保险参保登记',
        category: 'social_insurance',
        proxyAllowed: false,
        keywords: 'cxjmylbxcbdj 养老 社保',
      }),
    });
    const search = async (query: Record<string, unknown>) =>
      (await cadre.session.call(serviceItemsApi.list, { query: query as never })).data.items.map(
        (i) => i.name,
      );
    expect(await search({ q: '养老保险' })).toEqual(['城乡居民养老保险参保登记']);
    expect(await search({ q: 'CXJM' })).toEqual(['城乡居民养老保险参保登记']);
    expect(await search({ q: '低保' })).toContain('最低生活保障申请');
    expect(await search({ q: '低保' })).not.toContain('城乡居民养老保险参保登记');
    expect(await search({ category: 'social_insurance' })).toEqual(['城乡居民养老保险参保登记']);
    expect(await search({ proxyAllowed: 'false' })).toEqual(['城乡居民养老保险参保登记']);
    expect(await search({ q: '100%' })).toEqual([]);
    // The total counts every match, whether the page is full (counted) or not (the page is all).
    const all = (await cadre.session.call(serviceItemsApi.list, { query: {} as never })).data;
    const first = (await cadre.session.call(serviceItemsApi.list, { query: { limit: 1 } as never })).data;
    const last = (await cadre.session.call(serviceItemsApi.list, { query: { offset: 1 } as never })).data;
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(1);
    expect([first.total, last.total, first.items.length]).toEqual([all.total, all.total, 1]);
    const off = await t.admin.session.call(serviceItemsApi.deactivate, {
      params: { id: pension.data.id },
      body: { version: 1 },
    });
    expect(off.data.active).toBe(false);
    expect(await search({ q: '养老' })).toEqual([]);
    expect(await search({ q: '养老', active: 'false' })).toEqual(['城乡居民养老保险参保登记']);
    const pub = await anonymous(t.app).call(publicServiceItemsApi.get, { params: { id: pension.data.id } });
    expect(pub.statusCode).toBe(404);
  });

  it("puts a week's roster: the station's own head, not another station's; today's duty shows on the centre", async () => {
    const station = stationHead.unitId as string;
    const weekStart = '2026-11-16';
    const body = {
      weekStart,
      duties: [
        { date: '2026-11-17', name: '陈值班', phone: '0915-3219999', note: '下午外出代办' },
        { date: '2026-11-22', userId: agent.id },
      ],
    };
    expect(
      (await otherStationHead.session.call(serviceCentresApi.putRoster, { params: { id: station }, body }))
        .statusCode,
    ).toBe(404);
    expect(
      (await cadre.session.call(serviceCentresApi.putRoster, { params: { id: station }, body })).statusCode,
    ).toBe(403);
    const put = await stationHead.session.call(serviceCentresApi.putRoster, {
      params: { id: station },
      body,
    });
    expect(put.statusCode, put.response.body).toBe(200);
    expect(put.data.duties.map((d) => d.name)).toEqual(['陈值班', '赵代办']);
    const notMonday = await stationHead.session.call(serviceCentresApi.putRoster, {
      params: { id: station },
      body: { ...body, weekStart: '2026-11-17' },
    });
    expect(notMonday.statusCode).toBe(400);
    const outsider = await stationHead.session.call(serviceCentresApi.putRoster, {
      params: { id: station },
      body: { weekStart, duties: [{ date: '2026-11-17', userId: otherStationHead.id }] },
    });
    expect(outsider.statusCode).toBe(400);
    // The test clock's today (Sunday 2026-11-22 in China) is in the roster's week.
    const got = await stationHead.session.call(serviceCentresApi.get, { params: { id: station }, query: {} });
    expect(got.statusCode, got.response.body).toBe(200);
    expect(got.data).toMatchObject({ weekStart, todayDuty: ['赵代办'], canPutRoster: true, canEdit: true });
    expect(got.data.week).toHaveLength(2);
    expect(got.data.staff.map((s) => s.name).sort()).toEqual(['王站长', '赵代办'].sort());
  });

  it('updates a profile and its items with a version; the station head edits only their own', async () => {
    const station = stationHead.unitId as string;
    const items = await cadre.session.call(serviceItemsApi.list, { query: { q: '低保' } });
    const itemIds = items.data.items.map((i) => i.id);
    const body = {
      intro: '大同村便民服务站',
      hoursText: '周一至周五 8:30-17:30',
      holidayHoursText: '节假日预约代办',
      itemIds,
      version: 0,
    };
    const saved = await stationHead.session.call(serviceCentresApi.update, { params: { id: station }, body });
    expect(saved.statusCode, saved.response.body).toBe(200);
    expect(saved.data).toMatchObject({
      version: 1,
      itemCount: itemIds.length,
      hoursText: '周一至周五 8:30-17:30',
    });
    const again = await stationHead.session.call(serviceCentresApi.update, { params: { id: station }, body });
    expect(again.error).toMatchObject({ code: 'VERSION_CONFLICT' });
    const byTown = await townHead.session.call(serviceCentresApi.update, {
      params: { id: station },
      body: { ...body, version: 1 },
    });
    expect(byTown.statusCode, byTown.response.body).toBe(200);
    expect(
      (await otherTownHead.session.call(serviceCentresApi.update, { params: { id: station }, body }))
        .statusCode,
    ).toBe(404);
    const list = await townHead.session.call(serviceCentresApi.list, { query: {} });
    expect(list.data.items.map((c) => c.unitId).sort()).toEqual(
      [townCentre, station, otherStationHead.unitId as string].sort(),
    );
  });

  it('tells the public names, hours and office phones only, never an account or its mobile', async () => {
    const station = stationHead.unitId as string;
    const open = anonymous(t.app);
    const centres = await open.call(publicServiceCentresApi.list, { query: { areaCode: AREAS.villageA1 } });
    expect(centres.statusCode, centres.response.body).toBe(200);
    expect(centres.data.items.map((c) => c.id).sort()).toEqual([townCentre, station].sort());
    const one = await open.call(publicServiceCentresApi.get, { params: { id: station } });
    expect(one.data.todayDuty).toEqual([{ name: '赵代办', phone: null }]);
    const raw = JSON.stringify(one.response.json());
    expect(raw).not.toContain(agent.id);
    expect(raw).not.toContain(agent.username);
    expect(raw).not.toMatch(/"1[3-9]\d{9}"/);
    const items = await open.call(publicServiceItemsApi.list, { query: { q: '低保' } });
    expect(items.data.items[0]).toEqual({
      id: expect.any(String),
      name: '最低生活保障申请',
      category: 'civil_assistance',
      unitName: '汉滨区民政局',
      promisedDays: 15,
      proxyAllowed: true,
    });
    const printable = await open.call(publicServiceItemsApi.get, {
      params: { id: items.data.items[0]?.id ?? '' },
    });
    expect(printable.data.guide.materials).toHaveLength(2);
    expect(JSON.stringify(printable.response.json())).not.toContain('keywords');
  });

  it("shows the village's own station on its page, and its town's centre where it has none", async () => {
    const open = anonymous(t.app);
    const page = await open.call(villagePageApi.get, { params: { code: AREAS.villageA1 } });
    const section = page.data.sections.find((s) => s.key === 'services');
    expect(section?.data).toMatchObject({ stations: [{ name: expect.any(String), todayDuty: ['赵代办'] }] });
    const other = await open.call(villagePageApi.get, { params: { code: AREAS.villageB1 } });
    expect(other.data.sections.find((s) => s.key === 'services')).toBeUndefined();
    const a2 = await open.call(villagePageApi.get, { params: { code: AREAS.villageA2 } });
    const a2Section = a2.data.sections.find((s) => s.key === 'services');
    expect(a2Section?.data).toMatchObject({ stations: [{ id: otherStationHead.unitId }] });
  });
});
