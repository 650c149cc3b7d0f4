import {
  appealsApi,
  type ContractInput,
  householdsApi,
  type MustVisitCoverage,
  mustGoCoverageApi,
  mustVisitCoverageApi,
  type mustVisitGroups,
} from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, type Session } from '../../../../test/harness';
import { type HouseholdBody, householdBody, nextIdNumber } from '../../../../test/households.fixtures';
import { buildWorld, type World } from '../../../../test/world';
import { newId } from '../../../platform/ids';

type Group = (typeof mustVisitGroups)[number];
type Period = ContractInput<typeof mustVisitCoverageApi.get>['query'];

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** One member beside the head, with what makes a household a must-visit. */
type Member = HouseholdBody['members'][number];

function member(overrides: Partial<Member>): Member {
  return { name: '成员', idNumber: nextIdNumber('1950-01-01', 'male'), relation: 'parent', ...overrides };
}

describe('coverage: must-visit households (五必访) and must-go villages (五必去)', () => {
  let t: World;
  let admin: Session;
  let townHead: Session;
  let villageCadre: Session;
  let cadre1: string;
  let cadre2: string;
  const households = new Map<string, { id: string; areaCode: string; villageCode: string }>();

  const household = async (
    key: string,
    overrides: Partial<HouseholdBody> = {},
    extra: HouseholdBody['members'] = [],
  ) => {
    const body = householdBody(overrides);
    body.members = [...body.members, ...extra];
    const { id, areaCode, villageCode } = (await admin.call(householdsApi.create, { body })).data;
    households.set(key, { id, areaCode, villageCode });
    return { id, areaCode, villageCode };
  };
  const idOf = (key: string) => households.get(key)?.id ?? '';

  /** A visit as the visit route would store it: the visit and a row per cadre on it. */
  const visit = async (
    target: { household: string } | { village: string },
    date: string,
    cadres: string[],
  ) => {
    const h = 'household' in target ? households.get(target.household) : undefined;
    const villageCode = h ? h.villageCode : 'village' in target ? target.village : '';
    const id = newId();
    await t.database.db
      .insertInto('visits')
      .values({
        id,
        household_id: h?.id ?? null,
        village_code: villageCode,
        area_code: h?.areaCode ?? villageCode,
        date,
        kind: 'in_home',
        findings: '入户走访，了解生产生活情况',
        needs: '[]',
        latitude: null,
        longitude: null,
        created_by: cadres[0] ?? '',
        created_at: `${date}T02:00:00.000Z`,
      })
      .execute();
    await t.database.db
      .insertInto('visit_cadres')
      .values(cadres.map((cadre_id) => ({ visit_id: id, cadre_id, date, village_code: villageCode })))
      .execute();
  };

  /**
   * The same figures counted the plain way: every household of the area read one by one, its
   * tags, members and visits looked at in turn.
   */
  const recount = async (prefix: string, period: { from: string; to: string; cadreId?: string }) => {
    const db = t.database.db;
    const all = await db.selectFrom('households').selectAll().execute();
    const out: { id: string; areaCode: string; villageCode: string; groups: Group[]; visited: boolean }[] =
      [];
    for (const h of all) {
      if (h.status !== 'active' || !h.area_code.startsWith(prefix)) continue;
      const tags = (
        await db.selectFrom('household_tags').select('tag_code').where('household_id', '=', h.id).execute()
      ).map((r) => r.tag_code);
      const members = await db.selectFrom('residents').selectAll().where('household_id', '=', h.id).execute();
      const active = members.filter((m) => m.status === 'active');
      const roles = active.flatMap((m) => JSON.parse(m.public_roles) as string[]);
      const groups: Group[] = [];
      if (h.tier === 'priority' || tags.some((tag) => ['dibao', 'tekun', 'monitored'].includes(tag)))
        groups.push('poor');
      if (tags.includes('wubao')) groups.push('wubao');
      const endYear = Number(period.to.slice(0, 4));
      if (
        active.some((m) => m.party_member && m.party_join_year !== null && m.party_join_year <= endYear - 50)
      )
        groups.push('veteran_party');
      if (roles.some((r) => ['party_congress_deputy', 'peoples_congress_deputy', 'cppcc_member'].includes(r)))
        groups.push('deputies');
      if (roles.some((r) => ['village_cadre', 'group_cadre'].includes(r))) groups.push('cadres');
      if (groups.length === 0) continue;
      const visits = await db.selectFrom('visits').selectAll().where('household_id', '=', h.id).execute();
      let visited = false;
      for (const v of visits) {
        if (v.date < period.from || v.date > period.to) continue;
        if (period.cadreId) {
          const on = await db
            .selectFrom('visit_cadres')
            .select('cadre_id')
            .where('visit_id', '=', v.id)
            .where('cadre_id', '=', period.cadreId)
            .executeTakeFirst();
          if (!on) continue;
        }
        visited = true;
      }
      out.push({ id: h.id, areaCode: h.area_code, villageCode: h.village_code, groups, visited });
    }
    return out;
  };

  const expectMatchesRecount = (
    report: MustVisitCoverage,
    counted: Awaited<ReturnType<typeof recount>>,
    childOf: (h: { areaCode: string; villageCode: string }) => string,
  ) => {
    expect(report.total).toBe(counted.length);
    expect(report.visited).toBe(counted.filter((h) => h.visited).length);
    for (const g of report.byGroup) {
      const inGroup = counted.filter((h) => h.groups.includes(g.group));
      expect(g, g.group).toMatchObject({
        total: inGroup.length,
        visited: inGroup.filter((h) => h.visited).length,
      });
    }
    for (const row of report.byArea) {
      const inArea = counted.filter((h) => childOf(h) === row.areaCode);
      expect(row, row.areaCode).toMatchObject({
        total: inArea.length,
        visited: inArea.filter((h) => h.visited).length,
      });
    }
    expect(report.byArea.reduce((n, r) => n + r.total, 0)).toBe(counted.length);
    const missing = counted.filter((h) => !h.visited);
    expect(report.missing.map((m) => m.householdId).sort()).toEqual(missing.map((h) => h.id).sort());
    for (const m of report.missing) {
      expect(m.groups).toEqual(missing.find((h) => h.id === m.householdId)?.groups);
    }
  };

  const mustVisit = async (session: Session, query: Period) => {
    const response = await session.call(mustVisitCoverageApi.get, { query });
    expect(response.statusCode, response.response.body).toBe(200);
    return response.data;
  };
  const mustGo = async (session: Session, query: Period) => {
    const response = await session.call(mustGoCoverageApi.get, { query });
    expect(response.statusCode, response.response.body).toBe(200);
    return response.data;
  };

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
    villageCadre = (await t.member('village_cadre', AREAS.villageA1)).session;
    cadre1 = (await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 })).id;
    cadre2 = (await buildUser(t.database, { role: 'town_staff', areaCode: AREAS.townA })).id;

    const low = { indicators: { year: 2026, totalIncome: 3_000, debt: 0, hardships: [] } };
    await household('dibao', { tags: ['dibao'] });
    await household('priority', low);
    await household('tekunDirect', { areaCode: AREAS.villageA2, tags: ['tekun'] });
    await household('wubao', { areaCode: AREAS.villageA2, tags: ['wubao'] });
    await household('veteran', {}, [member({ partyMember: true, partyJoinYear: 1970 })]);
    await household('youngMember', {}, [member({ partyMember: true, partyJoinYear: 1990 })]);
    await household('deputy', { areaCode: AREAS.villageB1 }, [
      member({ publicRoles: ['peoples_congress_deputy'] }),
    ]);
    await household('groupCadre', {}, [member({ publicRoles: ['group_cadre'] })]);
    await household('ordinary');
    await household('movedVeteran', {}, [
      member({ partyMember: true, partyJoinYear: 1960, status: 'moved_out' }),
    ]);
    await household('many', { areaCode: AREAS.villageB1, tags: ['dibao', 'wubao'] }, [
      member({ partyMember: true, partyJoinYear: 1975, publicRoles: ['village_cadre', 'cppcc_member'] }),
    ]);
    await household('dissolved', { tags: ['dibao'] });
    await t.database.db
      .updateTable('households')
      .set({ status: 'dissolved' })
      .where('id', '=', idOf('dissolved'))
      .execute();

    await visit({ household: 'dibao' }, '2026-03-01', [cadre1]);
    await visit({ household: 'priority' }, '2025-12-31', [cadre2]);
    await visit({ household: 'wubao' }, '2026-06-01', [cadre2, cadre1]);
    await visit({ household: 'veteran' }, '2026-12-31', [cadre2]);
    await visit({ household: 'deputy' }, '2027-01-01', [cadre1]);
    await visit({ household: 'ordinary' }, '2026-05-01', [cadre1]);
    await visit({ household: 'many' }, '2026-01-01', [cadre1]);
    await visit({ household: 'dissolved' }, '2026-02-01', [cadre1]);
  });
  afterAll(() => t.close());

  it('counts the must-visit households of the district by group and town, as a plain recount does', async () => {
    const report = await mustVisit(admin, YEAR);
    const counted = await recount('610902', YEAR);
    expectMatchesRecount(report, counted, (h) => `${h.villageCode.slice(0, 9)}000`);
    expect(report.byArea.map((a) => a.areaCode)).toEqual([AREAS.townA, AREAS.townB]);
    // The fixtures hit every rule once, and leave out the young member, the one moved away and
    // the dissolved household.
    expect(report.total).toBe(8);
    expect(report.visited).toBe(4);
    expect(report.rate).toBe(0.5);
    expect(report.byGroup).toEqual([
      { group: 'poor', total: 4, visited: 2 },
      { group: 'wubao', total: 2, visited: 2 },
      { group: 'veteran_party', total: 2, visited: 2 },
      { group: 'deputies', total: 2, visited: 1 },
      { group: 'cadres', total: 2, visited: 1 },
    ]);
    const deputy = report.missing.find((m) => m.householdId === idOf('deputy'));
    expect(deputy).toMatchObject({ villageName: '东坡村', headName: '张建华', groups: ['deputies'] });
    for (const key of ['youngMember', 'ordinary', 'movedVeteran', 'dissolved']) {
      expect(report.missing.some((m) => m.householdId === idOf(key))).toBe(false);
    }
  });

  it('counts only the visits a named cadre took part in', async () => {
    for (const cadreId of [cadre1, cadre2]) {
      const period = { ...YEAR, cadreId };
      const report = await mustVisit(admin, period);
      expectMatchesRecount(report, await recount('610902', period), (h) => `${h.villageCode.slice(0, 9)}000`);
    }
    const byCompanion = await mustVisit(admin, { ...YEAR, cadreId: cadre1 });
    // cadre1 went along to the 五保 household; the veteran was visited by cadre2 alone.
    expect(byCompanion.missing.some((m) => m.householdId === idOf('wubao'))).toBe(false);
    expect(byCompanion.missing.some((m) => m.householdId === idOf('veteran'))).toBe(true);
    expect(byCompanion.visited).toBe(3);
  });

  it('keeps a town head to their town, by village, and refuses another town', async () => {
    const report = await mustVisit(townHead, YEAR);
    expectMatchesRecount(report, await recount('610902001', YEAR), (h) => h.villageCode);
    expect(report.byArea.map((a) => a.areaCode)).toEqual([AREAS.villageA1, AREAS.villageA2]);
    expect(report.missing.some((m) => m.householdId === idOf('deputy'))).toBe(false);

    const village = await mustVisit(townHead, {
      ...YEAR,
      areaCode: AREAS.villageA2,
    });
    expectMatchesRecount(village, await recount(AREAS.villageA2, YEAR), (h) => h.areaCode);
    // The households of 石梯村 live in no group: the village itself is their row.
    expect(village.byArea).toEqual([
      { areaCode: AREAS.villageA2, areaName: '石梯村', total: 2, visited: 1, rate: 0.5 },
    ]);

    for (const contract of [mustVisitCoverageApi.get, mustGoCoverageApi.get, mustVisitCoverageApi.export]) {
      const outside = await townHead.call(contract, { query: { ...YEAR, areaCode: AREAS.townB } });
      expect(outside.statusCode, contract.path).toBe(400);
      expect(outside.error).toMatchObject({ code: 'AREA_UNKNOWN' });
    }
  });

  it('gives a village cadre their village by group', async () => {
    const report = await mustVisit(villageCadre, YEAR);
    expectMatchesRecount(report, await recount(AREAS.villageA1, YEAR), (h) => h.areaCode);
    expect(report.byArea.map((a) => a.areaCode)).toEqual([AREAS.groupA1]);
  });

  it('is for roles that read assistance', async () => {
    const cppcc = (await t.member('cppcc_member', AREAS.district)).session;
    expect((await cppcc.call(mustVisitCoverageApi.get, { query: YEAR })).statusCode).toBe(403);
    const auditor = (await t.member('auditor', AREAS.district)).session;
    expect((await auditor.call(mustGoCoverageApi.get, { query: YEAR })).statusCode).toBe(200);
  });

  it('exports the figures by town and every household not visited, and audits the export', async () => {
    const { statusCode, response } = await admin.call(mustVisitCoverageApi.export, { query: YEAR });
    expect(statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent('五必访走访情况-汉滨区-2026-01-01至2026-12-31.xlsx'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('覆盖情况');
    const values = (sheet: ExcelJS.Worksheet | undefined, row: number) =>
      ((sheet?.getRow(row).values as unknown[]) ?? []).slice(1);
    expect(values(summary, 1)).toEqual(['区域', '区划代码', '应访户数', '已访户数', '走访率']);
    expect(values(summary, 2)).toEqual(['关庙镇', AREAS.townA, 6, 3, '50.0%']);
    expect(values(summary, 3)).toEqual(['张滩镇', AREAS.townB, 2, 1, '50.0%']);
    expect(values(summary, 4)).toEqual(['汉滨区合计', AREAS.district, 8, 4, '50.0%']);
    expect(values(summary, 6)).toEqual(['困难群众', undefined, 4, 2, '50.0%']);

    const missing = workbook.getWorksheet('未走访户');
    const report = await mustVisit(admin, YEAR);
    expect(missing?.rowCount).toBe(1 + report.missing.length);
    const rows = [];
    for (let r = 2; r <= (missing?.rowCount ?? 0); r++) rows.push(values(missing, r));
    expect(rows).toEqual(
      report.missing.map((m) => [
        m.villageName,
        m.number,
        m.headName,
        m.groups
          .map(
            (g) =>
              ({
                poor: '困难群众',
                wubao: '五保户',
                veteran_party: '老党员',
                deputies: '两代一委',
                cadres: '村组干部',
              })[g],
          )
          .join('、'),
      ]),
    );

    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'coverage.export')
      .executeTakeFirstOrThrow();
    expect(audit.area_code).toBe(AREAS.district);
    expect(JSON.parse(audit.after_json ?? '{}')).toMatchObject({ total: 8, missing: 4 });
  });

  it('lists the must-go villages by flag, disaster period and appeal count, with their village visits', async () => {
    const db = t.database.db;
    await db.updateTable('areas').set({ remote: true }).where('code', '=', AREAS.villageA1).execute();
    await db
      .updateTable('areas')
      .set({ disaster_hit: true, disaster_from: '2026-07-01', disaster_to: '2026-08-01' })
      .where('code', '=', AREAS.villageA2)
      .execute();
    // A disaster over before the period began does not count.
    await db
      .updateTable('areas')
      .set({ disaster_hit: true, disaster_from: '2025-01-01', disaster_to: '2025-03-01' })
      .where('code', '=', AREAS.villageB1)
      .execute();
    await visit({ village: AREAS.villageA2 }, '2026-05-05', [cadre1]);
    await visit({ village: AREAS.villageA2 }, '2026-07-05', [cadre2]);
    await visit({ village: AREAS.villageA1 }, '2025-05-05', [cadre1]);

    let report = await mustGo(admin, YEAR);
    expect(report).toMatchObject({ total: 2, visited: 1, rate: 0.5 });
    expect(report.villages).toEqual([
      {
        villageCode: AREAS.villageA1,
        villageName: '大同村',
        townName: '关庙镇',
        reasons: ['remote'],
        visits: 0,
        lastVisitDate: '2025-05-05',
      },
      {
        villageCode: AREAS.villageA2,
        villageName: '石梯村',
        townName: '关庙镇',
        reasons: ['disaster_hit'],
        visits: 2,
        lastVisitDate: '2026-07-05',
      },
    ]);

    // Many petitions: the threshold comes from the assistance settings.
    await db
      .insertInto('settings')
      .values({
        key: 'assistance',
        value: JSON.stringify({ manyPetitionsThreshold: 2 }),
        updated_at: '2026-11-22T00:00:00.000Z',
        updated_by: null,
      })
      .execute();
    for (let i = 0; i < 2; i++) {
      const appeal = await admin.call(appealsApi.create, {
        body: {
          channel: 'hotline',
          categoryCode: 'roads_water',
          villageCode: AREAS.villageB1,
          title: '村道坑洼',
          description: '村道坑洼难行，雨天积水。',
          reporterKind: 'anonymous',
        },
      });
      expect(appeal.statusCode, appeal.response.body).toBe(201);
    }
    report = await mustGo(admin, YEAR);
    expect(report.villages.map((v) => [v.villageCode, v.reasons])).toEqual([
      [AREAS.villageA1, ['remote']],
      [AREAS.villageA2, ['disaster_hit']],
      [AREAS.villageB1, ['many_petitions']],
    ]);
    // Appeals of 2026-11 are more than 12 months before the end of a period in 2028.
    const later = await mustGo(admin, { from: '2028-01-01', to: '2028-01-31' });
    expect(later.villages.map((v) => v.villageCode)).toEqual([AREAS.villageA1]);

    const byCadre = await mustGo(admin, { ...YEAR, cadreId: cadre2 });
    expect(byCadre.villages.find((v) => v.villageCode === AREAS.villageA2)).toMatchObject({
      visits: 1,
      lastVisitDate: '2026-07-05',
    });
    expect(byCadre.villages.find((v) => v.villageCode === AREAS.villageA1)).toMatchObject({
      visits: 0,
      lastVisitDate: null,
    });

    const town = await mustGo(townHead, YEAR);
    expect(town.villages.map((v) => v.villageCode)).toEqual([AREAS.villageA1, AREAS.villageA2]);
  });
});
