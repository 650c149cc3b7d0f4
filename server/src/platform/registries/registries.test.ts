import {
  appealsApi,
  assessmentsApi,
  bulletinsApi,
  dashboardApi,
  defaultAssessmentConfig,
  indicatorsApi,
  todosApi,
} from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../test/harness';
import { readPdf } from '../../../test/pdf-text';
import { buildWorld, type Member, type World } from '../../../test/world';
import { IndicatorRegistry } from './indicators';
import { registerTestModule, TEST_INDICATOR, TEST_TODO } from './registries.fixtures';
import { TodoRegistry } from './todos';

/** The rows of each sheet of a workbook, as arrays of cell values. */
async function sheets(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const out = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    out.set(sheet.name, rows);
  });
  return out;
}

const NAME = '留有电话的账号比例';

describe('registries: a module’s indicator and to-do reach the dashboard, the assessment, the bulletin and the bell', () => {
  let t: World;
  let admin: Session;
  let headA: Member;
  let headB: Member;
  let villageCadre: Member;
  let cadreWithPhone: Member;
  let cadreB: Member;

  beforeAll(async () => {
    t = await buildWorld();
    // The test module registers on this app only: another test's app never sees it.
    registerTestModule(t.app.ctx);
    admin = t.admin.session;
    headA = await t.member('town_head', AREAS.townA);
    headB = await t.member('town_head', AREAS.townB);
    // Village A1: one cadre with a phone, one without; village B1: one with a phone.
    cadreWithPhone = await t.member('village_cadre', AREAS.villageA1);
    villageCadre = await t.member('village_cadre', AREAS.villageA1);
    cadreB = await t.member('village_cadre', AREAS.villageB1);
    for (const id of [cadreWithPhone.id, cadreB.id])
      await t.database.db.updateTable('users').set({ phone: '13800000000' }).where('id', '=', id).execute();
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists the indicator with the built-in ones, in both languages, with its surfaces and cohorts', async () => {
    const { statusCode, data } = await headA.session.call(indicatorsApi.list, {});
    expect(statusCode).toBe(200);
    const own = data.find((i) => i.key === TEST_INDICATOR);
    expect(own).toMatchObject({
      name: { 'zh-CN': NAME, en: 'Accounts with a phone on file' },
      kind: 'ratio',
      surfaces: ['dashboard', 'assessment', 'bulletin'],
      cohorts: ['village_cadres'],
      better: 'higher',
      group: { key: 'test' },
    });
    // The built-in indicators come through the same registry.
    const keys = data.map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['responseRate', 'leftPriority', 'appealResolution']));
    expect(data.find((i) => i.key === 'appealResolution')?.cohorts).toHaveLength(4);
    expect(data.find((i) => i.key === 'districtShare')?.better).toBe('lower');
  });

  it('gives its value per child area and for the area on the dashboard', async () => {
    const { statusCode, data } = await headA.session.call(dashboardApi.get, {
      query: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(statusCode).toBe(200);
    // Town A: the town head (no phone) and the two cadres of village A1 (one with a phone).
    expect(data.totals.indicators[TEST_INDICATOR]).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    const a1 = data.children.find((c) => c.areaCode === AREAS.villageA1);
    expect(a1?.indicators[TEST_INDICATOR]).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    // Nothing to count in village A2: no data, not 0 %.
    const a2 = data.children.find((c) => c.areaCode === AREAS.villageA2);
    expect(a2?.indicators[TEST_INDICATOR]).toEqual({ numerator: 0, denominator: 0, value: null });
    // The built-in figures keep their fields, and come keyed too.
    expect(data.totals.indicators.responseRate).toEqual(data.totals.responseRate);
  });

  it('can be weighted for its cohort only, and the computed scores use it', async () => {
    const config = structuredClone(defaultAssessmentConfig);
    config.village_cadres.weights = { [TEST_INDICATOR]: 60, pairedVisited: 40 };
    const saved = await admin.call(assessmentsApi.configure, { params: { year: 2026 }, body: config });
    expect(saved.statusCode, saved.response.body).toBe(200);
    const wrongCohort = structuredClone(defaultAssessmentConfig);
    wrongCohort.town_staff.weights = { [TEST_INDICATOR]: 100 };
    const refused = await admin.call(assessmentsApi.configure, { params: { year: 2027 }, body: wrongCohort });
    expect(refused.statusCode).toBe(400);
    expect(refused.error).toMatchObject({ code: 'ASSESSMENT_INDICATOR_UNKNOWN' });

    expect((await admin.call(assessmentsApi.compute, { params: { year: 2026 } })).statusCode).toBe(200);
    const { data } = await admin.call(assessmentsApi.get, {
      params: { year: 2026 },
      query: { cohort: 'village_cadres' },
    });
    const score = (id: string) => data.scores.find((s) => s.cadreId === id);
    // Nobody is paired: the phone is the only indicator with data, so it makes the whole score.
    expect(score(cadreWithPhone.id)?.breakdown.find((b) => b.indicator === TEST_INDICATOR)).toEqual({
      indicator: TEST_INDICATOR,
      weight: 60,
      value: 1,
      points: 60,
    });
    expect(score(cadreWithPhone.id)?.score).toBe(100);
    expect(score(villageCadre.id)?.score).toBe(0);
    expect(score(cadreWithPhone.id)?.rank).toBe(1);
  });

  it('has its row, its ranking column and its section in the monthly bulletin', async () => {
    const xlsx = await admin.call(bulletinsApi.get, {
      params: { month: '2026-11' },
      query: { format: 'xlsx' },
    });
    expect(xlsx.statusCode).toBe(200);
    const out = await sheets(xlsx.response.rawPayload);
    const headline = out.get('主要指标') ?? [];
    // The district's six accounts (the admin, two town heads, three cadres), two with a phone.
    expect(headline.find((r) => r[0] === NAME)?.slice(1, 4)).toEqual([2, 6, 2 / 6]);
    const ranking = out.get('排名') ?? [];
    const header = ranking[3] ?? [];
    const town = (code: string) => ranking.find((r) => r[1] === code) ?? [];
    expect(town(AREAS.townA)[header.indexOf(NAME)]).toBe(1 / 3);
    expect(town(AREAS.townB)[header.indexOf(NAME)]).toBe(1 / 2);
    // Town B is better on the new figure: ranked first.
    expect(town(AREAS.townB)[header.indexOf(`${NAME}排名`)]).toBe(1);
    expect(town(AREAS.townA)[header.indexOf(`${NAME}排名`)]).toBe(2);

    const pdf = await admin.call(bulletinsApi.get, {
      params: { month: '2026-11' },
      query: { format: 'pdf' },
    });
    expect(pdf.statusCode).toBe(200);
    const lines = readPdf(pdf.response.rawPayload).lines;
    expect(lines).toContain('测试模块');
  });

  it('counts the to-do in each caller’s reach, and leaves it out for a role without its permission', async () => {
    const inA = await headA.session.call(todosApi.list, {});
    expect(inA.statusCode).toBe(200);
    // Town A: its head and one cadre of village A1 have no phone.
    expect(inA.data.find((i) => i.key === TEST_TODO)).toEqual({
      key: TEST_TODO,
      label: '缺少电话的账号',
      count: 2,
      link: '/users?phone=none',
    });
    // Town B: only its head.
    const inB = await headB.session.call(todosApi.list, {});
    expect(inB.data.find((i) => i.key === TEST_TODO)?.count).toBe(1);
    // A village cadre may not read accounts: the to-do is not theirs.
    const cadre = await villageCadre.session.call(todosApi.list, {});
    expect(cadre.statusCode).toBe(200);
    expect(cadre.data.map((i) => i.key)).not.toContain(TEST_TODO);
  });

  it('counts the built-in to-dos: an appeal waiting for acceptance shows in its town, not the other', async () => {
    const created = await villageCadre.session.call(appealsApi.create, {
      body: {
        channel: 'visit',
        categoryCode: 'roads_water',
        villageCode: AREAS.villageA1,
        title: '路灯',
        description: '路灯不亮',
        reporterKind: 'anonymous',
      },
    });
    expect(created.statusCode, created.response.body).toBe(201);
    const waiting = async (s: Session) =>
      (await s.call(todosApi.list, {})).data.find((i) => i.key === 'appeals.awaitingAcceptance');
    expect(await waiting(villageCadre.session)).toMatchObject({
      count: 1,
      link: '/appeals?level=all&queue=unassigned&status=received',
    });
    expect((await waiting(headA.session))?.count).toBe(1);
    expect((await waiting(headB.session))?.count).toBe(0);
    // Tier overrides need the approval permission: a town head has the line, a village cadre not.
    const keys = async (s: Session) => (await s.call(todosApi.list, {})).data.map((i) => i.key);
    expect(await keys(headA.session)).toContain('tiering.overridesPending');
    expect(await keys(villageCadre.session)).not.toContain('tiering.overridesPending');
    expect(await keys(villageCadre.session)).toContain('assistance.visitsOverdue');
  });
});

