import {
  type HardshipFactor,
  type ImportColumnKey,
  type ImportProblem,
  importLimits,
  normalizeIdNumber,
  parseIdNumber,
  type ResidentInput,
} from '@lianxin/common';
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

const phonePattern = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/**
 * An ID number Excel kept as a number: in scientific notation, with a decimal point, or 15 and
 * more digits ending in zeros (a number keeps 15 significant digits; the rest become zeros).
 */
export function storedAsNumber(value: string): boolean {
  return /^\d(\.\d+)?E\+?\d+$/i.test(value) || /^\d{15,}\.\d*$/.test(value) || /^\d{15,}00$/.test(value);
}

/** An exported cell that began like a formula carries an apostrophe (see `neutralize`). */
function formulaGuarded(value: string): boolean {
  if (value.charCodeAt(0) !== 39 || value.length < 2) return false;
  const next = value[1] as string;
  return next === '=' || next === '+' || next === '-' || next === '@' || next === '\t' || next === '\r';
}

/**
 * Reads rows one at a time under one header map. The same reader serves every row of a file:
 * rows are many, and its helpers are made once rather than once a row.
 */
export class RowReader {
  readonly #headers: HeaderMap;
  readonly #currentYear: number;
  readonly #village: string | null;
  #row = 0;
  #cells: string[] = [];
  #problems: RowProblem[] = [];

  /** `village`: the village of a one-village roster (no village column), else null. */
  constructor(headers: HeaderMap, currentYear: number, village: string | null = null) {
    this.#headers = headers;
    this.#currentYear = currentYear;
    this.#village = village;
  }

  /** The household a row belongs to as the file writes it (its village and number), good or bad. */
  householdKey(cells: readonly string[]): string {
    const at = (key: ImportColumnKey) => {
      const i = this.#headers.index[key];
      return i === undefined ? '' : (cells[i] ?? '');
    };
    return `${this.#village ?? at('village')}|${at('number')}`;
  }

  /** Whether a row names a person (a line of the notes block does not). */
  hasName(cells: readonly string[]): boolean {
    const i = this.#headers.index.name;
    return i !== undefined && (cells[i] ?? '') !== '';
  }

  /** Whether a row repeats the header (a printed roster repeats it on every page). */
  isHeader(cells: readonly string[]): boolean {
    const i = this.#headers.index.number;
    const j = this.#headers.index.name;
    return (
      i !== undefined &&
      j !== undefined &&
      cells[i] === this.#headers.header.number &&
      cells[j] === this.#headers.header.name
    );
  }

