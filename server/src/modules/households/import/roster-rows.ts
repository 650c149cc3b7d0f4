import {
  exportOnlyColumns,
  type HardshipFactor,
  type ImportColumnKey,
  type ImportProblem,
  importColumns,
  importLimits,
  normalizeIdNumber,
  parseIdNumber,
  type ResidentInput,
} from '@lianxin/common';
import { RosterFileError } from './roster-reader';
import {
  allowedWords,
  educationWords,
  employmentWords,
  hardshipWords,
  lookup,
  partyMembership,
  publicRoleWords,
  relationWords,
  residentStatusWords,
  splitList,
  yesNo,
} from './roster-vocabulary';

export interface RowProblem {
  row: number;
  /** The header as written in the file. */
  column: string | null;
  problem: ImportProblem;
  params: Record<string, string | number>;
}

/** One resident row, read and checked on its own (households are put together afterwards). */
export interface ParsedRow {
  row: number;
  village: string;
  group: string;
  number: string;
  resident: Partial<Omit<ResidentInput, 'tags'>> & { name: string; relation: ResidentInput['relation'] };
  /** Tag names as written; sorted into household and member tags once the tag list is known. */
  tagWords: string[] | null;
  address: string | null;
  year: number | null;
  totalIncome: number | null;
  debt: number | null;
  mainIncomeSource: string | null;
  hardships: HardshipFactor[] | null;
}

export interface HeaderMap {
  /** Column index per field, for the columns the file has. */
  index: Partial<Record<ImportColumnKey, number>>;
  /** The header text as written, per field (for error messages). */
  header: Partial<Record<ImportColumnKey, string>>;
}

/** 家庭年收入（元） and 家庭年收入 are the same column; so are 村（社区） and 村. */
function normalizeHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/\/.*$/, '');
}

const headerLookup = new Map<string, ImportColumnKey>();
for (const column of importColumns) {
  for (const name of [column.header, ...column.aliases]) headerLookup.set(normalizeHeader(name), column.key);
}

const exportOnly = new Set(exportOnlyColumns.map((c) => normalizeHeader(c.header)));

/** Maps the header row; missing, unknown or repeated headers stop the import, named. */
export function mapHeaders(cells: string[]): HeaderMap {
  const map: HeaderMap = { index: {}, header: {} };
  const unknown: string[] = [];
  cells.forEach((cell, i) => {
    if (cell === '' || exportOnly.has(normalizeHeader(cell))) return;
    const key = headerLookup.get(normalizeHeader(cell));
    if (!key) {
      unknown.push(cell);
      return;
    }
    if (map.index[key] !== undefined) throw new RosterFileError('file.duplicateHeader', { column: cell });
    map.index[key] = i;
    map.header[key] = cell;
  });
  if (unknown.length > 0) throw new RosterFileError('file.unknownHeaders', { columns: unknown.join('、') });
  const missing = importColumns
    .filter((c) => c.required && map.index[c.key] === undefined)
    .map((c) => c.header);
  if (missing.length > 0) throw new RosterFileError('file.missingHeaders', { columns: missing.join('、') });
  return map;
}

