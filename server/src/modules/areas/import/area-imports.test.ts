import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AreaImportPlan, areaImportsApi, auditApi, householdsApi, pathOf } from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../../test/harness';
import { buildHousehold } from '../../../../test/households.fixtures';
import { buildWorld, type World } from '../../../../test/world';
import { scopeOf } from '../../../platform/scope';
import { checkAreaFile } from './area-import-plan';

const FIXTURE = readFileSync(
  fileURLToPath(new URL('../../../../test/fixtures/areas-610902.csv', import.meta.url)),
);

const csv = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');

async function xlsx(rows: string[][], ...more: string[][][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [i, sheetRows] of [rows, ...more].entries()) {
    const sheet = workbook.addWorksheet(`区划${i + 1}`);
    for (const row of sheetRows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('area import', () => {
  let t: World;
  let admin: Session;
  // The file goes up as the raw request body, which a contract call does not send: by address.
  const upload = async (file: Buffer, dryRun = true, session = admin) => {
    const response = await session.request(
      'POST',
      `/api/v1${pathOf(areaImportsApi.upload)}?dryRun=${dryRun}&fileName=areas.csv`,
      file,
      { 'content-type': 'application/octet-stream' },
    );
    expect(response.statusCode, response.body).toBe(200);
    return AreaImportPlan.parse(response.json());
  };
  const areaCount = async () => (await t.database.db.selectFrom('areas').select('code').execute()).length;
  const auditCount = async () => (await t.database.db.selectFrom('audit_log').select('seq').execute()).length;

  beforeAll(async () => {
    t = await buildWorld();
    admin = t.admin.session;
  });
  afterAll(() => t.close());

  it('reads a sheet with a title row and Chinese headers, and a dry run writes nothing', async () => {
    const before = await areaCount();
    const plan = await upload(FIXTURE);
    expect(plan).toMatchObject({ dryRun: true, applied: false, rows: 4, problemCount: 0 });
    expect(plan.summary).toEqual({ create: 3, rename: 0, unchanged: 1 });
    expect(plan.items.map((i) => [i.row, i.code, i.kind, i.parentCode, i.action])).toEqual([
      [3, '610902000000', 'district', null, 'unchanged'],
      [4, '610902003000', 'town', '610902000000', 'create'],
      [5, '610902003001', 'village', '610902003000', 'create'],
      [6, '610902003201', 'village', '610902003000', 'create'],
    ]);
    expect(await areaCount()).toBe(before);
  });

  it('writes the plan, and the same file again changes nothing', async () => {
    const before = await areaCount();
    const applied = await upload(FIXTURE, false);
    expect(applied).toMatchObject({ applied: true, summary: { create: 3 } });
    expect(await areaCount()).toBe(before + 3);
    const audits = await auditCount();
    const again = await upload(FIXTURE, false);
    expect(again.summary).toEqual({ create: 0, rename: 0, unchanged: 4 });
    expect(await areaCount()).toBe(before + 3);
    expect(await auditCount()).toBe(audits);
  });

  it('reads English headers from an .xlsx and derives each level from its code', async () => {
    const file = await xlsx([
      ['code', 'name', 'level'],
      ['610902004000', '新城街道', ''],
      ['610902004001', '新城社区', '社区'],
      ['610902004001001', '第一网格', ''],
    ]);
    const plan = await upload(file, false);
    expect(plan.problems).toEqual([]);
    expect(plan.items.map((i) => [i.row, i.kind, i.parentCode])).toEqual([
      [2, 'town', '610902000000'],
      [3, 'village', '610902004000'],
      [4, 'group', '610902004001'],
    ]);
    const group = await t.database.db
      .selectFrom('areas')
      .selectAll()
      .where('code', '=', '610902004001001')
      .executeTakeFirstOrThrow();
    expect(group).toMatchObject({ kind: 'group', parent_code: '610902004001', name: '第一网格' });
  });

  it('reads groups from a second sheet, passing over a sheet without a header', async () => {
    const file = await xlsx(
      [
        ['代码', '名称'],
        ['610902006000', '东风镇'],
        ['610902006201', '红星村'],
      ],
      [['说明：组的代码为村代码加三位']],
      [
        ['村民小组'],
        ['代码', '名称'],
        ['610902006201001', '一组'],
        ['610902006201001', '重复组'],
        ['610902006201002', ''],
      ],
    );
    const plan = await upload(file);
    expect(plan.problems.map((p) => [p.sheet, p.row, p.problem])).toEqual([
      [3, 4, 'row.duplicateCode'],
      [3, 5, 'row.nameMissing'],
    ]);
    expect(plan.items.map((i) => [i.sheet, i.row, i.kind])).toEqual([
      [1, 2, 'town'],
      [1, 3, 'village'],
      [3, 3, 'group'],
    ]);
  });

  it('reports every bad row with its number and writes nothing when any row is wrong', async () => {
    const before = await areaCount();
    const plan = await upload(
      csv([
        '代码,名称,级别',
        '610902005000,新镇,镇',
        '610902009001,无主村,', // its town 009 is neither in the file nor in the tree
        '61090200500,短码,', // 11 digits
        '610902000001,无镇村,', // a village without a town
        '610902005000,新镇重复,',
        '610902005002,,',
        '610902005003,错级村,街道',
      ]),
      false,
    );
    expect(plan.applied).toBe(false);
    expect(plan.problems.map((p) => [p.row, p.problem])).toEqual([
      [3, 'row.parentMissing'],
      [4, 'row.codeMalformed'],
      [5, 'row.codeMalformed'],
      [6, 'row.duplicateCode'],
      [7, 'row.nameMissing'],
      [8, 'row.levelMismatch'],
    ]);
    expect(plan.problems[3]).toMatchObject({ params: { first: 2 } });
    expect(plan.problems[0]?.message).toContain('610902009000');
    expect(await areaCount()).toBe(before);
  });

  it('answers a file without the code and name columns as a whole-file problem', async () => {
    const plan = await upload(csv(['编号,单位', '610902005000,新镇']));
    expect(plan.problems).toMatchObject([{ row: 0, problem: 'file.missingHeaders' }]);
  });

  it('renames a village in place: its code, households and history stay', async () => {
    const household = await buildHousehold(admin, { areaCode: AREAS.groupA1 });
    const plan = await upload(csv(['代码,名称', `${AREAS.villageA1},大同社区`]), false);
    expect(plan.items).toMatchObject([{ action: 'rename', previousName: '大同村', name: '大同社区' }]);
    const village = await t.database.db
      .selectFrom('areas')
      .selectAll()
      .where('code', '=', AREAS.villageA1)
      .executeTakeFirstOrThrow();
    expect(village).toMatchObject({ name: '大同社区', kind: 'village', version: 2 });
    const still = await admin.call(householdsApi.get, { params: { id: household.id } });
    expect(still.data).toMatchObject({ id: household.id, areaCode: AREAS.groupA1 });
    const audit = await admin.call(auditApi.list, { query: { action: 'area.update' } });
    expect(audit.data.items).toMatchObject([{ objectId: AREAS.villageA1 }]);
  });

  it('is for those who manage areas, and reaches only their subtree', async () => {
    const head = await t.member('town_head', AREAS.townA);
    const file = csv(['代码,名称', `${AREAS.townB.slice(0, 9)}201,外镇村`]);
    const response = await head.session.request('POST', `/api/v1${pathOf(areaImportsApi.upload)}`, file, {
      'content-type': 'text/csv',
    });
    expect(response.statusCode).toBe(403);
    const plan = await checkAreaFile(t.database.db, scopeOf({ code: AREAS.townA, kind: 'town' }), file);
    expect(plan.problems).toMatchObject([{ row: 2, problem: 'row.outsideScope' }]);
  });

  it('checks and writes 3,000 rows in well under a few seconds', async () => {
    const lines = ['代码,名称'];
    for (let town = 10; town < 20; town++) {
      lines.push(`610902${String(town).padStart(3, '0')}000,镇${town}`);
      for (let village = 1; village < 300; village++) {
        lines.push(
          `610902${String(town).padStart(3, '0')}${String(village).padStart(3, '0')},村${town}-${village}`,
        );
      }
    }
    const file = csv(lines);
    const started = performance.now();
    const checked = await upload(file, true);
    const checkedMs = performance.now() - started;
    const applied = await upload(file, false);
    const totalMs = performance.now() - started;
    expect(checked.summary.create).toBe(3000);
    expect(applied).toMatchObject({ applied: true, summary: { create: 3000 } });
    console.info(
      `area import, 3,000 rows: dry run ${Math.round(checkedMs)} ms, with write ${Math.round(totalMs)} ms`,
    );
    expect(totalMs).toBeLessThan(3000);
  });
});