  #problem(
    key: ImportColumnKey | null,
    problem: ImportProblem,
    params: Record<string, string | number> = {},
  ) {
    const column = key ? (this.#headers.header[key] ?? null) : null;
    this.#problems.push({ row: this.#row, column, problem, params });
  }

  #has(key: ImportColumnKey): boolean {
    return this.#headers.index[key] !== undefined;
  }

  #cell(key: ImportColumnKey): string {
    const i = this.#headers.index[key];
    const raw = i === undefined ? '' : (this.#cells[i] ?? '');
    // An exported cell that began like a formula carries an apostrophe; the value is what follows.
    const value = formulaGuarded(raw) ? raw.slice(1) : raw;
    if (value.length > importLimits.cellChars) {
      this.#problem(key, 'cell.tooLong', { limit: importLimits.cellChars });
      return '';
    }
    return value;
  }

  /** Whether the row has anything in the column (without checking it). */
  #given(key: ImportColumnKey): boolean {
    const i = this.#headers.index[key];
    return i !== undefined && (this.#cells[i] ?? '') !== '';
  }

  #required(key: ImportColumnKey): string {
    const value = this.#cell(key);
    if (value === '') this.#problem(key, 'cell.required');
    return value;
  }

  #word<T extends string>(key: ImportColumnKey, vocabulary: Record<T, readonly string[]>): T | undefined {
    const value = this.#cell(key);
    if (value === '') return undefined;
    const code = lookup(vocabulary, value);
    if (!code) this.#problem(key, 'cell.unknownValue', { value, allowed: allowedWords(vocabulary) });
    return code;
  }

  #words<T extends string>(key: ImportColumnKey, vocabulary: Record<T, readonly string[]>): T[] | null {
    if (!this.#has(key)) return null;
    const out: T[] = [];
    for (const w of splitList(this.#cell(key))) {
      const code = lookup(vocabulary, w);
      if (!code) this.#problem(key, 'cell.unknownValue', { value: w, allowed: allowedWords(vocabulary) });
      else if (!out.includes(code)) out.push(code);
    }
    return out;
  }

  #amount(key: ImportColumnKey): number | null {
    const text = this.#cell(key).replace(/[,，\s元]/g, '');
    if (text === '') return null;
    const tenThousands = text.endsWith('万');
    const value = Number(tenThousands ? text.slice(0, -1) : text) * (tenThousands ? 10_000 : 1);
    if (!Number.isFinite(value)) this.#problem(key, 'cell.notNumber', { value: this.#cell(key) });
    else if (value < 0) this.#problem(key, 'cell.negative');
    else if (value > 1_000_000_000) this.#problem(key, 'cell.tooBig');
    else return Math.round(value);
    return null;
  }

  #flag(key: ImportColumnKey, read: (w: string) => boolean | undefined): boolean | undefined {
    if (!this.#has(key)) return undefined;
    const value = this.#cell(key);
    const result = read(value);
    if (result === undefined) this.#problem(key, 'cell.unknownValue', { value, allowed: '是、否' });
    return result;
  }

  /** Reads one row; records what is wrong with it in `problems` and returns null if it cannot be used. */
  read(row: number, cells: string[], problems: RowProblem[]): ParsedRow | null {
    this.#row = row;
    this.#cells = cells;
    this.#problems = problems;
    const before = problems.length;
    const currentYear = this.#currentYear;

    const village = this.#village ?? this.#required('village');
    const number = this.#required('number');
    const name = this.#required('name');
    const relationText = this.#required('relation');
    const relation = relationText === '' ? undefined : this.#word('relation', relationWords);

    let idNumber: string | null | undefined;
    if (this.#has('idNumber')) {
      const raw = this.#cell('idNumber');
      if (raw === '') idNumber = null;
      // A masked number (from an export) says nothing new: the registered one stays.
      else if (raw.includes('*')) idNumber = undefined;
      else {
        const normalized = normalizeIdNumber(raw);
        const checked = parseIdNumber(normalized);
        if (checked.ok) idNumber = normalized;
        // Excel kept it as a number: the last digits are gone, whatever the check character says.
        else if (storedAsNumber(normalized)) this.#problem('idNumber', 'idNumber.numeric', { value: raw });
        else this.#problem('idNumber', `idNumber.${checked.problem}`);
      }
    }
    let phone: string | null | undefined;
    if (this.#has('phone')) {
      const raw = this.#cell('phone').replace(/[\s()（）]/g, '');
      if (raw === '') phone = null;
      else if (raw.includes('*')) phone = undefined;
      else if (phonePattern.test(raw)) phone = raw;
      else this.#problem('phone', 'cell.phone', { value: raw });
    }
    let partyJoinYear: number | null | undefined;
    if (this.#has('partyJoinYear')) {
      const raw = this.#cell('partyJoinYear').replace(/年$/, '');
      const year = Number(raw);
      if (raw === '') partyJoinYear = null;
      else if (Number.isInteger(year) && year >= 1921 && year <= currentYear) partyJoinYear = year;
      else this.#problem('partyJoinYear', 'cell.notYear', { value: raw });
    }
    let year: number | null = null;
    if (this.#has('year') && this.#cell('year') !== '') {
      const raw = this.#cell('year').replace(/年(度)?$/, '');
      const value = Number(raw);
      if (Number.isInteger(value) && value >= 2000 && value <= currentYear + 1) year = value;
      else this.#problem('year', 'cell.notYear', { value: raw });
    }
    const totalIncome = this.#amount('totalIncome');
    const debt = this.#amount('debt');
    const hardships = this.#words('hardships', hardshipWords);
    const mainIncomeSource = this.#has('mainIncomeSource') ? this.#cell('mainIncomeSource') || null : null;
    if (totalIncome !== null) year ??= currentYear;
    else if (
      !this.#given('totalIncome') &&
      (debt !== null || (hardships?.length ?? 0) > 0 || mainIncomeSource)
    ) {
      // Only when the income is left out: a wrong one has said what is wrong with it.
      this.#problem('totalIncome', 'cell.required');
    }

    const resident: ParsedRow['resident'] = { name, relation: relation ?? 'other' };
    if (idNumber !== undefined) resident.idNumber = idNumber;
    if (phone !== undefined) resident.phone = phone;
    const party = this.#flag('partyMember', partyMembership);
    if (party !== undefined) resident.partyMember = party;
    if (partyJoinYear !== undefined) resident.partyJoinYear = partyJoinYear;
    if (this.#has('employment')) resident.employment = this.#word('employment', employmentWords) ?? null;
    if (this.#has('education')) resident.education = this.#word('education', educationWords) ?? null;
    const disabled = this.#flag('disabled', yesNo);
    if (disabled !== undefined) resident.disabled = disabled;
    const ill = this.#flag('seriouslyIll', yesNo);
    if (ill !== undefined) resident.seriouslyIll = ill;
    const roles = this.#words('publicRoles', publicRoleWords);
    if (roles) resident.publicRoles = roles;
    if (this.#has('residentStatus')) {
      resident.status = this.#word('residentStatus', residentStatusWords) ?? 'active';
    }

    const group = this.#cell('group');
    if (number.length > 30) this.#problem('number', 'cell.tooLong', { limit: 30 });
    if (name.length > 40) this.#problem('name', 'cell.tooLong', { limit: 40 });

    if (problems.length > before) return null;
    return {
      row,
      village,
      group,
      number,
      resident,
      tagWords: this.#has('tags') ? splitList(this.#cell('tags')) : null,
      address: this.#has('address') ? this.#cell('address') : null,
      year,
      totalIncome,
      debt,
      mainIncomeSource,
      hardships,
    };
  }
}
