import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type XlsxRow, xlsxSheetRows } from './spreadsheet-xlsx';

type Cell = ExcelJS.CellValue;

async function workbook(rows: Cell[][], useSharedStrings: boolean): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings });
  const sheet = writer.addWorksheet('名册');
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
  return Buffer.concat(chunks);
}

async function read(file: Buffer): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const batch of xlsxSheetRows(file)) rows.push(...batch);
  return rows;
}

describe('xlsx rows', () => {
  it.each([
    ['inline strings', false],
    ['shared strings', true],
  ])('keeps every Chinese character whole across chunk boundaries (%s)', async (_label, shared) => {
    // Rows of three-byte characters over several inflated quarter-megabyte pieces: some straddle one's end.
    const rows = Array.from({ length: 12_000 }, (_, i) => [
      `户${i}`,
      '汉滨区关庙镇大同村一组',
      `张${'秀英'.repeat(i % 5)}`,
    ]);
    expect((await read(await workbook(rows, shared))).map((r) => r.cells)).toEqual(rows);
  });

  it('places cells by their reference, leaving gaps empty', async () => {
    expect(await read(await workbook([['a', '', 'c']], false))).toEqual([{ row: 1, cells: ['a', '', 'c'] }]);
  });

  it('refuses a sheet that inflates to more than its directory entry declares', async () => {
    const file = await workbook(
      Array.from({ length: 200 }, (_, i) => [`户${i}`, '汉滨区关庙镇大同村一组']),
      false,
    );
    // Declare 1,000 bytes for the sheet in the central directory (a zip bomb's lie).
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let at = file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; ) {
      if (file.subarray(at + 46, at + 46 + name.length).equals(name)) file.writeUInt32LE(1_000, at + 24);
      at = file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    }
    await expect(read(file)).rejects.toThrow(/larger than declared/);
  });

  it.each([
    ['inline strings', false],
    ['shared strings', true],
  ])('reads rich text, escapes, numbers and formulas as their text (%s)', async (_label, shared) => {
    const rows: Cell[][] = [
      [
        { richText: [{ text: '王' }, { font: { bold: true }, text: '大山' }] },
        'a < b & "c"',
        1985,
        { formula: 'C1+1', result: 1986 },
        '  spaced  ',
      ],
      [],
      ['after an empty row'],
    ];
    expect(await read(await workbook(rows, shared))).toEqual([
      { row: 1, cells: ['王大山', 'a < b & "c"', '1985', '1986', '  spaced  '] },
      { row: 3, cells: ['after an empty row'] },
    ]);
  });
});
