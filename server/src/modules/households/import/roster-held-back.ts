import type { Writable } from 'node:stream';
import { type ImportProblem, importProblemMessage, type Locale, type RosterLayout } from '@lianxin/common';
import { type Cell, SpreadsheetWriter } from '../../../platform/spreadsheet-writer';
import { readRoster } from './roster-reader';
import type { RowProblem } from './roster-rows';

/** Held-back rows as stored: each row number with its problems. */
export type HeldBackRows = [number, RowProblem[]][];

export const REASON_HEADER = { 'zh-CN': '错误原因', en: 'Errors' } as const;

/** A row's problems in one cell: 「身份证号」校验位错误；… */
export function reasonsOf(problems: readonly RowProblem[], locale: Locale): string {
  return problems
    .map((p) => {
      const message = importProblemMessage(p.problem as ImportProblem, p.params, locale);
      return p.column ? `「${p.column}」${message}` : message;
    })
    .join('；');
}

/**
 * The rows held back, in the file's own layout — what is above the header and the header itself,
 * then each held-back row as it was — with a 错误原因 column, ready to correct and import again.
 * The importer passes the 错误原因 column over (it is not a roster column).
 */
export async function writeHeldBack(
  out: Writable,
  content: Buffer,
  layout: RosterLayout,
  held: HeldBackRows,
  locale: Locale,
): Promise<number> {
  const reasons = new Map(held.map(([row, problems]) => [row, reasonsOf(problems, locale)]));
  const headerEnd = layout.headerRows[layout.headerRows.length - 1] ?? 0;
  const width = Math.max(1, ...layout.columns.map((c) => c.index + 1));
  const columns = Array.from({ length: width + 1 }, (_, i) => ({ width: i === width ? 40 : 14, text: true }));
  const workbook = new SpreadsheetWriter(out);
  const sheet = workbook.sheet(layout.sheets[layout.sheet]?.name || '待修正', columns, {
    frozenRows: headerEnd,
  });
  let written = 0;
  for await (const batch of readRoster(content, layout.sheet)) {
    for (const { row, cells } of batch) {
      const line: Cell[] = cells.slice(0, width);
      while (line.length < width) line.push('');
      if (row <= headerEnd) {
        if (row === headerEnd) line.push(REASON_HEADER[locale]);
        sheet.add(line, layout.headerRows.includes(row) ? 'header' : undefined);
        continue;
      }
      const reason = reasons.get(row);
      if (reason === undefined) continue;
      line.push(reason);
      sheet.add(line);
      written++;
    }
  }
  sheet.commit();
  await workbook.finish();
  return written;
}
