import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  areasApi,
  assessmentsApi,
  householdsApi,
  pairingsApi,
  proxyRequestsApi,
  serviceItemsApi,
} from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUnit, buildUser, type Session } from '../../test/harness';
import { householdBody, nextIdNumber } from '../../test/households.fixtures';
import { insertAppeal } from '../../test/records.fixtures';
import { buildWorld, type World } from '../../test/world';
import { SpreadsheetWriter } from './spreadsheet-writer';

// What a spreadsheet reads as a formula when a cell begins with it (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** Every export the server writes, as a district admin downloads it. */
const EXPORTS = [
  '/api/v1/households/export?areaCode=610902000000',
  '/api/v1/household-imports/template',
  '/api/v1/assessments/2026/export',
  '/api/v1/coverage/must-visit/export?from=2026-01-01&to=2026-12-31',
  '/api/v1/bulletins/2026-11?format=xlsx',
  '/api/v1/proxy-requests/export',
];

/** Every cell's text in every sheet; a formula cell is reported as the formula it would run. */
async function cellTexts(body: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (value && typeof value === 'object' && 'formula' in value) texts.push(`=${String(value.formula)}`);
        else if (typeof value === 'string') texts.push(value);
        else if (value && typeof value === 'object' && 'richText' in value)
          texts.push(value.richText.map((r) => r.text).join(''));
      });
    });
  });
  return texts;
}

/** The server's source files that are not tests. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('spreadsheet exports: no cell of any export reads as a formula', () => {
  let t: World;
  let admin: Session;

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
    // Hostile text in every text field people type that an export carries: area names, cadre names,
    // household numbers, heads' and members' names, addresses, income sources, comments, titles.
    for (const [code, name] of [
      [AREAS.townA, '=HYPERLINK("http://evil.example","镇")'],
      [AREAS.villageA1, '+1+1村'],
      [AREAS.groupA1, '-1+1组'],
    ] as const) {
      const area = (await admin.call(areasApi.get, { params: { code } })).data;
      const renamed = await admin.call(areasApi.update, {
        params: { code },
        body: { name, version: area.version },
      });
      expect(renamed.statusCode, renamed.response.body).toBe(200);
    }
    const cadre = await buildUser(t.database, {
      role: 'village_cadre',
      areaCode: AREAS.villageA1,
      name: '@干部',
    });
    const household = await admin.call(householdsApi.create, {
      body: householdBody({
        number: '=1+1',
        address: '=HYPERLINK("http://evil.example","地址")',
        phone: '13912345678',
        members: [
          { name: '=户主()', idNumber: nextIdNumber('1950-05-01', 'male'), relation: 'head' },
          { name: '+成员', idNumber: nextIdNumber('1952-09-12'), relation: 'spouse' },
        ],
        indicators: { year: 2026, totalIncome: 2_000, debt: 0, hardships: [], mainIncomeSource: '-务农' },
      }),
    });
    expect(household.statusCode, household.response.body).toBe(201);
    const pairing = await admin.call(pairingsApi.create, {
      body: { householdId: household.data.id, cadreId: cadre.id, startDate: '2026-11-01' },
    });
    expect(pairing.statusCode, pairing.response.body).toBe(201);
    await insertAppeal(t, AREAS.villageA1, {
      title: '=HYPERLINK("http://evil.example","诉求")',
      handler_id: cadre.id,
      received_at: '2026-11-02T02:00:00.000Z',
      response_due_at: '2026-11-03T02:00:00.000Z',
      resolution_due_at: '2026-11-09T02:00:00.000Z',
    });
    expect((await admin.call(assessmentsApi.compute, { params: { year: 2026 } })).statusCode).toBe(200);
    const commented = await admin.call(assessmentsApi.comment, {
      params: { year: 2026, cadreId: cadre.id },
      body: { comment: '@SUM(1) 走访扎实' },
    });
    expect(commented.statusCode, commented.response.body).toBe(200);
    await buildUnit(t.database, { kind: 'service_station', areaCode: AREAS.villageA1 });
    const item = await admin.call(serviceItemsApi.create, {
      body: {
        areaCode: AREAS.district,
        name: '最低生活保障申请',
        category: 'civil_assistance',
        unitId: await buildUnit(t.database, { kind: 'department', areaCode: AREAS.district }),
        conditions: '家庭人均收入低于当地低保标准',
        materials: [{ name: '居民身份证', form: 'original', count: 1 }],
        steps: ['申请', '审核', '审批'],
        legalDays: 30,
        promisedDays: 15,
        place: '镇便民服务中心',
        hours: '工作日',
        consultationPhone: null,
        proxyAllowed: true,
        onlineUrl: null,
      },
    });
    expect(item.statusCode, item.response.body).toBe(201);
    const itemId = item.data.id;
    const request = await admin.call(proxyRequestsApi.create, {
      body: {
        itemId,
        channel: 'station',
        applicantName: '=HYPERLINK("http://evil.example","代办")',
        phone: '13912345678',
        areaCode: AREAS.villageA1,
      },
    });
    expect(request.statusCode, request.response.body).toBe(201);
  });
  afterAll(() => t.close());

  it('walks every export route and finds each hostile text kept as text', async () => {
    const exportRoutes = t.app.ctx.routes
      .filter((r) => r.method === 'GET' && /\/(export|template)$|^\/api\/v1\/bulletins\//.test(r.url))
      .map((r) => r.url);
    // A new export route joins the walk below.
    expect(exportRoutes.length).toBe(EXPORTS.length);
    for (const url of EXPORTS) {
      const response = await admin.request('GET', url);
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const texts = await cellTexts(response.rawPayload);
      const unsafe = texts.filter((text) => FORMULA_START.test(text));
      expect(unsafe, url).toEqual([]);
      if (!url.endsWith('/template')) {
        // The hostile text did reach the file, neutralized: the check above is not vacuous.
        expect(
          texts.some((text) => /^'[=+\-@]/.test(text)),
          url,
        ).toBe(true);
      }
    }
  });

  it('writes every text cell, header and caption through the one writer, tab and CR included', async () => {
    const chunks: Buffer[] = [];
    const { Writable } = await import('node:stream');
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const workbook = new SpreadsheetWriter(out);
    const sheet = workbook.sheet('表', [{ header: '=header', key: 'a', width: 10 }, { width: 10 }]);
    sheet.add(['\tcmd', '\rcmd']);
    sheet.add({ a: '-2+3' });
    sheet.add(['@x', 42], 'bold');
    sheet.commit();
    await workbook.finish();
    const texts = await cellTexts(Buffer.concat(chunks));
    // (A CR inside a cell comes back as a line feed: XML reads it so.)
    expect(texts).toEqual(["'=header", "'\tcmd", "'\ncmd", "'-2+3", "'@x"]);
    // Only the writer writes workbooks: no other server module imports exceljs.
    const root = join(__dirname, '..');
    const writers = sourceFiles(root).filter((file) => /from 'exceljs'/.test(readFileSync(file, 'utf8')));
    expect(writers.map((file) => relative(root, file))).toEqual(['platform/spreadsheet-writer.ts']);
  });
});
