import { Readable } from 'node:stream';
import { importLimits } from '@lianxin/common';
import { parse as parseCsv } from 'csv-parse';
import { openZip, sheetPaths, xlsxSheetRows, zipEntries } from './spreadsheet-xlsx';

// What every import of a spreadsheet needs before its own rules: the file's rows as text, and
// the header row found among the first rows (a title, often merged across the columns, may
// come first) with its columns mapped from the Chinese or English headers people write.

export interface SheetRow {
  /** As the spreadsheet numbers it (the first line is row 1). */
  row: number;
  cells: string[];
}

/** The file is not a spreadsheet this reader knows. */
export class SheetFileError extends Error {}

export function isXlsx(content: Buffer): boolean {
  // Every .xlsx is a zip archive, which begins with "PK\3\4".
  return content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

/** Text of a CSV: UTF-8 (with or without BOM), else GB18030 as Excel on a Chinese Windows saves it. */
export function decodeCsvText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

/**
 * Every row of a small sheet (a few thousand rows: an area list, a unit list), cells trimmed;
 * stops with SheetFileError past `maxRows`.
 */
export async function readSheetRows(content: Buffer, maxRows: number, sheetIndex = 0): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  const keep = (row: number, cells: string[]) => {
    if (row > maxRows) throw new SheetFileError('too many rows');
    out.push({ row, cells: cells.map((c) => c.trim()) });
  };
  if (isXlsx(content)) {
    try {
      for await (const batch of xlsxSheetRows(content, sheetIndex))
        for (const r of batch) keep(r.row, r.cells);
    } catch (err) {
      if (err instanceof SheetFileError) throw err;
      throw new SheetFileError('not a workbook');
    }
    return out;
  }
  // A binary file (an old .xls, a picture) has NUL bytes early on; text does not.
  if (content.subarray(0, 4096).includes(0)) throw new SheetFileError('binary');
  const parser = Readable.from([decodeCsvText(content)]).pipe(
    parseCsv({ relax_column_count: true, skip_empty_lines: false, bom: true, trim: true }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) keep(++row, record);
  } catch (err) {
    if (err instanceof SheetFileError) throw err;
    throw new SheetFileError('not a csv');
  }
  return out;
}

/** Every sheet's rows, in the workbook's order (a CSV is one sheet); at most `maxRows` in each. */
export async function readSheets(content: Buffer, maxRows: number): Promise<SheetRow[][]> {
  if (!isXlsx(content)) return [await readSheetRows(content, maxRows)];
  let count: number;
  let unzipped = 0;
  try {
    const zip = await openZip(content);
    const entries = await zipEntries(zip);
    for (const entry of entries.values()) unzipped += entry.uncompressedSize;
    count = (await sheetPaths(zip, entries)).length;
  } catch {
    throw new SheetFileError('not a workbook');
  }
  // A zip bomb declares far more than it weighs: refused before anything is inflated.
  if (unzipped > importLimits.unzippedBytes) throw new SheetFileError('too large');
  const sheets: SheetRow[][] = [];
  for (let i = 0; i < Math.max(count, 1); i++) sheets.push(await readSheetRows(content, maxRows, i));
  return sheets;
}

/** 家庭年收入（元） and 家庭年收入 are the same column; so are 村（社区） and 村, Code and code. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}

export interface HeaderColumn<K extends string> {
  key: K;
  header: string;
  aliases: readonly string[];
  required: boolean;
}

export interface FoundHeader<K extends string> {
  /** The header's own row number. */
  row: number;
  /** Where the header's position in `rows` is: data rows follow it. */
  position: number;
  index: Partial<Record<K, number>>;
}

/**
 * The first row, among the first `scan`, that holds every required column: a title row above
 * it (merged across the sheet, or a line of text) is passed over. Unknown columns are ignored.
 */
export function findHeaderRow<K extends string>(
  rows: readonly SheetRow[],
  columns: readonly HeaderColumn<K>[],
  scan = 10,
): FoundHeader<K> | null {
  const lookup = new Map<string, K>();
  for (const c of columns)
    for (const name of [c.header, ...c.aliases]) lookup.set(normalizeHeader(name), c.key);
  const required = columns.filter((c) => c.required).map((c) => c.key);
  let seen = 0;
  for (let position = 0; position < rows.length && seen < scan; position++) {
    const { row, cells } = rows[position] as SheetRow;
    if (cells.every((c) => c === '')) continue;
    seen++;
    const index: Partial<Record<K, number>> = {};
    cells.forEach((cell, i) => {
      const key = lookup.get(normalizeHeader(cell));
      if (key !== undefined && index[key] === undefined) index[key] = i;
    });
    if (required.every((k) => index[k] !== undefined)) return { row, position, index };
  }
  return null;
}
