import {
  exportOnlyColumns,
  type ImportColumnKey,
  type ImportMapping,
  type ImportProblem,
  importColumns,
  type RosterLayout,
} from '@lianxin/common';
import type { RosterRow } from './roster-reader';

// Village offices' rosters (民情台账) as they are: a merged title and "填报单位：…" above the
// header, a header of two rows (a group row such as 家庭经济情况 above the real names, or names
// merged down over both rows), columns the importer does not know (序号, 备注), and a totals or
// notes block below the data. The header is the first row that names enough known columns; what
// is above it is passed over, unknown columns are listed and left out, and what follows the data
// is recognised by its first words.

/** Non-empty rows looked through for the header. */
export const HEADER_SCAN = 20;
/** Rows read from each sheet to find its header and show samples of its columns. */
export const HEAD_ROWS = 60;
/** Known columns a row must name to be taken for the header. */
const ENOUGH = 3;

/** 家庭年收入（元）, 家庭年收入 and 家庭年收入* are the same column; so are 村（社区） and 村. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s*＊:：]+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/\/.*$/, '');
}

const known = new Map<string, ImportColumnKey>();
for (const column of importColumns) {
  for (const name of [column.header, ...column.aliases]) known.set(normalizeHeader(name), column.key);
}
const exportOnly = new Set(exportOnlyColumns.map((c) => normalizeHeader(c.header)));

export function knownField(cell: string): ImportColumnKey | undefined {
  return cell === '' ? undefined : known.get(normalizeHeader(cell));
}

function fieldsNamed(cells: readonly string[]): number {
  const fields = new Set<ImportColumnKey>();
  for (const cell of cells) {
    const field = knownField(cell);
    if (field) fields.add(field);
  }
  return fields.size;
}

const isEmpty = (cells: readonly string[]) => cells.every((c) => c === '');

export interface FoundHeader {
  /** The header's row numbers (two for a two-row header). */
  rows: number[];
  /** Where the header's last row is among the rows given: data rows follow it. */
  position: number;
  /** Each column's name; for a two-row header, the lower row's name where it has one. */
  cells: string[];
}

/**
 * Whether `lower` is the second row of a header whose first row is `upper`: empty under every
 * column `upper` names (those names are merged down over both rows, and `upper` names at least one)
 * and naming at least one known column of its own (under a group such as 家庭经济情况). A data row has values under 户号 and 姓名.
 */
function secondHeaderRow(upper: readonly string[], lower: readonly string[]): boolean {
  let own = 0;
  let above = 0;
  for (let i = 0; i < Math.max(upper.length, lower.length); i++) {
    const u = upper[i] ?? '';
    const l = lower[i] ?? '';
    if (knownField(u) && l !== '') return false;
    if (knownField(u)) above++;
    if (knownField(l) && !knownField(u)) own++;
  }
  // The upper row names columns of its own: a title or 填报单位 line above the header names none.
  return own > 0 && above > 0;
}

function combined(upper: readonly string[], lower: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(upper.length, lower.length); i++) {
    const u = upper[i] ?? '';
    const l = lower[i] ?? '';
    out.push(knownField(l) ? l : knownField(u) ? u : l || u);
  }
  return out;
}

/** The header among a sheet's first rows, or null when none names enough known columns. */
export function findHeader(rows: readonly RosterRow[]): FoundHeader | null {
  let seen = 0;
  for (let p = 0; p < rows.length && seen < HEADER_SCAN; p++) {
    const row = rows[p] as RosterRow;
    if (isEmpty(row.cells)) continue;
    seen++;
    const next = rows[p + 1];
    if (next && next.row === row.row + 1 && secondHeaderRow(row.cells, next.cells)) {
      const cells = combined(row.cells, next.cells);
      if (fieldsNamed(cells) >= ENOUGH) return { rows: [row.row, next.row], position: p + 1, cells };
    }
    if (fieldsNamed(row.cells) >= ENOUGH) return { rows: [row.row], position: p, cells: [...row.cells] };
  }
  return null;
}

