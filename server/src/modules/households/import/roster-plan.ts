import { chinaYear, type HardshipFactor, type ImportSummary, importLimits } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { Clock } from '../../../platform/clock';
import type { Caller } from '../../../platform/context';
import type { AreaScope } from '../../../platform/scope';
import type { Secrets } from '../../../platform/secrets';
import { areasForImport } from './roster.repository';
import { compareWithRegistry } from './roster-compare';
import { inspectRoster, RosterFileError, readRoster } from './roster-reader';
import { type HeaderMap, mapHeaders, type ParsedRow, type RowProblem, RowReader } from './roster-rows';
import { groupNumber } from './roster-vocabulary';

export interface ImportContext {
  clock: Clock;
  secrets: Secrets;
  scope: AreaScope;
  /** Null for the operator's command line, who may see everything. */
  caller: Caller | null;
}

/** What writing a change needs of the registered household it changes. */
export interface RegisteredHousehold {
  id: string;
  version: number;
  area_code: string;
}

/** What writing a change needs of the registered resident it changes. */
export interface RegisteredResident {
  id: string;
  version: number;
  id_number_hash: string | null;
}
type Action = 'create' | 'update' | 'unchanged';

export interface PlannedMember {
  row: number;
  /** Only the fields whose columns the file has: the others are left as they are. */
  fields: ParsedRow['resident'];
  tags: string[] | null;
  hash: string | null;
  existing: RegisteredResident | null;
  action: Action;
}

export interface PlannedIndicators {
  year: number;
  totalIncome: number;
  debt: number;
  mainIncomeSource: string | null;
  hardships: HardshipFactor[];
}

export interface PlannedHousehold {
  villageCode: string;
  /** The group the file names, if any: a household whose rows leave it empty stays where it is. */
  groupCode: string | null;
  /** Where the household will be: the group, else where it already is, else the village. */
  areaCode: string;
  number: string;
  existing: RegisteredHousehold | null;
  action: Action;
  address: string | null;
  phone: string | null;
  tags: string[] | null;
  indicators: PlannedIndicators | null;
  members: PlannedMember[];
}

export interface RosterPlan {
  summary: ImportSummary;
  problems: RowProblem[];
  problemCount: number;
  households: PlannedHousehold[];
}

export type Progress = (done: number, total: number) => void | Promise<void>;

class Problems {
  readonly kept: RowProblem[] = [];
  count = 0;
  add(problem: RowProblem): void {
    this.count++;
    if (this.kept.length < importLimits.errorsKept) this.kept.push(problem);
  }
  addAll(problems: RowProblem[]): void {
    for (const p of problems) this.add(p);
  }
}

function emptyPlan(problems: Problems, rows = 0): RosterPlan {
  const zero = { create: 0, update: 0, unchanged: 0 };
  return {
    summary: { rows, households: { ...zero }, residents: { ...zero } },
    problems: problems.kept,
    problemCount: problems.count,
    households: [],
  };
}

/** Reads every row, checks it on its own, and returns the rows and the header map. */
async function readRows(content: Buffer, currentYear: number, problems: Problems, progress?: Progress) {
  const { rows: estimated } = await inspectRoster(content);
  let headers: HeaderMap | null = null;
  let reader: RowReader | null = null;
  const parsed: ParsedRow[] = [];
  const rowProblems: RowProblem[] = [];
  let dataRows = 0;
  for await (const batch of readRoster(content)) {
    for (const { row, cells } of batch) {
      if (cells.every((c) => c === '')) continue;
      if (!reader) {
        headers = mapHeaders(cells);
        reader = new RowReader(headers, currentYear);
        continue;
      }
      dataRows++;
      const result = reader.read(row, cells, rowProblems);
      if (rowProblems.length > 0) {
        problems.addAll(rowProblems);
        rowProblems.length = 0;
      }
      if (result) parsed.push(result);
      if (dataRows % 2_000 === 0) await progress?.(dataRows, Math.max(estimated, dataRows));
    }
  }
  if (!headers || dataRows === 0) throw new RosterFileError('file.empty');
  await progress?.(dataRows, dataRows);
  return { headers, parsed, dataRows };
}