describe('indicator and to-do registries: what a registration must say', () => {
  const texts = { name: { 'zh-CN': '甲', en: 'A' }, definition: { 'zh-CN': '甲', en: 'A' } };
  const group = { key: 'g', name: { 'zh-CN': '组', en: 'Group' } };

  it('refuses a key registered twice, and a surface without the counts it needs', () => {
    const registry = new IndicatorRegistry();
    const byArea = async () => [];
    registry.register({ key: 'a', ...texts, group, kind: 'ratio', surfaces: ['dashboard'], byArea });
    expect(() =>
      registry.register({ key: 'a', ...texts, group, kind: 'ratio', surfaces: ['dashboard'], byArea }),
    ).toThrow(/twice/);
    expect(() =>
      registry.register({ key: 'b', ...texts, group, kind: 'ratio', surfaces: ['bulletin'] }),
    ).toThrow(/byArea/);
    // The assessment weighs rates per cadre: a count, or a rate without byCadre, cannot be weighted.
    expect(() =>
      registry.register({
        key: 'c',
        ...texts,
        group,
        kind: 'count',
        surfaces: ['assessment'],
        byCadre: async () => new Map(),
      }),
    ).toThrow(/byCadre/);
    expect(registry.list().map((i) => i.key)).toEqual(['a']);
    expect(registry.weighable('a', 'village_cadres')).toBe(false);
  });

  it('keeps one app’s registrations to itself', () => {
    const todos = new TodoRegistry();
    todos.register({ key: 't', label: texts.name, link: '/x', count: async () => 1 });
    expect(() => todos.register({ key: 't', label: texts.name, link: '/x', count: async () => 1 })).toThrow(
      /twice/,
    );
    expect(() => todos.register({ key: 'u', label: texts.name, link: 'x', count: async () => 1 })).toThrow(
      /path/,
    );
    expect(new TodoRegistry().list()).toEqual([]);
  });
});
