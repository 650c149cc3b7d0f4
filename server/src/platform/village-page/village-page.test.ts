import {
  appealsApi,
  contactPointsApi,
  publicAppealsApi,
  usersApi,
  type VillagePageResponse,
  type VillageSectionData,
  type VillageSectionKey,
  villagePageApi,
  visitsApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, buildUser, type Session } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';
import { act, staffBody } from '../../modules/appeals/appeals.fixtures';
import { newId } from '../ids';

const CADRE_PHONE = '13900001234';
const REPORTER_PHONE = '13812345678';

describe('the village page: sections the modules contribute', () => {
  let t: World;
  let cadre: Session;
  let resident: ReturnType<typeof anonymous>;
  const page = (code: string) => resident.call(villagePageApi.get, { params: { code } });
  const section = <K extends VillageSectionKey>(p: VillagePageResponse, key: K) =>
    p.sections.find((s) => s.key === key) as { key: K; data: VillageSectionData<K> };

  beforeAll(async () => {
    t = await buildWorld();
    resident = anonymous(t.app);
    // A test module's own section, between the appeals (10) and the contacts (20); it has
    // something to show in one village only.
    t.app.ctx.villageSections.register({
      key: 'x-test',
      order: 15,
      load: async (_db, village) => (village.code === AREAS.villageA1 ? { village: village.name } : null),
    });
    // A section whose loader fails: the rest of the page is still shown.
    t.app.ctx.villageSections.register({
      key: 'x-broken',
      order: 30,
      load: async () => {
        throw new Error('this section fails');
      },
    });

    const member = await t.member('village_cadre', AREAS.villageA1, { name: '王村干' });
    cadre = member.session;
    await t.admin.session.call(usersApi.update, {
      params: { id: member.id },
      body: { phone: CADRE_PHONE, version: 1 },
    });
    await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.groupA1, name: '李网格' });
    await buildUser(t.database, {
      role: 'village_cadre',
      areaCode: AREAS.villageA1,
      name: '赵离任',
      disabled: true,
    });
    await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA2, name: '钱邻村' });

    const leader = await t.member('district_staff', AREAS.district, { name: '孙书记', rank: 'leader' });
    const point = await t.admin.session.call(contactPointsApi.create, {
      body: { leaderId: leader.id, villageCode: AREAS.villageA1, startDate: '2026-03-01' },
    });
    expect(point.statusCode, point.response.body).toBe(201);
    const reception = await leader.session.call(visitsApi.create, {
      body: {
        id: newId(),
        villageCode: AREAS.villageA1,
        date: '2026-10-15',
        kind: 'reception_day',
        findings: '接访群众三人，反映道路和饮水问题',
      },
    });
    expect(reception.statusCode, reception.response.body).toBe(201);

    // Three appeals this year in the village: one resolved and rated satisfied, one rated
    // unsatisfied (which reopens it), one open; and one in the sibling village.
    for (const rating of ['satisfied', 'unsatisfied'] as const) {
      const created = await cadre.call(appealsApi.create, {
        body: staffBody({ reporterPhone: REPORTER_PHONE }),
      });
      let appeal = created.data;
      appeal = (await act(cadre, appeal, 'accept')).data;
      appeal = (await act(cadre, appeal, 'resolve', { resolution: '已回填硬化' })).data;
      const rated = await resident.call(publicAppealsApi.rate, {
        body: { trackingCode: appeal.trackingCode, phoneLast4: REPORTER_PHONE.slice(-4), rating },
      });
      expect(rated.statusCode, rated.response.body).toBe(200);
    }
    await cadre.call(appealsApi.create, { body: staffBody({ title: '路灯不亮' }) });
    await t.admin.session.call(appealsApi.create, { body: staffBody({ villageCode: AREAS.villageA2 }) });
  });
  afterAll(() => t.close());

  it('shows the sections of the appeals and assistance modules and a test module, in order', async () => {
    const answer = await page(AREAS.villageA1);
    expect(answer.statusCode, answer.response.body).toBe(200);
    expect(answer.response.headers['cache-control']).toBe('public, max-age=60');
    const p = answer.data;
    expect(p.village).toEqual({
      code: AREAS.villageA1,
      name: '大同村',
      town: { code: AREAS.townA, name: '关庙镇' },
    });
    expect(p.sections.map((s) => s.key)).toEqual(['appeals', 'x-test', 'contacts']);
    expect(p.sections.find((s) => s.key === 'x-test')?.data).toEqual({ village: '大同村' });
    expect(section(p, 'appeals').data).toEqual({
      year: 2026,
      received: 3,
      resolved: 1,
      rated: 2,
      satisfactionRate: 0.5,
    });
    const contacts = section(p, 'contacts').data;
    expect(contacts.cadres).toEqual([
      { name: '王村干', role: 'village_cadre', groupName: null },
      { name: '李网格', role: 'village_cadre', groupName: '一组' },
    ]);
    expect(contacts.leaders).toEqual([
      {
        name: '孙书记',
        role: 'district_staff',
        rank: 'leader',
        since: '2026-03-01',
        lastReceptionOn: '2026-10-15',
      },
    ]);
  });

  it('leaves out a section with nothing to show', async () => {
    const p = (await page(AREAS.villageA2)).data;
    expect(p.sections.map((s) => s.key)).toEqual(['appeals', 'contacts']);
    expect(section(p, 'appeals').data).toMatchObject({ received: 1, resolved: 0, satisfactionRate: null });
    expect(section(p, 'contacts').data).toEqual({
      cadres: [{ name: '钱邻村', role: 'village_cadre', groupName: null }],
      leaders: [],
    });
  });

  it('refuses a second section under a key already taken', () => {
    expect(() =>
      t.app.ctx.villageSections.register({ key: 'appeals', order: 1, load: async () => null }),
    ).toThrow(/registered twice/);
  });

  it('shows a new appeal at once, though pages are kept a minute', async () => {
    const before = (await page(AREAS.villageB1)).data;
    expect(section(before, 'appeals').data.received).toBe(0);
    await t.admin.session.call(appealsApi.create, { body: staffBody({ villageCode: AREAS.villageB1 }) });
    const after = (await page(AREAS.villageB1)).data;
    expect(section(after, 'appeals').data.received).toBe(1);
  });

  it('is documented in the OpenAPI document, its sections included', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    const answer = JSON.stringify(doc.paths['/api/v1/public/villages/{code}']?.get?.responses['200']);
    for (const field of ['sections', 'cadres', 'leaders', 'satisfactionRate'])
      expect(answer).toContain(field);
  });

  it('answers 404 for a code that is not a village', async () => {
    for (const code of ['610902001999', AREAS.townA, AREAS.district]) {
      const answer = await page(code);
      expect(answer.statusCode).toBe(404);
      expect(answer.error.code).toBe('NOT_FOUND');
    }
    expect((await resident.request('GET', `/api/v1/public/villages/${AREAS.groupA1}`)).statusCode).toBe(400);
  });

  it('shows no personal data: no phone number, no resident, no appeal', async () => {
    const body = (await page(AREAS.villageA1)).response.body;
    for (const secret of [
      CADRE_PHONE,
      REPORTER_PHONE,
      REPORTER_PHONE.slice(-4),
      '王大爷',
      '村口道路塌陷',
      '接访群众',
    ]) {
      expect(body).not.toContain(secret);
    }
    expect(body).not.toContain('赵离任');
  });
});
