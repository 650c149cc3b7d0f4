import { Readable } from 'node:stream';
import { type ImportProblem, importLimits } from '@lianxin/common';
import { parse as parseCsv } from 'csv-parse';
import type yauzl from 'yauzl';
import {
  entryText,
  openZip,
  sheetInfos,
  sheetPaths,
  xlsxSheetRows,
  zipEntries,
} from '../../../platform/spreadsheet-xlsx';

/** A problem with the file as a whole: nothing in it is read. */
export class RosterFileError extends Error {
  constructor(
    readonly problem: ImportProblem,
    readonly params: Record<string, string | number> = {},
  ) {
    super(problem);
  }
}

export interface RosterRow {
  /** As the spreadsheet numbers it: the header is row 1. */
  row: number;
  cells: string[];
}

export type RosterFormat = 'xlsx' | 'csv';

export function detectFormat(content: Buffer): RosterFormat {
  // Every .xlsx is a zip archive, which begins with "PK\3\4".
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  // A binary file (an old .xls, a picture) has NUL bytes early on; text does not.
  if (content.subarray(0, 4096).includes(0)) throw new RosterFileError('file.notSpreadsheet');
  return 'csv';
}

/** The data-row count a sheet declares in its `<dimension ref="A1:V1001"/>`, if it does. */
async function declaredRows(zip: yauzl.ZipFile, sheet: yauzl.Entry): Promise<number> {
  let head = '';
  for await (const chunk of await entryText(zip, sheet)) {
    head += chunk;
    if (head.length > 4096) break;
  }
  const match = /<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head);
  return match ? Math.max(0, Number(match[1]) - 1) : 0;
}

/**
 * Opens the zip's directory only, to refuse archives that would unpack to far more than they
 * weigh (a zip bomb) or that are not workbooks; returns the rows the chosen sheet declares.
 */
async function inspectZip(content: Buffer, sheetIndex: number): Promise<number> {
  let zip: yauzl.ZipFile;
  let entries: Map<string, yauzl.Entry>;
  try {
    zip = await openZip(content);
    entries = await zipEntries(zip);
  } catch {
    throw new RosterFileError('file.notSpreadsheet');
  }
  let unzipped = 0;
  for (const entry of entries.values()) unzipped += entry.uncompressedSize;
  if (unzipped > importLimits.unzippedBytes) {
    throw new RosterFileError('file.zipBomb', { limit: importLimits.unzippedBytes / 1024 / 1024 });
  }
  const paths = await sheetPaths(zip, entries).catch(() => []);
  const sheetPath = paths[sheetIndex] ?? paths[0];
  const sheet = sheetPath ? entries.get(sheetPath) : undefined;
  if (!sheet) throw new RosterFileError('file.notSpreadsheet');
  return declaredRows(zip, sheet).catch(() => 0);
}

export interface RosterSheet {
  index: number;
  name: string;
  hidden: boolean;
}

/** The sheets of a workbook (a CSV is one sheet without a name). */
export async function rosterSheets(content: Buffer): Promise<RosterSheet[]> {
  if (detectFormat(content) === 'csv') return [{ index: 0, name: '', hidden: false }];
  try {
    const zip = await openZip(content);
    const infos = await sheetInfos(zip, await zipEntries(zip));
    return infos.map((info, index) => ({ index, ...info }));
  } catch {
    throw new RosterFileError('file.notSpreadsheet');
  }
}

async function* xlsxRows(content: Buffer, sheet: number): AsyncGenerator<RosterRow[]> {
  try {
    for await (const rows of xlsxSheetRows(content, sheet)) {
      for (const { cells } of rows) {
        for (let i = 0; i < cells.length; i++) cells[i] = (cells[i] as string).trim();
      }
      yield rows;
    }
  } catch (err) {
    if (err instanceof RosterFileError) throw err;
    throw new RosterFileError('file.notSpreadsheet');
  }
}

/** Text of a CSV: UTF-8 (with or without BOM), else GB18030 as Excel on a Chinese Windows saves it. */
export function decodeCsv(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

async function* csvRows(content: Buffer): AsyncGenerator<RosterRow[]> {
  const parser = Readable.from([decodeCsv(content)]).pipe(
    parseCsv({ relax_column_count: true, skip_empty_lines: false, bom: true, trim: true }),
  );
  let row = 0;
  let rows: RosterRow[] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      rows.push({ row, cells: record });
      if (rows.length === 1_000) {
        yield rows;
        rows = [];
      }
    }
  } catch {
    throw new RosterFileError('file.notSpreadsheet');
  }
  yield rows;
}

/**
 * Checks a file before any row is read; says how many data rows it has when that is cheap to
 * know (0 when not), for the progress bar and to refuse a file over the limit at once.
 */
export async function inspectRoster(
  content: Buffer,
  sheet = 0,
): Promise<{ format: RosterFormat; rows: number }> {
  if (content.length === 0) throw new RosterFileError('file.empty');
  const format = detectFormat(content);
  if (format === 'xlsx') return { format, rows: await inspectZip(content, sheet) };
  let lines = 0;
  for (let i = content.indexOf(10); i !== -1; i = content.indexOf(10, i + 1)) lines++;
  return { format, rows: Math.max(0, lines - 1) };
}

/**
 * A roster's rows, streamed a batch at a time (rows are many; a batch costs one step of the
 * stream instead of one per row): the workbook is never held as a whole in memory. Inspect it
 * first.
 */
export async function* readRoster(content: Buffer, sheet = 0): AsyncGenerator<RosterRow[]> {
  const batches = detectFormat(content) === 'xlsx' ? xlsxRows(content, sheet) : csvRows(content);
  for await (const rows of batches) {
    const last = rows[rows.length - 1];
    if (last && last.row > importLimits.rows + 1)
      throw new RosterFileError('file.tooManyRows', { limit: importLimits.rows });
    yield rows;
  }
}

/** The first `count` rows of a sheet (the header is looked for among them). */
export async function readRosterHead(content: Buffer, sheet: number, count: number): Promise<RosterRow[]> {
  const out: RosterRow[] = [];
  for await (const rows of readRoster(content, sheet)) {
    for (const r of rows) {
      if (out.length >= count) return out;
      out.push(r);
    }
  }
  return out;
}
