import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralize } from './spreadsheet';

/**
 * The one writer of every spreadsheet the server hands out (exports, templates, bulletins). Every
 * text it writes — headers, captions, cells, sheet names aside — goes through `neutralize`, so a
 * name or a comment typed as "=HYPERLINK(…)" opens as text, whichever export carries it. Modules
 * never write a workbook themselves; a test walks every export route with hostile text to hold it.
 */

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | null | undefined;

export interface Column {
  /** The header written as the sheet's first row; none when the sheet writes its own header row. */
  header?: string;
  /** The key a row given as an object fills. */
  key?: string;
  width: number;
  /** Kept as typed text (ID numbers, phones, codes with leading zeros). */
  text?: boolean;
  /** A number format (a percentage). */
  numFmt?: string;
}

/** How a row looks: a title, a header (bold on a pale fill), a total (bold). */
export type RowLook = 'title' | 'header' | 'bold';

const safe = (value: Cell): Cell => (typeof value === 'string' ? neutralize(value) : value);

export class SheetWriter {
  readonly #sheet: ExcelJS.Worksheet;

  constructor(sheet: ExcelJS.Worksheet, columns: Column[]) {
    this.#sheet = sheet;
    sheet.columns = columns.map((c) => ({
      ...(c.header === undefined ? {} : { header: neutralize(c.header) }),
      ...(c.key === undefined ? {} : { key: c.key }),
      width: c.width,
      style: c.text ? { numFmt: '@' } : c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    if (columns.some((c) => c.header !== undefined)) this.#look(sheet.getRow(1), 'bold').commit();
  }

  #look(row: ExcelJS.Row, look: RowLook | undefined): ExcelJS.Row {
    if (look === 'title') row.font = { bold: true, size: 13 };
    if (look === 'bold' || look === 'header') row.font = { bold: true };
    if (look === 'header') row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    return row;
  }

  /** One row, by position or by the columns' keys; every string made safe. */
  add(cells: Cell[] | Record<string, Cell>, look?: RowLook): void {
    const values = Array.isArray(cells)
      ? cells.map(safe)
      : Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, safe(v)]));
    this.#look(this.#sheet.addRow(values), look).commit();
  }

  commit(): void {
    this.#sheet.commit();
  }
}

/** A workbook streamed to `out`, sheet by sheet and row by row. */
export class SpreadsheetWriter {
  readonly #workbook: ExcelJS.stream.xlsx.WorkbookWriter;

  constructor(out: Writable, options: { sharedStrings?: boolean; created?: Date } = {}) {
    this.#workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: options.sharedStrings ?? false,
    });
    this.#workbook.creator = 'Lianxin';
    if (options.created) this.#workbook.created = options.created;
  }

  /** A sheet with its columns; `frozenRows` stay in view when scrolling. */
  sheet(name: string, columns: Column[], options: { frozenRows?: number } = {}): SheetWriter {
    const views = options.frozenRows ? [{ state: 'frozen' as const, ySplit: options.frozenRows }] : [];
    return new SheetWriter(this.#workbook.addWorksheet(name, { views }), columns);
  }

  async finish(): Promise<void> {
    await this.#workbook.commit();
  }
}
