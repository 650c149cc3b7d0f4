import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  auditApi,
  HouseholdImport,
  householdImportsApi,
  householdsApi,
  makeIdNumber,
  pathOf,
} from '@lianxin/common';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../../test/harness';
import { buildWorld, type World } from '../../../../test/world';
import { retierHouseholds } from '../../tiering';

const HEADERS = [
  '村/社区',
  '组',
  '户号',
  '姓名',
  '身份证号',
  '与户主关系',
  '联系电话',
  '家庭年收入（元）',
  '负债',
  '困难情况',
  '标签',
];

let seq = 500;
const id = (birth = '1970-01-01') => makeIdNumber('610902', birth, seq++);

async function xlsx(rows: (string | number)[][], headers = HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('户籍名册');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('roster import and export', () => {
  let t: World;
  let cadre: Session;
  const read = async (session: Session, id: string) =>
    (await session.call(householdImportsApi.get, { params: { id } })).data;
  // The roster goes up as the raw request body, which a contract call does not send: by address.
  const upload = async (session: Session, file: Buffer, fileName = '名册.xlsx') => {
    const response = await session.request(
      'POST',
      `/api/v1${pathOf(householdImportsApi.upload)}?fileName=${encodeURIComponent(fileName)}`,
      file,
      { 'content-type': 'application/octet-stream' },
    );
    expect(response.statusCode, response.body).toBe(202);
    await t.app.ctx.jobs.drain();
    return read(session, HouseholdImport.parse(response.json()).id);
  };
  const commit = async (session: Session, id: string) => {
    const response = await session.call(householdImportsApi.commit, { params: { id } });
    expect(response.statusCode, response.response.body).toBe(202);
    await t.app.ctx.jobs.drain();
    return read(session, id);
  };
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('residents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await buildWorld();
    cadre = (await t.member('village_cadre', AREAS.villageA1)).session;
  });
  afterAll(() => t.close());

  it('checks a roster, shows what it would do, writes it whole, and changes nothing the second time', async () => {
    const head = id('1962-04-10');
    const file = await xlsx([
      ['大同村', '一组', 'D001', '王大山', head, '户主', '13900001111', '18,000', 0, '重病', '低保'],
      ['大同村', '一组', 'D001', '刘桂兰', id('1964-08-02'), '妻子', '', '', '', '', ''],
      ['大同村', '一组', 'D001', '王小雨', id('2012-02-02'), '女儿', '', '', '', '', '留守儿童'],
      ['大同村', '', 'D002', '陈红', ` ${id('1980-12-12').toLowerCase()} `, '本人', '', '3.6万', '', '', ''],
    ]);
    const checked = await upload(cadre, file);
    expect(checked).toMatchObject({
      status: 'ready',
      errorCount: 0,
      summary: { rows: 4, households: { create: 2, update: 0, unchanged: 0 }, residents: { create: 4 } },
    });
    expect(await count()).toBe(0);

    const committed = await commit(cadre, checked.id);
    expect(committed.status).toBe('committed');
    const page = (await cadre.call(householdsApi.list, { query: { q: '王小雨' } })).data;
    // 6,000 a head with one hardship and 低保: 连心户 (below 1.5 × 6,000).
    expect(page.items[0]).toMatchObject({ memberCount: 3, tier: 'priority' });
    const household = (await cadre.call(householdsApi.get, { params: { id: page.items[0]?.id ?? '' } })).data;
    expect(household).toMatchObject({ tags: ['dibao'], areaCode: AREAS.groupA1 });
    expect(household.members.find((m) => m.name === '王小雨')?.tags).toEqual(['left_behind_child']);
    expect(household.indicators[0]).toMatchObject({ totalIncome: 18_000, hardships: ['serious_illness'] });

    const again = await upload(cadre, file);
    expect(again.summary).toMatchObject({
      households: { create: 0, update: 0, unchanged: 2 },
      residents: { create: 0, update: 0, unchanged: 4 },
    });
    expect((await commit(cadre, again.id)).status).toBe('committed');
    expect(await count()).toBe(4);

    // A corrected roster updates in place.
    const corrected = await xlsx([
      ['大同村', '一组', 'D001', '王大山', head, '户主', '13900002222', '18,000', 0, '重病', '低保'],
    ]);
    const update = await upload(cadre, corrected);
    expect(update.summary).toMatchObject({ households: { update: 1 }, residents: { update: 1, create: 0 } });
    await commit(cadre, update.id);
    expect(await count()).toBe(4);
  });

  it('writes new households already tiered, as re-tiering them would', async () => {
    const file = await xlsx([
      ['大同村', '一组', 'T001', '赵一', id('1950-03-03'), '户主', '', '4000', '20000', '重病、残疾', ''],
      ['大同村', '一组', 'T001', '钱二', id('1952-03-03'), '妻子', '', '', '', '', '监测对象'],
      ['大同村', '', 'T002', '孙三', id('1990-05-05'), '户主', '', '200000', '', '', ''],
      ['大同村', '', 'T003', '李四', id('1985-07-07'), '户主', '', '', '', '', '低保'],
    ]);
    await commit(cadre, (await upload(cadre, file)).id);
    const tiered = () =>
      t.database.db
        .selectFrom('households')
        .select([
          'id',
          'number',
          'tier',
          'tier_source',
          'tier_rule_version',
          'tier_reasons',
          'tier_updated_at',
          'per_capita_income',
          'hardship_count',
        ])
        .where('number', 'in', ['T001', 'T002', 'T003'])
        .orderBy('number')
        .execute();
    const written = await tiered();
    expect(written.map((h) => [h.number, h.tier])).toEqual([
      ['T001', 'priority'],
      ['T002', 'stable'],
      ['T003', 'watch'],
    ]);
    const history = await t.database.db
      .selectFrom('tier_history')
      .select(['household_id', 'from_tier', 'to_tier', 'cause'])
      .where(
        'household_id',
        'in',
        written.map((h) => h.id),
      )
      .execute();
    expect(history).toHaveLength(3);
    expect(history.every((h) => h.from_tier === null && h.cause === 'import')).toBe(true);
    const moved = await retierHouseholds(
      t.database.db,
      t.clock,
      written.map((h) => h.id),
      'import',
      null,
    );
    expect(moved).toBe(0);
    expect(await tiered()).toEqual(written);
  });

  it.each([
    [
      'a wrong check character',
      [['大同村', '', 'E1', '甲', '110105194912310021', '户主']],
      '身份证号',
      '校验位',
    ],
    [
      'an impossible birth date',
      [['大同村', '', 'E2', '乙', makeIdNumber('610902', '1981-02-29', 3), '户主']],
      '身份证号',
      '出生日期',
    ],
    ['negative income', [['大同村', '', 'E3', '丙', '', '户主', '', '-100']], '家庭年收入（元）', '负数'],
    [
      'text in a number column',
      [['大同村', '', 'E4', '丁', '', '户主', '', '很少']],
      '家庭年收入（元）',
      '不是数字',
    ],
    ['an over-long cell', [['大同村', '', 'E5', '戊'.repeat(300), '', '户主']], '姓名', '超过'],
    ['a household without a head', [['大同村', '', 'E6', '己', '', '妻子']], '与户主关系', '没有户主'],
    [
      'two heads',
      [
        ['大同村', '', 'E7', '庚', '', '户主'],
        ['大同村', '', 'E7', '辛', '', '户主'],
      ],
      '与户主关系',
      '多名户主',
    ],
    ['a village outside the area', [['红星村', '', 'E8', '壬', '', '户主']], '村/社区', '找不到'],
    ['an unknown relation', [['大同村', '', 'E9', '癸', '', '邻居']], '与户主关系', '无法识别'],
  ])('refuses %s, naming the row and the column', async (_label, rows, column, words) => {
    const before = await count();
    const checked = await upload(cadre, await xlsx(rows as string[][]));
    expect(checked.status).toBe('invalid');
    expect(checked.errors).toContainEqual({
      row: rows.length + 1,
      column,
      message: expect.stringContaining(words),
    });
    expect(await count()).toBe(before);
  });

  it('refuses conflicting household figures, namesakes without ID numbers, unknown groups and tags', async () => {
    const checked = await upload(
      cadre,
      await xlsx([
        ['大同村', '', 'G1', '甲', '', '户主', '', '1000', '', '', ''],
        ['大同村', '', 'G1', '甲', '', '妻子', '', '2000', '', '', ''],
        ['大同村', '九组', 'G2', '乙', '', '户主', '', '', '', '', ''],
        ['大同村', '', 'G3', '丙', '', '户主', '', '', '', '', '不存在的标签'],
      ]),
    );
    expect(checked.status).toBe('invalid');
    expect(checked.errors).toEqual([
      { row: 3, column: '家庭年收入（元）', message: '与同户第 2 行填写的“1000”不一致' },
      { row: 3, column: '姓名', message: '同户中已有同名成员（第 2 行），请填写身份证号以区分' },
      { row: 4, column: '组', message: expect.stringMatching(/^该村没有组“九组”（该村的组：.*一组/) },
      { row: 5, column: '标签', message: '标签“不存在的标签”不存在' },
    ]);
  });

  it('refuses an ID number twice in the file or already registered, saying where', async () => {
    const twice = id();
    const file = await xlsx([
      ['大同村', '', 'F1', '甲', twice, '户主'],
      ['大同村', '', 'F2', '乙', twice, '户主'],
    ]);
    expect((await upload(cadre, file)).errors).toContainEqual({
      row: 3,
      column: '身份证号',
      message: '身份证号与第 2 行重复',
    });
    const registered = (
      await t.database.db
        .selectFrom('residents')
        .select('id_number_cipher')
        .where('name', '=', '王大山')
        .executeTakeFirstOrThrow()
    ).id_number_cipher;
    const taken = await upload(
      cadre,
      await xlsx([['大同村', '', 'F3', '丙', t.app.ctx.secrets.decrypt(registered ?? ''), '户主']]),
    );
    expect(taken.errors[0]?.message).toContain('D001');
  });

  it.each([
    ['an empty file', Buffer.alloc(0), '没有数据'],
    ['a picture', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), '不是有效的'],
    ['a file with headers only', null, '没有数据'],
  ])('refuses %s as a whole', async (_label, content, words) => {
    const checked = await upload(cadre, content ?? (await xlsx([])));
    expect(checked).toMatchObject({
      status: 'invalid',
      errors: [{ row: 0, column: null, message: expect.stringContaining(words) }],
    });
  });

  it('names every missing required column at once, and lists unknown columns as ignored', async () => {
    const missing = await upload(cadre, await xlsx([['D9', '甲', '']], ['户号', '姓名', '身份证号']));
    expect(missing.status).toBe('invalid');
    expect(missing.errors).toEqual([
      { row: 0, column: null, message: expect.stringContaining('与户主关系') },
    ]);
    const unknown = await upload(
      cadre,
      await xlsx([['大同村', '', 'U1', '甲', '', '户主', '', '', '', '', '', 'A型']], [...HEADERS, '血型']),
    );
    expect(unknown).toMatchObject({ status: 'ready', errorCount: 0 });
    expect(unknown.layout?.ignored).toEqual(['血型']);
    const nothing = await upload(cadre, await xlsx([['x']], ['血型']));
    expect(nothing.errors[0]?.message).toContain('找不到表头');
  });

  it('refuses a zip that claims to unpack to hundreds of megabytes', async () => {
    const file = await xlsx([['大同村', '', 'Z1', '甲', '', '户主']]);
    // Claim 2 GB for the first entry in the central directory.
    const central = file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    file.writeUInt32LE(0x7fffffff, central + 24);
    const checked = await upload(cadre, file);
    expect(checked.errors[0]?.message).toMatch(/解压后过大|不是有效/);
  });

  it('reads a CSV saved by Excel in GB18030, and one in UTF-8 with a byte-order mark', async () => {
    const gb18030 = readFileSync(
      fileURLToPath(new URL('../../../../test/fixtures/roster-gb18030.csv', import.meta.url)),
    );
    const checked = await upload(cadre, gb18030, '名册.csv');
    expect(checked).toMatchObject({ status: 'ready', summary: { households: { create: 1 } } });
    const utf8 = Buffer.from(`\uFEFF${HEADERS.join(',')}\n大同村,,C2,钱五,,户主,,20000,,,\n`);
    expect(await upload(cadre, utf8, '名册.csv')).toMatchObject({ status: 'ready' });
  });

  it('exports the filtered households in the import format, audited, with formulas neutralized', async () => {
    await upload(cadre, await xlsx([['大同村', '', 'X1', '=HYPERLINK("http://x")', '', '户主']])).then((i) =>
      commit(cadre, i.id),
    );
    const exported = await cadre.call(householdsApi.export, {});
    expect(exported.statusCode).toBe(200);
    const response = exported.response;
    expect(response.headers['content-disposition']).toContain('filename*=UTF-8');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const names = sheet?.getColumn(4).values.slice(2) as string[];
    expect(names).toContain('\'=HYPERLINK("http://x")');
    expect(names).toContain('王大山');
    // The exported file imports back without a change.
    const back = await upload(cadre, response.rawPayload);
    expect(back.errorCount, JSON.stringify(back.errors)).toBe(0);
    expect(back.summary?.households.update).toBe(0);
    const other = (await t.member('village_cadre', AREAS.villageA2)).session;
    const outside = await other.call(householdsApi.export, {});
    const otherBook = new ExcelJS.Workbook();
    await otherBook.xlsx.load(outside.response.rawPayload as unknown as ArrayBuffer);
    expect(otherBook.worksheets[0]?.rowCount).toBe(1);
    const auditor = (await t.member('auditor', AREAS.district)).session;
    const audit = await auditor.call(auditApi.list, { query: { action: 'household.export' } });
    expect(audit.data.total).toBe(2);
  });
});
