import { HouseholdImport, householdImportsApi, householdsApi, importLimits, pathOf } from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../../test/harness';
import { nextIdNumber } from '../../../../test/households.fixtures';
import { buildWorld, type World } from '../../../../test/world';

// Rosters as village offices keep them (民情台账), built as Excel writes them: a merged title and
// 填报单位 above a header of one or two rows, 序号 and 备注 columns, no village column, a hidden
// column, a totals and signature block below the data, several sheets, ID numbers typed as numbers.

type Cell = string | number | null;

interface Shape {
  title?: boolean;
  twoRowHeader?: boolean;
  /** Drop the village column: a one-village roster. */
  noVillage?: boolean;
  hiddenColumn?: boolean;
  footer?: boolean;
  /** Sheets before the roster: a cover note, or another roster. */
  before?: { name: string; rows: Cell[][] }[];
  sheetName?: string;
}

const id = (birth: string) => nextIdNumber(birth);

/** A 民情台账 sheet: `rows` are [户号, 姓名, 身份证号, 与户主关系, 联系电话, 家庭年收入, 备注]. */
async function ledger(rows: Cell[][], shape: Shape = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const extra of shape.before ?? []) {
    const sheet = workbook.addWorksheet(extra.name);
    for (const r of extra.rows) sheet.addRow(r);
  }
  const sheet = workbook.addWorksheet(shape.sheetName ?? '民情台账');
  const village = shape.noVillage ? [] : ['村（社区）'];
  const names = [
    '序号',
    ...village,
    '户号',
    '姓名',
    '身份证号码',
    '与户主关系',
    '联系电话',
    '家庭年收入',
    '备注',
  ];
  const width = names.length;
  const last = String.fromCharCode(64 + width);
  if (shape.title) {
    sheet.addRow(['大同村民情台账（2026 年）']);
    sheet.mergeCells(`A1:${last}1`);
    sheet.addRow(['填报单位：关庙镇大同村村委会', null, null, null, '填报日期：2026年3月1日']);
  }
  if (shape.twoRowHeader) {
    // A group row above the real names; names outside the groups merged down over both rows.
    const top = names.map((n) => (n === '联系电话' ? '联系方式' : n === '家庭年收入' ? '家庭经济情况' : n));
    const start = sheet.rowCount + 1;
    sheet.addRow(top);
    sheet.addRow(names.map((n) => (n === '联系电话' || n === '家庭年收入' ? n : null)));
    names.forEach((n, i) => {
      const col = String.fromCharCode(65 + i);
      if (n !== '联系电话' && n !== '家庭年收入') sheet.mergeCells(`${col}${start}:${col}${start + 1}`);
    });
  } else {
    sheet.addRow(names);
  }
  rows.forEach((r, i) => {
    const [number, name, idNumber, relation, phone, income, note] = r;
    sheet.addRow([
      i + 1,
      ...(shape.noVillage ? [] : ['大同村']),
      number,
      name,
      idNumber,
      relation,
      phone,
      income,
      note,
    ]);
  });
  if (shape.hiddenColumn) sheet.getColumn(1).hidden = true;
  if (shape.footer) {
    sheet.addRow([]);
    sheet.addRow(['合计', null, `${rows.length} 人`]);
    sheet.addRow(['填表人：王会计', null, null, '审核人：李书记']);
    sheet.addRow(['说明：本表每年三月更新一次']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('roster import of the files village offices keep', () => {
  let t: World;
  let cadre: Session;
  let townStaff: Session;
  const read = async (session: Session, importId: string) =>
    (await session.call(householdImportsApi.get, { params: { id: importId } })).data;
  const upload = async (session: Session, file: Buffer, query = '', fileName = '台账.xlsx') => {
    const response = await session.request(
      'POST',
      `/api/v1${pathOf(householdImportsApi.upload)}?fileName=${encodeURIComponent(fileName)}${query}`,
      file,
      { 'content-type': 'application/octet-stream' },
    );
    expect(response.statusCode, response.body).toBe(202);
    await t.app.ctx.jobs.drain();
    return read(session, HouseholdImport.parse(response.json()).id);
  };
  const commit = async (session: Session, importId: string, validOnly?: 'true') => {
    const response = await session.call(householdImportsApi.commit, {
      params: { id: importId },
      query: validOnly ? { validOnly } : {},
    });
    expect(response.statusCode, response.response.body).toBe(202);
    await t.app.ctx.jobs.drain();
    return read(session, importId);
  };
  const household = async (number: string) =>
    (await cadre.call(householdsApi.list, { query: { q: number } })).data.items.find(
      (h) => h.number === number,
    );

  beforeAll(async () => {
    t = await buildWorld();
    cadre = (await t.member('village_cadre', AREAS.villageA1)).session;
    townStaff = (await t.member('town_staff', AREAS.townA)).session;
  });
  afterAll(() => t.close());

  it('takes a one-village 台账 with a merged title, a 备注 column and no village column, for the cadre’s village', async () => {
    const file = await ledger(
      [
        ['S001', '王大山', id('1962-04-10'), '户主', '13900001111', '18000', '低保户'],
        ['S001', '刘桂兰', id('1964-08-02'), '妻子', '', '', ''],
        ['S002', '陈红', id('1980-12-12'), '户主', '', '36000', '外出务工'],
      ],
      { title: true, noVillage: true, footer: true },
    );
    const checked = await upload(cadre, file);
    expect(checked).toMatchObject({
      status: 'ready',
      errorCount: 0,
      summary: { rows: 3, households: { create: 2 }, residents: { create: 3 }, rowsWithErrors: 0 },
      layout: { headerRows: [3], villageColumn: false, ignored: ['序号', '备注'] },
    });
    expect(checked.layout?.columns.find((c) => c.header === '身份证号码')).toMatchObject({
      field: 'idNumber',
      samples: [expect.stringMatching(/^610902\*{8}\d[\dX]$/), expect.any(String), expect.any(String)],
    });
    expect((await commit(cadre, checked.id)).status).toBe('committed');
    expect(await household('S001')).toMatchObject({ memberCount: 2, areaCode: AREAS.villageA1 });
  });

  it('reads a two-row header with merged cells, a hidden column, and passes over the totals and notes', async () => {
    const file = await ledger(
      [
        ['S101', '赵一', id('1950-03-03'), '户主', '13900002222', '4000', ''],
        ['S101', '钱二', id('1952-03-03'), '配偶', '', '', ''],
      ],
      { title: true, twoRowHeader: true, hiddenColumn: true, footer: true },
    );
    const checked = await upload(cadre, file);
    expect(checked.errors).toEqual([]);
    expect(checked).toMatchObject({
      status: 'ready',
      summary: { rows: 2, households: { create: 1 } },
      layout: { headerRows: [3, 4], villageColumn: true },
    });
    expect(checked.layout?.columns.map((c) => [c.header, c.field])).toEqual(
      expect.arrayContaining([
        ['联系电话', 'phone'],
        ['家庭年收入', 'totalIncome'],
        ['村（社区）', 'village'],
      ]),
    );
  });

  it('picks the sheet with a roster header, and lets the user choose when several have one', async () => {
    const cover = { name: '填表说明', rows: [['请按村填写'], ['不要修改表头']] };
    const single = await upload(
      cadre,
      await ledger([['S201', '孙三', '', '户主', '', '', '']], { before: [cover] }),
    );
    expect(single.layout).toMatchObject({
      sheet: 1,
      sheets: [
        { index: 0, name: '填表说明', recognised: false },
        { index: 1, name: '民情台账', recognised: true },
      ],
    });
    expect(single.status).toBe('ready');

    const otherRoster = {
      name: '一组',
      rows: [
        ['村/社区', '户号', '姓名', '与户主关系'],
        ['大同村', 'S301', '周五', '户主'],
        ['大同村', 'S302', '吴六', '户主'],
      ],
    };
    const two = await upload(
      cadre,
      await ledger([['S401', '郑七', '', '户主', '', '', '']], { before: [otherRoster] }),
    );
    expect(two.layout?.sheets.filter((s) => s.recognised)).toHaveLength(2);
    expect(two.summary?.households.create).toBe(2);
    const relaid = await cadre.call(householdImportsApi.layout, {
      params: { id: two.id },
      body: { sheet: 1 },
    });
    expect(relaid.statusCode, relaid.response.body).toBe(202);
    await t.app.ctx.jobs.drain();
    const chosen = await read(cadre, two.id);
    expect(chosen).toMatchObject({
      status: 'ready',
      layout: { sheet: 1 },
      summary: { households: { create: 1 } },
    });
    const chosenAtUpload = await upload(
      cadre,
      await ledger([['S401', '郑七', '', '户主', '', '', '']], { before: [otherRoster] }),
      '&sheet=1',
    );
    expect(chosenAtUpload.layout?.sheet).toBe(1);
  });

  it('names the real cause of a bad ID number: stored as a number by Excel, full-width digits and spaces, a lower-case x', async () => {
    const x = nextIdNumber('1977-07-07');
    const withX = x.endsWith('X') ? x : null;
    const spaced = id('1983-03-03');
    const fullWidth = spaced.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const file = await ledger(
      [
        ['S501', '冯一', Number(id('1960-01-01')), '户主', '', '', ''],
        ['S502', '陈二', ` ${fullWidth.slice(0, 6)} ${fullWidth.slice(6)} `, '户主', '', '', ''],
        ['S503', '褚三', (withX ?? id('1984-04-04')).toLowerCase(), '户主', '', '', ''],
      ],
      {},
    );
    const checked = await upload(cadre, file);
    expect(checked.errors).toEqual([
      { row: 2, column: '身份证号码', message: expect.stringContaining('被 Excel 存成了数字') },
    ]);
    expect(checked.errors[0]?.message).not.toContain('校验位');
    expect(checked.summary).toMatchObject({ households: { create: 2 }, rowsWithErrors: 1 });
  });

  it('flags each head of a household with two, gives a present but invalid value only its real error', async () => {
    const file = await ledger([
      ['S601', '甲', '', '户主', '', '', ''],
      ['S601', '乙', '', '户主', '', '', ''],
      ['S602', '丙', '', '户主', 'abc', '-5', ''],
    ]);
    const checked = await upload(cadre, file);
    const rows = (n: number) => checked.errors.filter((e) => e.row === n);
    expect(rows(2)).toEqual([{ row: 2, column: '与户主关系', message: expect.stringContaining('多名户主') }]);
    expect(rows(3)).toEqual([{ row: 3, column: '与户主关系', message: expect.stringContaining('多名户主') }]);
    expect(
      rows(4)
        .map((e) => e.column)
        .sort(),
    ).toEqual(['家庭年收入', '联系电话']);
    expect(checked.errors.some((e) => e.message === '必填')).toBe(false);
    expect(checked.summary).toMatchObject({ households: { create: 0 }, rowsWithErrors: 3 });
  });

  it('asks for the village when the file has none and the caller has several, and takes it from villageCode', async () => {
    const file = await ledger([['S701', '何一', '', '户主', '', '', '']], { noVillage: true });
    const unasked = await upload(townStaff, file);
    expect(unasked.errors).toEqual([{ row: 0, column: null, message: expect.stringContaining('请选择') }]);
    const given = await upload(townStaff, file, `&villageCode=${AREAS.villageA2}`);
    expect(given).toMatchObject({ status: 'ready', villageCode: AREAS.villageA2 });
    const elsewhere = await townStaff.request(
      'POST',
      `/api/v1${pathOf(householdImportsApi.upload)}?fileName=x.xlsx&villageCode=${AREAS.villageB1}`,
      file,
      { 'content-type': 'application/octet-stream' },
    );
    expect(elsewhere.json()).toMatchObject({ error: { code: 'AREA_UNKNOWN' } });
    // Chosen after the upload: the file is checked again for that village.
    const relaid = await townStaff.call(householdImportsApi.layout, {
      params: { id: unasked.id },
      body: { villageCode: AREAS.villageA1 },
    });
    expect(relaid.statusCode, relaid.response.body).toBe(202);
    await t.app.ctx.jobs.drain();
    expect(await read(townStaff, unasked.id)).toMatchObject({
      status: 'ready',
      villageCode: AREAS.villageA1,
    });
  });

  it('remembers a column mapping for the village and the same header, for the next file', async () => {
    const rows = [['S801', '韩一', '', '户主', '', '', '家中有残疾人']];
    const first = await upload(cadre, await ledger(rows));
    expect(first.layout?.ignored).toContain('备注');
    const mapped = await cadre.call(householdImportsApi.layout, {
      params: { id: first.id },
      body: { mapping: { 备注: 'address', 联系电话: null } },
    });
    expect(mapped.statusCode, mapped.response.body).toBe(202);
    await t.app.ctx.jobs.drain();
    const after = await read(cadre, first.id);
    expect(after.layout?.columns.find((c) => c.header === '备注')).toMatchObject({
      field: 'address',
      mapped: true,
    });
    expect(after.layout?.ignored).toContain('联系电话');
    // The next file of the same header, from the same village: mapped the same way from the start.
    const next = await upload(cadre, await ledger([['S802', '杨二', '', '户主', '', '', '村口']]));
    expect(next.layout?.columns.find((c) => c.header === '备注')).toMatchObject({
      field: 'address',
      mapped: true,
    });
    // A mapping naming a column the header lacks is one problem of the file, said at once.
    const wrong = await cadre.call(householdImportsApi.layout, {
      params: { id: next.id },
      body: { mapping: { 血型: 'name' } },
    });
    expect(wrong.statusCode).toBe(202);
    await t.app.ctx.jobs.drain();
    expect((await read(cadre, next.id)).errors).toEqual([
      { row: 0, column: null, message: expect.stringContaining('血型') },
    ]);
  });

  it('writes the valid households only when asked, and gives the held-back rows back with their reasons', async () => {
    const file = await ledger(
      [
        ['S901', '朱一', id('1970-01-01'), '户主', '', '', ''],
        ['S902', '秦二', '110105194912310021', '户主', '', '', ''],
        ['S902', '尤三', id('1999-09-09'), '子女', '', '', ''],
        ['S903', '许四', '', '户主', '', '', ''],
      ],
      { title: true, noVillage: true, footer: true },
    );
    const checked = await upload(cadre, file);
    expect(checked).toMatchObject({
      status: 'invalid',
      summary: { households: { create: 2 }, rowsWithErrors: 1, heldBack: { households: 1, rows: 2 } },
    });
    expect(checked.errors).toEqual([
      { row: 5, column: '身份证号码', message: expect.stringContaining('校验位') },
    ]);
    // All or nothing refuses; the valid households only is the user's choice.
    const refused = await cadre.call(householdImportsApi.commit, { params: { id: checked.id } });
    expect(refused.error.code).toBe('IMPORT_STATE_INVALID');
    const written = await commit(cadre, checked.id, 'true');
    expect(written).toMatchObject({ status: 'committed', validOnly: true, heldBackFile: true });
    expect(await household('S901')).toBeDefined();
    expect(await household('S903')).toBeDefined();
    expect(await household('S902')).toBeUndefined();

    const download = await cadre.call(householdImportsApi.heldBack, { params: { id: checked.id } });
    expect(download.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the held-back workbook has no sheet');
    const values = (n: number) => (sheet.getRow(n).values as Cell[]).slice(1);
    expect(values(1)[0]).toBe('大同村民情台账（2026 年）');
    expect(values(3)).toContain('错误原因');
    expect(values(4)).toEqual(expect.arrayContaining(['S902', '秦二', expect.stringContaining('校验位')]));
    expect(values(5)).toEqual(
      expect.arrayContaining(['S902', '尤三', expect.stringContaining('整户暂不导入')]),
    );
    expect(sheet.rowCount).toBe(5);

    // Corrected and sent again, the held-back file imports: its 错误原因 column is passed over.
    sheet.getCell('D4').value = id('1949-12-31');
    const corrected = await upload(cadre, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(corrected.errors).toEqual([]);
    expect(corrected.summary?.households.create).toBe(1);
  });

  it('matches groups within the chosen village however the office writes them, and lists its groups for an unknown one', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['户号', '姓名', '与户主关系', '组']);
    const forms = ['1组', '一组', '第一组', '第1组', '01组', '一'];
    forms.forEach((g, i) => {
      sheet.addRow([`G${i}`, `组员${i}`, '户主', g]);
    });
    sheet.addRow(['G9', '组员9', '户主', '九组']);
    const checked = await upload(cadre, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(checked.errors).toEqual([{ row: 8, column: '组', message: '该村没有组“九组”（该村的组：一组）' }]);
    expect(checked.summary?.households.create).toBe(forms.length);
    await commit(cadre, checked.id, 'true');
    expect(await household('G5')).toMatchObject({ areaCode: AREAS.groupA1 });
  });

  it('says a CSV is over the row limit once, as the workbook does', async () => {
    const lines = ['户号,姓名,与户主关系,村/社区'];
    for (let i = 0; i <= importLimits.rows; i++) lines.push(`C${i},某,户主,大同村`);
    const checked = await upload(cadre, Buffer.from(lines.join('\n')), '', '名册.csv');
    expect(checked.errors).toEqual([{ row: 0, column: null, message: expect.stringContaining('超过') }]);
  });
});
