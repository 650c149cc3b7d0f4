import {
  type AreaImportColumnKey,
  type AreaImportProblem,
  type AreaKind,
  areaImportColumns,
  areaImportLimits,
  areaLevelWords,
} from '@lianxin/common';
import { findHeaderRow, readSheets, SheetFileError, type SheetRow } from '../../../platform/spreadsheet-rows';

/** A problem found in the file; row 0 is the file as a whole. */
export interface RowProblem {
  /** The sheet, from 1 (a CSV is sheet 1). */
  sheet: number;
  row: number;
  problem: AreaImportProblem;
  params: Record<string, string | number>;
}

/** A row read from the file, its level and parent following from its code. */
export interface ParsedArea {
  sheet: number;
  row: number;
  code: string;
  name: string;
  kind: AreaKind;
  parentCode: string | null;
}

export interface ParsedFile {
  rows: number;
  areas: ParsedArea[];
  problems: RowProblem[];
}

const levelLookup = new Map<string, AreaKind>();
for (const [kind, words] of Object.entries(areaLevelWords) as [AreaKind, readonly string[]][]) {
  for (const word of words) levelLookup.set(word.toLowerCase(), kind);
}

/**
 * The level a statistical code names: `xxxxxx000000` a district; digits 7–9 the town level
 * (001–099 街道, 100–199 镇, 200–399 乡); digits 10–12 the village level (001–199 社区/居委会,
 * 200–399 村); a 15-digit code a group (组/网格) below its village. Null when malformed.
 */
export function kindOfCode(code: string): AreaKind | null {
  if (!/^\d{12}(\d{3})?$/.test(code)) return null;
  const county = code.slice(0, 6);
  const town = code.slice(6, 9);
  const village = code.slice(9, 12);
  if (county.endsWith('00')) return null;
  if (code.length === 15)
    return town !== '000' && village !== '000' && !code.endsWith('000') ? 'group' : null;
  if (town === '000') return village === '000' ? 'district' : null;
  return village === '000' ? 'town' : 'village';
}

export function parentOfCode(code: string, kind: AreaKind): string | null {
  switch (kind) {
    case 'district':
      return null;
    case 'town':
      return `${code.slice(0, 6)}000000`;
    case 'village':
      return `${code.slice(0, 9)}000`;
    case 'group':
      return code.slice(0, 12);
  }
}

function cell(cells: string[], index: number | undefined): string {
  return index === undefined ? '' : (cells[index] ?? '');
}

/**
 * Reads the file's rows under their header; every row is checked on its own. A workbook's later
 * sheets (groups/grids kept apart from the villages, say) are read too when they have a header
 * of their own; a sheet without one (instructions) is passed over.
 */
export async function parseAreaFile(content: Buffer): Promise<ParsedFile> {
  let sheets: SheetRow[][];
  try {
    sheets = await readSheets(content, areaImportLimits.rows + 10);
  } catch (err) {
    if (!(err instanceof SheetFileError)) throw err;
    const problem = err.message === 'too many rows' ? 'file.tooManyRows' : 'file.notSpreadsheet';
    return {
      rows: 0,
      areas: [],
      problems: [{ sheet: 1, row: 0, problem, params: { limit: areaImportLimits.rows } }],
    };
  }
  const areas: ParsedArea[] = [];
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, { sheet: number; row: number }>();
  let count = 0;
  for (const [i, rows] of sheets.entries()) {
    const sheet = i + 1;
    const header = findHeaderRow<AreaImportColumnKey>(rows, areaImportColumns);
    if (!header) {
      if (sheet === 1)
        return {
          rows: 0,
          areas: [],
          problems: [{ sheet, row: 0, problem: 'file.missingHeaders', params: {} }],
        };
      continue;
    }
    for (const { row, cells } of rows.slice(header.position + 1)) {
      if (cells.every((c) => c === '')) continue;
      count++;
      const code = cell(cells, header.index.code).replace(/\s+/g, '');
      const name = cell(cells, header.index.name).replace(/\s+/g, ' ').trim();
      const level = cell(cells, header.index.level);
      const kind = kindOfCode(code);
      if (!kind) {
        problems.push({ sheet, row, problem: 'row.codeMalformed', params: { code } });
        continue;
      }
      const first = firstRowOf.get(code);
      if (first !== undefined) {
        const at = first.sheet === sheet ? first.row : `${first.sheet}:${first.row}`;
        problems.push({ sheet, row, problem: 'row.duplicateCode', params: { code, first: at } });
        continue;
      }
      firstRowOf.set(code, { sheet, row });
      let ok = true;
      if (name === '' || name.length > 60) {
        problems.push({ sheet, row, problem: 'row.nameMissing', params: {} });
        ok = false;
      }
      if (level !== '') {
        const named = levelLookup.get(level.toLowerCase());
        if (!named) {
          problems.push({ sheet, row, problem: 'row.levelUnknown', params: { level } });
          ok = false;
        } else if (named !== kind) {
          const params = { level, kind: areaLevelWords[kind][0] ?? kind };
          problems.push({ sheet, row, problem: 'row.levelMismatch', params });
          ok = false;
        }
      }
      if (ok) areas.push({ sheet, row, code, name, kind, parentCode: parentOfCode(code, kind) });
    }
  }
  if (count === 0) problems.push({ sheet: 1, row: 0, problem: 'file.empty', params: {} });
  return { rows: count, areas, problems };
}
