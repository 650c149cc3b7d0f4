import { chinaYear, type ImportSummary, importLimits, type RosterLayout } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { Actor } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import type { Caller } from '../../../platform/context';
import type { AreaScope } from '../../../platform/scope';
import type { Secrets } from '../../../platform/secrets';
import { answerLookupElsewhere } from '../id-number-lookups.service';
import { rememberedMapping } from './imports.repository';
import { areasForImport } from './roster.repository';
import { compareWithRegistry } from './roster-compare';
import { callerVillage, draftHouseholds } from './roster-households';
import { type FoundLayout, findLayout, type LayoutChoice, readDataRows } from './roster-read';
import { RosterFileError } from './roster-reader';
import type { HeaderMap, ParsedRow, RowProblem } from './roster-rows';

export interface ImportContext {
  clock: Clock;
  secrets: Secrets;
  scope: AreaScope;
  /** Null for the operator's command line, who may see everything. */
  caller: Caller | null;
  /** Who audits the look-ups of ID numbers registered elsewhere (the caller). */
  actor?: Actor;
  /** The sheet, village and column mapping chosen for the file. */
  choice?: LayoutChoice;
  /** What the file counts as, toward the caller's daily look-ups (`import:<id>`). */
  lookupSource?: string;
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
  hardships: ParsedRow['hardships'] & {};
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
  /** Counts of the valid households only, and of the rows with errors and held back. */
  summary: ImportSummary;
  problems: RowProblem[];
  problemCount: number;
  /** Every household of the file that can be written (all of them when there is no problem). */
  households: PlannedHousehold[];
  layout: RosterLayout | null;
  /** The rows a write of the valid households holds back, each with its problems. */
  heldBack: [number, RowProblem[]][];
}

export type Progress = (done: number, total: number) => void | Promise<void>;

/** The problems of a file: the first thousand kept to show, every one counted and kept by row. */
export class Problems {
  readonly kept: RowProblem[] = [];
  readonly byRow = new Map<number, RowProblem[]>();
  count = 0;
  add(problem: RowProblem): void {
    this.count++;
    if (this.kept.length < importLimits.errorsKept) this.kept.push(problem);
    const list = this.byRow.get(problem.row);
    if (list) list.push(problem);
    else this.byRow.set(problem.row, [problem]);
  }
  addAll(problems: RowProblem[]): void {
    for (const p of problems) this.add(p);
  }
  clear(): void {
    this.kept.length = 0;
    this.byRow.clear();
    this.count = 0;
  }
}

const zero = () => ({ create: 0, update: 0, unchanged: 0 });

function emptyPlan(problems: Problems, layout: RosterLayout | null): RosterPlan {
  return {
    summary: {
      rows: 0,
      households: zero(),
      residents: zero(),
      rowsWithErrors: 0,
      heldBack: { households: 0, rows: 0 },
    },
    problems: problems.kept,
    problemCount: problems.count,
    households: [],
    layout,
    heldBack: [],
  };
}

/**
 * Reads a roster and works out what importing it would do — households and residents to
 * create, update or leave unchanged — and every problem, by row and column. Writes nothing but
 * the look-ups of ID numbers registered outside the caller's area (counted and audited).
 */
