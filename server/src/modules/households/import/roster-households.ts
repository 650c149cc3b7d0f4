import type { Caller } from '../../../platform/context';
import type { areasForImport } from './roster.repository';
import type { PlannedHousehold, PlannedMember, Problems } from './roster-plan';
import type { HeaderMap, ParsedRow } from './roster-rows';
import { groupNumber } from './roster-vocabulary';

// Rows into households: each row's village and group as the file names them, the household-level
// fields (the first value given counts), one head per household, ID numbers once in the file.

type Areas = Awaited<ReturnType<typeof areasForImport>>;
type Column = (key: keyof HeaderMap['header']) => string | null;

/** The village a one-village roster belongs to by default: the caller's own (a group's village). */
export function callerVillage(caller: Caller | null): string | null {
  if (!caller) return null;
  if (caller.areaKind === 'village') return caller.areaCode;
  if (caller.areaKind === 'group') return caller.areaCode.slice(0, 12);
  return null;
}

/**
 * The group a row names, however the office writes it: its name (一组, 第一网格), or its number
 * in any form (1组, 一组, 第1组, 01组, 一) against the groups' names and codes.
 */
export function findGroup(groups: readonly { code: string; name: string }[], word: string) {
  const exact = groups.find((g) => g.name === word);
  if (exact) return exact;
  const n = groupNumber(word);
  if (n === undefined) return undefined;
  return groups.find((g) => groupNumber(g.name) === n) ?? groups.find((g) => Number(g.code.slice(12)) === n);
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

interface Draft {
  villageCode: string;
  areaCode: string | null;
  number: string;
  rows: ParsedRow[];
  householdTags: Set<string> | null;
  /** Each row's member tags, null when the row gives none. */
  memberTags: (string[] | null)[];
}

/** Puts the checked rows together into the households they describe. */
export function draftHouseholds(
  parsed: readonly ParsedRow[],
  areas: Areas,
  headers: HeaderMap,
  ctx: {
    currentYear: number;
    lookupHash: (value: string) => string;
    /** Whether the household of a row has rows refused on their own (its head's, maybe). */
    hasBadRows?: (row: number) => boolean;
  },
  problems: Problems,
): PlannedHousehold[] {
  const column: Column = (key) => headers.header[key] ?? null;
  const { villages, groups, tags } = areas;
  const villagesByName = new Map<string, string[]>();
  for (const v of villages) villagesByName.set(v.name, [...(villagesByName.get(v.name) ?? []), v.code]);
  const villageCodes = new Set(villages.map((v) => v.code));
  const tagByWord = new Map<string, { code: string; appliesTo: string }>();
  for (const t of tags) {
    tagByWord.set(t.code, { code: t.code, appliesTo: t.applies_to });
    tagByWord.set(t.name, { code: t.code, appliesTo: t.applies_to });
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
      const villageGroups = groups.get(villageCode) ?? [];
      const group = findGroup(villageGroups, row.group);
      if (!group) {
        const names = villageGroups.map((g) => g.name);
        problems.add({
          row: row.row,
          column: column('group'),
          problem: 'area.unknownGroup',
          params: {
            value: row.group,
            groups:
              names.length === 0 ? '无' : `${names.slice(0, 30).join('、')}${names.length > 30 ? '…' : ''}`,
          },
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

  const seenIds = new Map<string, number>();
  const planned: PlannedHousehold[] = [];
  for (const draft of drafts.values()) {
    const address = firstGiven(draft.rows, 'address', column('address'), problems);
    const year = firstGiven(draft.rows, 'year', column('year'), problems);
    const totalIncome = firstGiven(draft.rows, 'totalIncome', column('totalIncome'), problems);
    const debt = firstGiven(draft.rows, 'debt', column('debt'), problems);
    const mainIncomeSource = firstGiven(draft.rows, 'mainIncomeSource', column('mainIncomeSource'), problems);
    const hardships = [...new Set(draft.rows.flatMap((r) => r.hardships ?? []))];

    const heads = draft.rows.filter(
      (r) => r.resident.relation === 'head' && (r.resident.status ?? 'active') === 'active',
    );
    // A head whose row was refused for its own error is not missing: that error says it all.
    if (heads.length === 0 && !ctx.hasBadRows?.(draft.rows[0]?.row ?? 0)) {
      problems.add({
        row: draft.rows[0]?.row ?? 0,
        column: column('relation'),
        problem: 'household.noHead',
        params: { number: draft.number, rows: '' },
      });
    }
    // Two heads: each head's row says so, not only the later one.
    if (heads.length > 1) {
      const rows = heads.map((h) => h.row).join('、');
      for (const head of heads) {
        problems.add({
          row: head.row,
          column: column('relation'),
          problem: 'household.twoHeads',
          params: { number: draft.number, rows },
        });
      }
    }
    const members: PlannedMember[] = [];
    for (const [i, row] of draft.rows.entries()) {
      const id = row.resident.idNumber ?? null;
      const hash = id ? ctx.lookupHash(id) : null;
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
          : { year: year ?? ctx.currentYear, totalIncome, debt: debt ?? 0, mainIncomeSource, hardships },
      members,
    });
  }
  return planned;
}