/** The header cells' names, trimmed, in order: a mapping is remembered by it. */
export function headerSignature(cells: readonly string[]): string {
  const names = cells.map((c) => c.trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  return names.join('|');
}

const FOOTER =
  /^(合计|总计|共计|小计|填表人|填报人|制表人?|审核人?|审批人|负责人|统计人|联系人|备注|说明|注|填表说明|填报日期|制表日期|填表日期|村委会|签字|盖章)/;
/** Words after which the rest of the sheet is a notes block, not data. */
const BLOCK = /^(合计|总计|共计|填表人|填报人|制表人?|审核人?|审批人|负责人|统计人|备注|说明|注|填表说明)/;

/**
 * What a row below the data is: `footer` (a totals or signature line: skipped), `block` (it
 * starts the notes block: it and what follows are skipped unless they look like data), or null.
 */
export function footerKind(cells: readonly string[]): 'footer' | 'block' | null {
  const first = cells.find((c) => c !== '');
  if (first === undefined) return null;
  const text = first.replace(/\s+/g, '');
  if (!FOOTER.test(text)) return null;
  return BLOCK.test(text) ? 'block' : 'footer';
}

export interface StructuralProblem {
  problem: ImportProblem;
  params: Record<string, string | number>;
}

export interface MappedColumns {
  index: Partial<Record<ImportColumnKey, number>>;
  header: Partial<Record<ImportColumnKey, string>>;
  columns: RosterLayout['columns'];
  ignored: string[];
  missing: string[];
  problems: StructuralProblem[];
}

/** An ID number in a sample: enough to recognise the column, not the person. */
function sample(value: string): string {
  return /^\d{14,17}[\dXx]$/.test(value.replace(/\s/g, ''))
    ? `${value.slice(0, 6)}********${value.slice(-2)}`
    : value;
}

/**
 * Each header column's field: the user's mapping (by the header as written) first, else the
 * known names; every structural problem at once (required fields without a column, two columns
 * for one field, a mapping naming a column the header lacks).
 */
export function mapColumns(
  cells: readonly string[],
  dataRows: readonly RosterRow[],
  mapping: ImportMapping | null,
  villageGiven: boolean,
): MappedColumns {
  const out: MappedColumns = { index: {}, header: {}, columns: [], ignored: [], missing: [], problems: [] };
  const headers = new Set(cells.map((c) => c.trim()));
  for (const column of Object.keys(mapping ?? {})) {
    if (!headers.has(column.trim())) out.problems.push({ problem: 'file.mappingColumn', params: { column } });
  }
  cells.forEach((raw, i) => {
    const header = raw.trim();
    if (header === '') return;
    const chosen = mapping && Object.hasOwn(mapping, header) ? mapping[header] : undefined;
    const field = chosen === undefined ? knownField(header) : (chosen ?? undefined);
    const samples: string[] = [];
    for (const r of dataRows) {
      const v = r.cells[i] ?? '';
      if (v !== '' && samples.length < 3) samples.push(sample(v));
    }
    const taken = field === undefined ? undefined : out.index[field];
    if (field !== undefined && taken !== undefined) {
      out.problems.push({
        problem: 'file.sharedField',
        params: { first: out.header[field] ?? '', column: header, field: fieldName(field) },
      });
    }
    if (field === undefined || taken !== undefined) {
      if (!exportOnly.has(normalizeHeader(header))) out.ignored.push(header);
      out.columns.push({ index: i, header, field: null, mapped: chosen !== undefined, samples });
      return;
    }
    out.index[field] = i;
    out.header[field] = header;
    out.columns.push({ index: i, header, field, mapped: chosen !== undefined, samples });
  });
  for (const c of importColumns) {
    if (!c.required || out.index[c.key] !== undefined) continue;
    if (c.key === 'village' && villageGiven) continue;
    out.missing.push(c.header);
  }
  const missing = out.missing.filter((h) => h !== fieldName('village'));
  if (missing.length > 0)
    out.problems.push({ problem: 'file.missingHeaders', params: { columns: missing.join('、') } });
  return out;
}

export function fieldName(field: ImportColumnKey): string {
  return importColumns.find((c) => c.key === field)?.header ?? field;
}
