import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxSheetRows } from './xlsx-rows';

async function workbook(rows: string[][], useSharedStrings: boolean): Promise<Buffer> {
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

describe('xlsx rows', () => {
  it.each([
    ['inline strings', false],
    ['shared strings', true],
  ])('keeps every Chinese character whole across chunk boundaries (%s)', async (_label, shared) => {
    // Thousands of rows of three-byte characters: some always straddle an inflated chunk's end.
    const rows = Array.from({ length: 4_000 }, (_, i) => [
      `户${i}`,
      '汉滨区关庙镇大同村一组',
      `张${'秀英'.repeat(i % 5)}`,
    ]);
    const read: string[][] = [];
    for await (const row of xlsxSheetRows(await workbook(rows, shared))) read.push(row.cells);
    expect(read).toEqual(rows);
  });

  it('places cells by their reference, leaving gaps empty', async () => {
    const file = await workbook([['a', '', 'c']], false);
    for await (const row of xlsxSheetRows(file)) expect(row).toEqual({ row: 1, cells: ['a', '', 'c'] });
  });
});