export async function planRoster(
  db: Db,
  ctx: ImportContext,
  content: Buffer,
  progress?: Progress,
): Promise<RosterPlan> {
  const problems = new Problems();
  const currentYear = chinaYear(ctx.clock.now());
  const choice = ctx.choice ?? { sheet: null, villageCode: null, mapping: null };
  const village = choice.villageCode ?? callerVillage(ctx.caller);
  const rememberedFor = choice.villageCode ?? ctx.caller?.areaCode ?? ctx.scope.areaCode;
  let found: FoundLayout | null = null;
  let read: Awaited<ReturnType<typeof readDataRows>>;
  const areas = await areasForImport(db, ctx.scope);
  try {
    found = await findLayout(content, { ...choice, villageCode: village }, (signature) =>
      rememberedMapping(db, rememberedFor, signature),
    );
    const structural = [...found.problems];
    if (!found.layout.villageColumn && village !== null && !areas.villages.some((v) => v.code === village)) {
      structural.push({ problem: 'file.unknownVillage', params: { value: village } });
    }
    if (structural.length > 0) {
      for (const p of structural) problems.add({ row: 0, column: null, ...p });
      return emptyPlan(problems, found.layout);
    }
    read = await readDataRows(
      content,
      found,
      village,
      currentYear,
      (rowProblems) => problems.addAll(rowProblems),
      progress,
    );
  } catch (err) {
    if (!(err instanceof RosterFileError)) throw err;
    // The file as a whole: its rows' problems say nothing more.
    problems.clear();
    problems.add({ row: 0, column: null, problem: err.problem, params: err.params });
    return emptyPlan(problems, found?.layout ?? null);
  }
  const headers: HeaderMap = found.columns;
  const column = (key: keyof HeaderMap['header']) => headers.header[key] ?? null;
  const badHouseholds = new Set<string>();
  for (const row of problems.byRow.keys()) {
    const key = read.householdOf.get(row);
    if (key !== undefined) badHouseholds.add(key);
  }
  const planned = draftHouseholds(
    read.parsed,
    areas,
    headers,
    {
      currentYear,
      lookupHash: (v) => ctx.secrets.lookupHash(v),
      hasBadRows: (row) => badHouseholds.has(read.householdOf.get(row) ?? ''),
    },
    problems,
  );

  // What is already registered, compared a few thousand households at a time.
  const elsewhere = await compareWithRegistry(db, ctx, planned, (problem) => problems.add(problem), column);
  if (elsewhere.length > 0) {
    // The whole file is one look-up toward the caller's daily limit; each number is audited.
    const answer =
      ctx.caller && ctx.actor && ctx.lookupSource
        ? await answerLookupElsewhere(
            db,
            { clock: ctx.clock, caller: ctx.caller, actor: ctx.actor },
            ctx.lookupSource,
            elsewhere.map((e) => e.hash),
          )
        : 'elsewhere';
    for (const e of elsewhere) {
      problems.add({
        row: e.row,
        column: column('idNumber'),
        problem: answer === 'elsewhere' ? 'idNumber.elsewhere' : 'idNumber.verify',
        params: {},
      });
    }
  }
  return { ...holdBack(planned, problems, read), layout: found.layout };
}

/**
 * Sorts the households into those that can be written and those held back whole (any of their
 * rows has a problem), and counts the valid ones only.
 */
function holdBack(
  planned: PlannedHousehold[],
  problems: Problems,
  read: Awaited<ReturnType<typeof readDataRows>>,
): RosterPlan {
  const badKeys = new Map<string, number[]>();
  for (const row of problems.byRow.keys()) {
    const key = read.householdOf.get(row);
    if (key !== undefined) badKeys.set(key, [...(badKeys.get(key) ?? []), row]);
  }
  const heldRows = new Set<number>(problems.byRow.keys());
  heldRows.delete(0);
  const valid: PlannedHousehold[] = [];
  const summary: ImportSummary = {
    rows: read.dataRows,
    households: zero(),
    residents: zero(),
    rowsWithErrors: heldRows.size,
    heldBack: { households: 0, rows: 0 },
  };
  for (const household of planned) {
    const held = household.members.some(
      (m) => heldRows.has(m.row) || badKeys.has(read.householdOf.get(m.row) ?? ''),
    );
    if (held) {
      for (const m of household.members) heldRows.add(m.row);
      continue;
    }
    valid.push(household);
    summary.households[household.action]++;
    for (const m of household.members) summary.residents[m.action]++;
  }
  for (const [row, key] of read.householdOf) if (badKeys.has(key)) heldRows.add(row);
  const heldKeys = new Set<string>();
  const heldBack: [number, RowProblem[]][] = [];
  for (const row of [...heldRows].sort((a, b) => a - b)) {
    const key = read.householdOf.get(row) ?? `row ${row}`;
    heldKeys.add(key);
    const own = problems.byRow.get(row);
    const rows = (badKeys.get(key) ?? []).join('、');
    heldBack.push([row, own ?? [{ row, column: null, problem: 'row.heldBack', params: { rows } }]]);
  }
  summary.heldBack = { households: heldKeys.size, rows: heldRows.size };
  return {
    summary,
    problems: problems.kept.sort((a, b) => a.row - b.row),
    problemCount: problems.count,
    households: valid,
    layout: null,
    heldBack,
  };
}
