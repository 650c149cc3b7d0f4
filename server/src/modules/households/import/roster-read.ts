import { type ImportMapping, importLimits, type RosterLayout } from '@lianxin/common';
import {
  findHeader,
  footerKind,
  HEAD_ROWS,
  HEADER_SCAN,
  headerSignature,
  type MappedColumns,
  mapColumns,
  type StructuralProblem,
} from './roster-layout';
import {
  inspectRoster,
  RosterFileError,
  type RosterRow,
  readRoster,
  readRosterHead,
  rosterSheets,
} from './roster-reader';
import { type ParsedRow, type RowProblem, RowReader } from './roster-rows';

/** What the user chose for a file: the sheet, the village of a one-village roster, the columns. */
export interface LayoutChoice {
  sheet: number | null;
  /** The village of a file without a village column (the user's own village by default). */
  villageCode: string | null;
  mapping: ImportMapping | null;
}

/** Sheets looked through for a roster header (a workbook may hold many small ones). */
const SHEETS_LOOKED_AT = 20;

export interface FoundLayout {
  layout: RosterLayout;
  columns: MappedColumns;
  /** The header's last row number: data rows come after it. */
  headerEnd: number;
  problems: StructuralProblem[];
}

/**
 * Finds the sheet, the header and the columns of a roster from its first rows; a mapping the user
 * made for files of the same header is asked of `remembered`. Problems of the file as a whole
 * are returned all at once.
 */
export async function findLayout(
  content: Buffer,
  choice: LayoutChoice,
  remembered: (signature: string) => Promise<ImportMapping | null>,
): Promise<FoundLayout> {
  // The zip's directory first: an empty file, a picture or a zip bomb is refused before a row is read.
  await inspectRoster(content);
  const sheets = (await rosterSheets(content)).slice(0, SHEETS_LOOKED_AT);
  const heads = new Map<number, RosterRow[]>();
  const found = [];
  for (const sheet of sheets) {
    // Hidden sheets are helpers (lists for drop-downs): looked at only when asked for.
    if (sheet.hidden && choice.sheet !== sheet.index) {
      found.push({ ...sheet, header: null });
      continue;
    }
    const head = await readRosterHead(content, sheet.index, HEAD_ROWS);
    heads.set(sheet.index, head);
    found.push({ ...sheet, header: findHeader(head) });
  }
  const chosen =
    found.find((s) => s.index === choice.sheet) ?? found.find((s) => s.header !== null) ?? found[0];
  const layout: RosterLayout = {
    sheets: found.map((s) => ({ index: s.index, name: s.name, recognised: s.header !== null })),
    sheet: chosen?.index ?? 0,
    headerRows: [],
    columns: [],
    ignored: [],
    missing: [],
    villageColumn: false,
    signature: '',
  };
  const empty: MappedColumns = { index: {}, header: {}, columns: [], ignored: [], missing: [], problems: [] };
  if (!chosen?.header) {
    if ([...heads.values()].every((rows) => rows.every((r) => r.cells.every((c) => c === ''))))
      throw new RosterFileError('file.empty');
    const problem: StructuralProblem = { problem: 'file.noHeader', params: { scan: HEADER_SCAN } };
    return { layout, columns: empty, headerEnd: 0, problems: [problem] };
  }
  const head = heads.get(chosen.index) ?? [];
  const header = chosen.header;
  const signature = headerSignature(header.cells);
  const mapping = choice.mapping ?? (await remembered(signature));
  const columns = mapColumns(
    header.cells,
    head.slice(header.position + 1),
    mapping,
    choice.villageCode !== null,
  );
  const problems = [...columns.problems];
  if (columns.index.village === undefined && choice.villageCode === null) {
    problems.push({ problem: 'file.noVillage', params: {} });
  }
  Object.assign(layout, {
    headerRows: header.rows,
    columns: columns.columns,
    ignored: columns.ignored,
    missing: columns.missing,
    villageColumn: columns.index.village !== undefined,
    signature,
  });
  return { layout, columns, headerEnd: header.rows[header.rows.length - 1] ?? 0, problems };
}

export interface ReadRows {
  parsed: ParsedRow[];
  dataRows: number;
  /** Each data row's household as the file writes it (village and number), good rows and bad. */
  householdOf: Map<number, string>;
}

export type RowSink = (problems: RowProblem[]) => void;

/**
 * Reads the data rows under the header, each checked on its own: blank rows, repeated headers
 * and the totals or notes below the data are passed over.
 */
export async function readDataRows(
  content: Buffer,
  found: FoundLayout,
  village: string | null,
  currentYear: number,
  report: RowSink,
  progress?: (done: number, total: number) => void | Promise<void>,
): Promise<ReadRows> {
  const { rows: estimated } = await inspectRoster(content, found.layout.sheet);
  // A file over the limit is refused as a whole, before any row is checked.
  if (estimated > importLimits.rows)
    throw new RosterFileError('file.tooManyRows', { limit: importLimits.rows });
  const reader = new RowReader(found.columns, currentYear, found.layout.villageColumn ? null : village);
  const parsed: ParsedRow[] = [];
  const householdOf = new Map<number, string>();
  const rowProblems: RowProblem[] = [];
  let dataRows = 0;
  let notes = false;
  for await (const batch of readRoster(content, found.layout.sheet)) {
    for (const { row, cells } of batch) {
      if (row <= found.headerEnd) continue;
      if (cells.every((c) => c === '')) continue;
      if (reader.isHeader(cells)) continue;
      const footer = footerKind(cells);
      if (footer === 'block') notes = true;
      const key = reader.householdKey(cells);
      // Within the notes block, only a row with a household number and a name is data.
      if (footer !== null || (notes && (key.endsWith('|') || !reader.hasName(cells)))) continue;
      dataRows++;
      householdOf.set(row, key);
      const result = reader.read(row, cells, rowProblems);
      if (rowProblems.length > 0) {
        report(rowProblems);
        rowProblems.length = 0;
      }
      if (result) parsed.push(result);
      if (dataRows % 2_000 === 0) await progress?.(dataRows, Math.max(estimated, dataRows));
    }
  }
  if (dataRows === 0) throw new RosterFileError('file.empty');
  await progress?.(dataRows, dataRows);
  return { parsed, dataRows, householdOf };
}