type HouseholdField = 'address' | 'year' | 'totalIncome' | 'debt' | 'mainIncomeSource';

/** A household-level field: the first value its rows give counts; a different one on another row is an error. */
function firstGiven<K extends HouseholdField>(
  rows: readonly ParsedRow[],
  field: K,
  column: string | null,
  problems: Problems,
): ParsedRow[K] | null {
  let first: ParsedRow | null = null;
  for (const row of rows) {
    const value = row[field];
    if (value === null || value === '') continue;
    if (!first) first = row;
    else if (first[field] !== value) {
      problems.add({
        row: row.row,
        column,
        problem: 'household.conflict',
        params: { row: first.row, value: String(first[field]) },
      });
    }
  }
  return first ? first[field] : null;
}

/**
 * Reads a roster and works out what importing it would do — households and residents to
 * create, update or leave unchanged — and every problem, by row and column. Writes nothing.
 */
export async function planRoster(
  db: Db,
  ctx: ImportContext,
  content: Buffer,
  progress?: Progress,
): Promise<RosterPlan> {
  const problems = new Problems();
  const currentYear = chinaYear(ctx.clock.now());
  let read: Awaited<ReturnType<typeof readRows>>;
  try {
    read = await readRows(content, currentYear, problems, progress);
  } catch (err) {
    if (!(err instanceof RosterFileError)) throw err;
    problems.add({ row: 0, column: null, problem: err.problem, params: err.params });
    return emptyPlan(problems);
  }
  const { headers, parsed, dataRows } = read;
  const column = (key: keyof HeaderMap['header']) => headers.header[key] ?? null;

  // Areas and tags, as the file names them.
  const { villages, groups, tags } = await areasForImport(db, ctx.scope);
  const villagesByName = new Map<string, string[]>();
  for (const v of villages) villagesByName.set(v.name, [...(villagesByName.get(v.name) ?? []), v.code]);
  const villageCodes = new Set(villages.map((v) => v.code));
  const tagByWord = new Map<string, { code: string; appliesTo: string }>();
  for (const t of tags) {
    tagByWord.set(t.code, { code: t.code, appliesTo: t.applies_to });
    tagByWord.set(t.name, { code: t.code, appliesTo: t.applies_to });
  }

  // Rows into households.
  interface Draft {
    villageCode: string;
    areaCode: string | null;
    number: string;
    rows: ParsedRow[];
    householdTags: Set<string> | null;
    /** Each row's member tags, null when the row gives none. */
    memberTags: (string[] | null)[];
  }
  const drafts = new Map<string, Draft>();
  for (const row of parsed) {
    const named = villageCodes.has(row.village) ? undefined : (villagesByName.get(row.village) ?? []);
    if (named && named.length !== 1) {
      problems.add({
        row: row.row,
        column: column('village'),
        problem: named.length === 0 ? 'area.unknownVillage' : 'area.ambiguousVillage',
        params: { value: row.village },
      });
      continue;
    }
    const villageCode = named ? (named[0] as string) : row.village;
    let areaCode: string | null = null;
    if (row.group !== '') {
      const n = groupNumber(row.group);
      const group = (groups.get(villageCode) ?? []).find(
        (g) => g.name === row.group || (n !== undefined && Number(g.code.slice(12)) === n),
      );
      if (!group) {
        problems.add({
          row: row.row,
          column: column('group'),
          problem: 'area.unknownGroup',
          params: { value: row.group },
        });
        continue;
      }
      areaCode = group.code;
    }
    const key = `${villageCode}|${row.number}`;
    const draft: Draft = drafts.get(key) ?? {
      villageCode,
      areaCode,
      number: row.number,
      rows: [],
      householdTags: null,
      memberTags: [],
    };
    drafts.set(key, draft);
    if (
      draft.rows.length > 0 &&
      draft.areaCode !== areaCode &&
      areaCode !== null &&
      draft.areaCode !== null
    ) {
      problems.add({ row: row.row, column: column('group'), problem: 'household.splitGroup', params: {} });
      continue;
    }
    draft.areaCode ??= areaCode;
    let memberTags: string[] | null = null;
    if (row.tagWords) {
      draft.householdTags ??= new Set();
      memberTags = [];
      for (const w of row.tagWords) {
        const tag = tagByWord.get(w);
        if (!tag) {
          problems.add({
            row: row.row,
            column: column('tags'),
            problem: 'cell.unknownTag',
            params: { value: w },
          });
        } else if (tag.appliesTo === 'household') draft.householdTags.add(tag.code);
        else memberTags.push(tag.code);
      }
    }
    draft.rows.push(row);
    draft.memberTags.push(memberTags);
  }

  // Household-level fields: the first value given counts; a different one on another row is an error.
  const seenIds = new Map<string, number>();
  const planned: PlannedHousehold[] = [];
  for (const draft of drafts.values()) {
    const address = firstGiven(draft.rows, 'address', column('address'), problems);
    const year = firstGiven(draft.rows, 'year', column('year'), problems);
    const totalIncome = firstGiven(draft.rows, 'totalIncome', column('totalIncome'), problems);
    const debt = firstGiven(draft.rows, 'debt', column('debt'), problems);
    const mainIncomeSource = firstGiven(draft.rows, 'mainIncomeSource', column('mainIncomeSource'), problems);
    const hardshipRows = draft.rows.filter((r) => r.hardships !== null);
    const hardships = [...new Set(hardshipRows.flatMap((r) => r.hardships ?? []))];

    const heads = draft.rows.filter(
      (r) => r.resident.relation === 'head' && (r.resident.status ?? 'active') === 'active',
    );
    if (heads.length !== 1) {
      problems.add({
        row: heads[1]?.row ?? draft.rows[0]?.row ?? 0,
        column: column('relation'),
        problem: heads.length === 0 ? 'household.noHead' : 'household.twoHeads',
        params: { number: draft.number, rows: heads.map((h) => h.row).join('、') },
      });
    }
    const members: PlannedMember[] = [];
    for (const [i, row] of draft.rows.entries()) {
      const id = row.resident.idNumber ?? null;
      const hash = id ? ctx.secrets.lookupHash(id) : null;
      if (hash) {
        const other = seenIds.get(hash);
        if (other !== undefined) {
          problems.add({
            row: row.row,
            column: column('idNumber'),
            problem: 'idNumber.duplicateInFile',
            params: { row: other },
          });
        } else seenIds.set(hash, row.row);
      } else {
        // The latest earlier member of the household with the same name (households are small).
        const other = members.findLast((m) => m.fields.name === row.resident.name);
        if (other) {
          problems.add({
            row: row.row,
            column: column('name'),
            problem: 'resident.duplicateName',
            params: { row: other.row },
          });
        }
      }
      members.push({
        row: row.row,
        fields: row.resident,
        tags: draft.memberTags[i] ?? (headers.index.tags === undefined ? null : []),
        hash,
        existing: null,
        action: 'create',
      });
    }
    planned.push({
      villageCode: draft.villageCode,
      groupCode: draft.areaCode,
      areaCode: draft.areaCode ?? draft.villageCode,
      number: draft.number,
      existing: null,
      action: 'create',
      address,
      phone: heads[0]?.resident.phone ?? null,
      tags: draft.householdTags ? [...draft.householdTags].sort() : null,
      indicators:
        totalIncome === null
          ? null
          : { year: year ?? currentYear, totalIncome, debt: debt ?? 0, mainIncomeSource, hardships },
      members,
    });
  }

  // What is already registered, compared a few thousand households at a time.
  const counted = await compareWithRegistry(db, ctx, planned, (problem) => problems.add(problem), column);
  const summary = { rows: dataRows, ...counted };
  return {
    summary,
    problems: problems.kept.sort((a, b) => a.row - b.row),
    problemCount: problems.count,
    households: planned,
  };
}