const phonePattern = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** Reads one row; records what is wrong with it in `problems` and returns null if it cannot be used. */
export function parseRow(
  headers: HeaderMap,
  row: number,
  cells: string[],
  currentYear: number,
  problems: RowProblem[],
): ParsedRow | null {
  const before = problems.length;
  const problem = (
    key: ImportColumnKey | null,
    p: ImportProblem,
    params: Record<string, string | number> = {},
  ) => problems.push({ row, column: key ? (headers.header[key] ?? null) : null, problem: p, params });
  const has = (key: ImportColumnKey) => headers.index[key] !== undefined;
  const cell = (key: ImportColumnKey): string => {
    const i = headers.index[key];
    const raw = i === undefined ? '' : (cells[i] ?? '');
    // An exported cell that began like a formula carries an apostrophe; the value is what follows.
    const value = /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
    if (value.length > importLimits.cellChars) {
      problem(key, 'cell.tooLong', { limit: importLimits.cellChars });
      return '';
    }
    return value;
  };
  const required = (key: ImportColumnKey): string => {
    const value = cell(key);
    if (value === '') problem(key, 'cell.required');
    return value;
  };
  const word = <T extends string>(key: ImportColumnKey, vocabulary: Record<T, readonly string[]>) => {
    const value = cell(key);
    if (value === '') return undefined;
    const code = lookup(vocabulary, value);
    if (!code) problem(key, 'cell.unknownValue', { value, allowed: allowedWords(vocabulary) });
    return code;
  };
  const words = <T extends string>(key: ImportColumnKey, vocabulary: Record<T, readonly string[]>) => {
    if (!has(key)) return null;
    const out: T[] = [];
    for (const w of splitList(cell(key))) {
      const code = lookup(vocabulary, w);
      if (code) out.push(code);
      else problem(key, 'cell.unknownValue', { value: w, allowed: allowedWords(vocabulary) });
    }
    return [...new Set(out)];
  };
  const amount = (key: ImportColumnKey): number | null => {
    const text = cell(key).replace(/[,，\s元]/g, '');
    if (text === '') return null;
    const tenThousands = text.endsWith('万');
    const value = Number(tenThousands ? text.slice(0, -1) : text) * (tenThousands ? 10_000 : 1);
    if (!Number.isFinite(value)) problem(key, 'cell.notNumber', { value: cell(key) });
    else if (value < 0) problem(key, 'cell.negative');
    else if (value > 1_000_000_000) problem(key, 'cell.tooBig');
    else return Math.round(value);
    return null;
  };
  const flag = (key: ImportColumnKey, read: (w: string) => boolean | undefined) => {
    if (!has(key)) return undefined;
    const value = cell(key);
    const result = read(value);
    if (result === undefined) problem(key, 'cell.unknownValue', { value, allowed: '是、否' });
    return result;
  };

  const village = required('village');
  const number = required('number');
  const name = required('name');
  const relationText = required('relation');
  const relation = relationText === '' ? undefined : word('relation', relationWords);

  let idNumber: string | null | undefined;
  if (has('idNumber')) {
    const raw = cell('idNumber');
    if (raw === '') idNumber = null;
    // A masked number (from an export) says nothing new: the registered one stays.
    else if (raw.includes('*')) idNumber = undefined;
    else {
      const normalized = normalizeIdNumber(raw);
      const checked = parseIdNumber(normalized);
      if (checked.ok) idNumber = normalized;
      else problem('idNumber', `idNumber.${checked.problem}`);
    }
  }
  let phone: string | null | undefined;
  if (has('phone')) {
    const raw = cell('phone').replace(/[\s()（）]/g, '');
    if (raw === '') phone = null;
    else if (raw.includes('*')) phone = undefined;
    else if (phonePattern.test(raw)) phone = raw;
    else problem('phone', 'cell.phone', { value: raw });
  }
  let partyJoinYear: number | null | undefined;
  if (has('partyJoinYear')) {
    const raw = cell('partyJoinYear').replace(/年$/, '');
    const year = Number(raw);
    if (raw === '') partyJoinYear = null;
    else if (Number.isInteger(year) && year >= 1921 && year <= currentYear) partyJoinYear = year;
    else problem('partyJoinYear', 'cell.notYear', { value: raw });
  }
  let year: number | null = null;
  if (has('year') && cell('year') !== '') {
    const raw = cell('year').replace(/年(度)?$/, '');
    const value = Number(raw);
    if (Number.isInteger(value) && value >= 2000 && value <= currentYear + 1) year = value;
    else problem('year', 'cell.notYear', { value: raw });
  }
  const totalIncome = amount('totalIncome');
  const debt = amount('debt');
  const hardships = words('hardships', hardshipWords);
  const mainIncomeSource = has('mainIncomeSource') ? cell('mainIncomeSource') || null : null;
  if (totalIncome !== null) year ??= currentYear;
  else if (debt !== null || (hardships?.length ?? 0) > 0 || mainIncomeSource) {
    problem('totalIncome', 'cell.required');
  }

  const resident: ParsedRow['resident'] = { name, relation: relation ?? 'other' };
  if (idNumber !== undefined) resident.idNumber = idNumber;
  if (phone !== undefined) resident.phone = phone;
  const party = flag('partyMember', partyMembership);
  if (party !== undefined) resident.partyMember = party;
  if (partyJoinYear !== undefined) resident.partyJoinYear = partyJoinYear;
  if (has('employment')) resident.employment = word('employment', employmentWords) ?? null;
  if (has('education')) resident.education = word('education', educationWords) ?? null;
  const disabled = flag('disabled', yesNo);
  if (disabled !== undefined) resident.disabled = disabled;
  const ill = flag('seriouslyIll', yesNo);
  if (ill !== undefined) resident.seriouslyIll = ill;
  const roles = words('publicRoles', publicRoleWords);
  if (roles) resident.publicRoles = roles;
  if (has('residentStatus')) resident.status = word('residentStatus', residentStatusWords) ?? 'active';

  const group = cell('group');
  if (number.length > 30) problem('number', 'cell.tooLong', { limit: 30 });
  if (name.length > 40) problem('name', 'cell.tooLong', { limit: 40 });

  if (problems.length > before) return null;
  return {
    row,
    village,
    group,
    number,
    resident,
    tagWords: has('tags') ? splitList(cell('tags')) : null,
    address: has('address') ? cell('address') : null,
    year,
    totalIncome,
    debt,
    mainIncomeSource,
    hardships,
  };
}
