import {
  type AnyContract,
  type Appeal,
  appealActionsApi,
  appealsApi,
  type BulletinsGetQuery,
  bulletinsApi,
  dashboardApi,
  type Household,
  householdsApi,
} from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, type CallResult, type Session } from '../../../../test/harness';
import { householdBody } from '../../../../test/households.fixtures';
import { readPdf } from '../../../../test/pdf-text';
import { buildWorld, type World } from '../../../../test/world';
import { newId } from '../../../platform/ids';

const HOUR = 3_600_000;

/** The rows of a sheet as arrays of cell values (1-based columns dropped to 0-based). */
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
  return { workbook, out };
}

describe('monthly bulletin (月度通报): the month’s figures, rankings, overdue appeals and unvisited households', () => {
  let t: World;
  let admin: Session;
  let townHead: Session;
  const cadres: Record<string, Session> = {};
  const codes: Record<string, string> = {};
  const households: Record<string, Household> = {};

  const appeal = async (key: string, village: string) => {
    const created = await (cadres[village] as Session).call(appealsApi.create, {
      body: {
        channel: 'visit',
        categoryCode: 'roads_water',
        villageCode: village,
        title: '道路损坏',
        description: '村道塌方',
        reporterKind: 'anonymous',
      },
    });
    expect(created.statusCode, created.response.body).toBe(201);
    const body = created.data;
    codes[key] = body.trackingCode;
    return body;
  };
  /** An action on an appeal, which must succeed. */
  const done = async <C extends AnyContract>(call: Promise<CallResult<C>>) => {
    const response = await call;
    expect(response.statusCode, response.response.body).toBe(200);
    return response.data;
  };
  const accept = (session: Session, a: Appeal) =>
    done(session.call(appealActionsApi.accept, { params: { id: a.id }, body: { version: a.version } }));
  const resolve = (session: Session, a: Appeal) =>
    done(
      session.call(appealActionsApi.resolve, {
        params: { id: a.id },
        body: { version: a.version, resolution: '已修复' },
      }),
    );
  const household = async (key: string, areaCode: string) => {
    const body = householdBody({
      areaCode,
      indicators: { year: 2026, totalIncome: 3_000, debt: 0, hardships: [] },
    });
    // The shared fixture's body, read by the contract: typed, and checked to be one it accepts.
    const response = await admin.call(householdsApi.create, { body: body });
    expect(response.statusCode, response.response.body).toBe(201);
    households[key] = response.data;
  };
  const visit = async (key: string, date: string, cadreId: string) => {
    const h = households[key];
    if (!h) throw new Error(key);
    await t.database.db
      .insertInto('visits')
      .values({
        id: newId(),
        household_id: h.id,
        village_code: h.villageCode,
        area_code: h.areaCode,
        date,
        kind: 'in_home',
        findings: '入户走访',
        needs: '[]',
        latitude: null,
        longitude: null,
        created_by: cadreId,
        created_at: `${date}T02:00:00.000Z`,
      })
      .execute();
  };
  const get = (
    session: Session,
    month: string,
    query: Partial<BulletinsGetQuery> = {},
    headers: Record<string, string> = {},
  ) => session.call(bulletinsApi.get, { params: { month }, query }, headers);

  /** Fresh sessions: the clock moves on by days, past a session's idle limit. */
  const signInAll = async () => {
    admin = (await t.member('district_admin', AREAS.district)).session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
    for (const village of [AREAS.villageA1, AREAS.villageA2, AREAS.villageB1]) {
      cadres[village] = (await t.member('village_cadre', village)).session;
    }
  };

  beforeAll(async () => {
    // The clock starts at 2026-11-22 16:00 in China.
    t = await buildWorld();
    await signInAll();
    const cadre = await buildUser(t.database, { role: 'village_cadre', areaCode: AREAS.villageA1 });

    // Appeals of roads_water: 24 hours to respond, 7 days to resolve.
    await appeal('untouched', AREAS.villageA1);
    const cadreA1 = () => cadres[AREAS.villageA1] as Session;
    const cadreA2 = () => cadres[AREAS.villageA2] as Session;
    const accepted = await accept(cadreA2(), await appeal('escalatedLater', AREAS.villageA2));
    await appeal('otherTown', AREAS.villageB1);
    await resolve(cadreA1(), await appeal('resolvedAtOnce', AREAS.villageA1));
    const late = await accept(cadreA1(), await appeal('resolvedLater', AREAS.villageA1));
    t.clock.advance(6 * 24 * HOUR); // 2026-11-28 16:00
    await signInAll();
    await appeal('neverAccepted', AREAS.villageA1);

    // Must-visit households (连心户): one visited this year, one last year only, one never.
    await household('visited', AREAS.groupA1);
    await household('visitedLastYear', AREAS.groupA1);
    await household('neverVisited', AREAS.villageA2);
    await visit('visited', '2026-03-10', cadre.id);
    await visit('visitedLastYear', '2025-12-20', cadre.id);

    // After the month's end (2026-12-03 10:00): one appeal escalated, one resolved.
    t.clock.advance(4 * 24 * HOUR + 18 * HOUR);
    await signInAll();
    await done(
      cadreA2().call(appealActionsApi.escalate, {
        params: { id: accepted.id },
        body: { version: accepted.version, reason: '需镇里协调' },
      }),
    );
    await resolve(cadreA1(), late);
  });
  afterAll(() => t.close());

  it('gives a district’s bulletin as a workbook: headline figures, towns ranked, overdue at the month’s end, households not visited', async () => {
    const { response } = await get(admin, '2026-11');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(String(response.headers['content-disposition'])).toContain(
      encodeURIComponent('月度通报-汉滨区-2026-11.xlsx'),
    );
    const { out } = await sheets(response.rawPayload);
    expect([...out.keys()]).toEqual(['主要指标', '排名', '逾期诉求', '五必访未走访户']);

    const headline = out.get('主要指标') ?? [];
    expect(headline[0]?.[0]).toBe('汉滨区 2026 年 11 月 群众工作月度通报');
    expect(headline.find((r) => r[0] === '期内受理诉求')?.[3]).toBe(6);
    // Two of six resolved (one after the month's end: the dashboard counts an appeal's outcome now).
    expect(headline.find((r) => r[0] === '解决率')?.slice(1, 4)).toEqual([2, 6, 2 / 6]);
    expect(headline.find((r) => r[0] === '满意率')?.slice(1, 4)).toEqual([0, 0, '无数据']);
    expect(headline.find((r) => r[0] === '五必访走访率（年初至今）')?.slice(1, 4)).toEqual([1, 3, 1 / 3]);

    const ranking = out.get('排名') ?? [];
    const header = ranking[3] ?? [];
    const col = (name: string) => header.indexOf(name);
    const town = (name: string) => ranking.find((r) => r[0] === name) ?? [];
    // Town A resolved 2 of 5, town B 0 of 1: first and second.
    expect(town('关庙镇')[col('解决率')]).toBe(0.4);
    expect(town('关庙镇')[col('解决率计数')]).toBe('2/5');
    expect(town('关庙镇')[col('解决率排名')]).toBe(1);
    expect(town('张滩镇')[col('解决率')]).toBe(0);
    expect(town('张滩镇')[col('解决率排名')]).toBe(2);
    // Nothing rated: no data, not 0 %, and no rank.
    expect(town('关庙镇')[col('满意率')]).toBe('无数据');
    expect(town('关庙镇')[col('满意率排名')]).toBe('—');

    const overdue = out.get('逾期诉求') ?? [];
    expect(overdue[1]?.[0]).toBe('截至月末（2026-11-30 24:00）逾期未办的诉求');
    const byCode = (key: string) => overdue.find((r) => r[0] === codes[key]);
    // Received 11-22 16:00, due to resolve 11-29 16:00: 32 hours late at the month's end.
    expect(byCode('untouched')).toEqual([
      codes.untouched,
      '大同村',
      '道路水利',
      '村级',
      '大同村',
      '2026-11-22 16:00',
      '2026-11-29 16:00',
      '超期未办结',
      2,
    ]);
    // Escalated after the month's end: still the village's at the time.
    expect(byCode('escalatedLater')?.slice(3, 5)).toEqual(['村级', '石梯村']);
    // Resolved after the month's end: open at the time.
    expect(byCode('resolvedLater')).toBeDefined();
    // Received 11-28 16:00 and never accepted: late to respond, not yet to resolve.
    expect(byCode('neverAccepted')?.slice(6)).toEqual(['2026-11-29 16:00', '超期未受理', 2]);
    expect(byCode('otherTown')?.slice(1, 2)).toEqual(['东坡村']);
    expect(byCode('resolvedAtOnce')).toBeUndefined();

    const missing = out.get('五必访未走访户') ?? [];
    const numbers = missing.map((r) => r[1]);
    expect(numbers).toContain(households.visitedLastYear?.number);
    expect(numbers).toContain(households.neverVisited?.number);
    expect(numbers).not.toContain(households.visited?.number);
    expect(missing.find((r) => r[1] === households.visitedLastYear?.number)?.slice(2)).toEqual([
      '张建华',
      '困难群众',
      '2025-12-20',
    ]);
    expect(missing.find((r) => r[1] === households.neverVisited?.number)?.[4]).toBe('无走访记录');
  });

  it('lists the current month’s overdue appeals as of now and says so', async () => {
    const { response } = await get(admin, '2026-12');
    expect(response.statusCode, response.body).toBe(200);
    const overdue = (await sheets(response.rawPayload)).out.get('逾期诉求') ?? [];
    expect(overdue[1]?.[0]).toBe('截至生成时（2026-12-03 10:00）仍逾期的诉求');
    const listed = overdue.slice(4).map((r) => r[0]);
    expect(listed).toEqual(expect.arrayContaining([codes.untouched, codes.neverAccepted, codes.otherTown]));
    // Escalated with fresh deadlines, and resolved: not overdue now.
    expect(listed).not.toContain(codes.escalatedLater);
    expect(listed).not.toContain(codes.resolvedLater);
    // 11-29 16:00 to 12-03 10:00 is three days and 18 hours: four days.
    expect(overdue.find((r) => r[0] === codes.untouched)?.[8]).toBe(4);
  });

  it('writes the bulletin as an A4 PDF with the Chinese font embedded as a subset', async () => {
    const { response } = await get(admin, '2026-11', { format: 'pdf' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const body = response.rawPayload;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.length).toBeLessThan(400_000);
    const pdf = readPdf(body);
    expect(pdf.fonts.some((f) => /^[A-Z]{6}\+NotoSansHans-Regular$/.test(f))).toBe(true);
    expect(pdf.fonts.some((f) => /^[A-Z]{6}\+NotoSansHans-Bold$/.test(f))).toBe(true);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    const text = pdf.lines.join('\n');
    expect(pdf.lines).toContain('汉滨区 2026 年 11 月 群众工作月度通报');
    expect(text).toContain('一、主要指标');
    expect(text).toContain('关庙镇');
    expect(text).toContain(codes.untouched);
    expect(text).toContain('无数据');
    expect(text).toContain(households.neverVisited?.number);
    expect(text).not.toContain(households.visited?.number);
    expect(pdf.lines).toContain(`第 1 页 / 共 ${pdf.pages} 页`);
  });

  it('speaks the caller’s language', async () => {
    const english = { 'accept-language': 'en' };
    const { response } = await get(admin, '2026-11', { format: 'xlsx' }, english);
    expect(response.statusCode, response.body).toBe(200);
    const { out } = await sheets(response.rawPayload);
    expect([...out.keys()]).toEqual(['Indicators', 'Rankings', 'Overdue appeals', 'Not visited']);
    const pdf = (await get(admin, '2026-11', { format: 'pdf' }, english)).response;
    expect(readPdf(pdf.rawPayload).lines).toContain('汉滨区 2026-11 Monthly mass-work bulletin');
  });

  it('gives a town head the town’s bulletin, with its villages ranked and only its appeals', async () => {
    const { response } = await get(townHead, '2026-11');
    expect(response.statusCode, response.body).toBe(200);
    const { out } = await sheets(response.rawPayload);
    expect((out.get('排名') ?? []).slice(4).map((r) => r[0])).toEqual(['大同村', '石梯村']);
    const listed = (out.get('逾期诉求') ?? []).map((r) => r[0]);
    expect(listed).toContain(codes.untouched);
    expect(listed).not.toContain(codes.otherTown);
  });

  it('answers a town head asking for a sibling town as the dashboard does, and refuses a village cadre', async () => {
    const sibling = await get(townHead, '2026-11', { areaCode: AREAS.townB });
    const dashboard = await townHead.call(dashboardApi.get, {
      query: { areaCode: AREAS.townB, from: '2026-11-01', to: '2026-11-30' },
    });
    expect(sibling.statusCode).toBe(dashboard.statusCode);
    expect(sibling.error).toMatchObject({ code: 'AREA_UNKNOWN' });
    expect((await get(cadres[AREAS.villageA1] as Session, '2026-11')).statusCode).toBe(403);
    const auditor = (await t.member('auditor', AREAS.district)).session;
    expect((await get(auditor, '2026-11', { areaCode: AREAS.villageA1, format: 'pdf' })).statusCode).toBe(
      200,
    );
  });

  it('refuses a malformed month, a month not yet begun and an unknown format, naming the field', async () => {
    const naming = (field: string) => ({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ path: field })],
    });
    for (const month of ['2026-13', '2026-1', '0000-01', '2027-01']) {
      const response = await get(admin, month);
      expect(response.statusCode, month).toBe(400);
      expect(response.error, month).toMatchObject(naming('params.month'));
    }
    // A format the contract cannot express: sent as it is.
    const docx = await admin.request('GET', '/api/v1/bulletins/2026-11?format=docx');
    expect(docx.statusCode).toBe(400);
    expect(docx.json()).toMatchObject({ error: naming('querystring.format') });
  });

  it('audits every export with its area, month and format', async () => {
    const before = await t.database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'bulletin.export')
      .execute();
    expect((await get(townHead, '2026-11', { format: 'pdf' })).statusCode).toBe(200);
    const entries = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'bulletin.export')
      .orderBy('seq')
      .execute();
    expect(entries.length).toBe(before.length + 1);
    const last = entries.at(-1);
    expect(last).toMatchObject({ object_type: 'bulletin', object_id: '2026-11', area_code: AREAS.townA });
    expect(JSON.parse(last?.after_json ?? '{}')).toMatchObject({ format: 'pdf' });
  });
});
