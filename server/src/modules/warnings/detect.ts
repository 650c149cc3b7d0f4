import type { WarningKind, WarningSettings, WarningSeverity } from '@lianxin/common';
import { bigrams, dice } from '../appeals';
import type { CandidateRow } from './warnings.repository';

const DAY = 86_400_000;

/** A group of appeals the scan found: what kind, which appeals, and the words behind it. */
export interface Finding {
  /** Warnings of one family match each other: a grown cluster may turn collective. */
  family: 'similar' | 'repeat' | 'risk';
  kind: WarningKind;
  appeals: CandidateRow[];
  words: string[];
  /** Where it sits: the village, or the town when it spans villages. */
  areaCode: string;
  townCode: string;
  categoryCode: string | null;
  households: number;
  severity: WarningSeverity;
}

/** The words of `words` that `text` contains. */
export function wordsIn(text: string, words: readonly string[]): string[] {
  return words.filter((w) => w.length > 0 && text.includes(w));
}

/** Who reported: the household, the resident or the phone; null for an anonymous appeal. */
function reporterOf(a: CandidateRow): string | null {
  return a.household_id ?? a.reporter_resident_id ?? a.reporter_phone_hash;
}

/** Households that can be told apart: anonymous appeals never make a matter collective. */
function householdCount(appeals: readonly CandidateRow[]): number {
  return new Set(appeals.map(reporterOf).filter((r) => r !== null)).size;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Connected groups of appeals that read alike (each pair linked when Dice ≥ `threshold`). */
export function similarGroups(
  appeals: readonly CandidateRow[],
  threshold: number,
  // Texts seen before in this scan: the same words sent again (a collective appeal copied from
  // house to house) are split into bigrams once.
  seen = new Map<string, Set<string>>(),
): CandidateRow[][] {
  const grams = appeals.map((a) => {
    const text = `${a.title}${a.description}`;
    let found = seen.get(text);
    if (!found) {
      found = bigrams(text);
      seen.set(text, found);
    }
    return found;
  });
  const parent = appeals.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r;
    return r;
  };
  for (let i = 0; i < appeals.length; i++) {
    for (let j = i + 1; j < appeals.length; j++) {
      if (root(i) === root(j)) continue;
      const a = grams[i] as Set<string>;
      const b = grams[j] as Set<string>;
      if (a === b || dice(a, b) >= threshold) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, CandidateRow[]>();
  appeals.forEach((a, i) => {
    const r = root(i);
    const list = groups.get(r);
    if (list) list.push(a);
    else groups.set(r, [a]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

function placeOf(appeals: readonly CandidateRow[]): { areaCode: string; townCode: string } {
  const villages = new Set(appeals.map((a) => a.village_code));
  const first = appeals[0] as CandidateRow;
  const townCode = first.town_code ?? first.village_code;
  return { areaCode: villages.size === 1 ? first.village_code : townCode, townCode };
}

/** Whether a group of similar appeals is a warning, and of which kind and severity. */
export function judgeSimilar(
  appeals: readonly CandidateRow[],
  settings: WarningSettings,
): Pick<Finding, 'kind' | 'severity' | 'households'> | null {
  const households = householdCount(appeals);
  const oneVillage = new Set(appeals.map((a) => a.village_code)).size === 1;
  const collective = oneVillage && households >= settings.collectiveMinHouseholds;
  if (!collective && appeals.length < settings.clusterMinAppeals) return null;
  const severe =
    appeals.length >= 2 * settings.clusterMinAppeals || households >= 2 * settings.collectiveMinHouseholds;
  return {
    kind: collective ? 'collective' : 'cluster',
    severity: collective || severe ? 'high' : 'medium',
    households,
  };
}

/** Whether one resident's appeals are a repeat warning, and how severe. */
export function judgeRepeat(
  appeals: readonly CandidateRow[],
  settings: WarningSettings,
): WarningSeverity | null {
  if (appeals.length < settings.repeatMinAppeals) return null;
  return appeals.length >= 2 * settings.repeatMinAppeals ? 'high' : 'medium';
}

/**
 * Everything the scan finds among the candidates at `now`: clusters of similar appeals of one
 * category in one town (a village and its neighbours) within the cluster window, a resident's
 * repeat appeals within the repeat window, and appeals with risk words. Pure: the service matches
 * the findings with the warnings already raised.
 */
export function detect(
  candidates: readonly CandidateRow[],
  settings: WarningSettings,
  now: Date,
  /** The appeals of residents who appealed often in the repeat window (the candidates when omitted). */
  frequent: readonly CandidateRow[] = candidates,
): Finding[] {
  const findings: Finding[] = [];
  const clusterSince = new Date(now.getTime() - settings.clusterDays * DAY).toISOString();
  const repeatSince = new Date(now.getTime() - settings.repeatDays * DAY).toISOString();
  const byId = (a: CandidateRow, b: CandidateRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  const recent = candidates.filter((a) => a.received_at >= clusterSince);
  const seen = new Map<string, Set<string>>();
  const byTownAndCategory = groupBy(recent, (a) => `${a.town_code ?? a.village_code}|${a.category_code}`);
  for (const group of byTownAndCategory.values()) {
    for (const similar of similarGroups(group, settings.similarity, seen)) {
      const judged = judgeSimilar(similar, settings);
      if (!judged) continue;
      findings.push({
        family: 'similar',
        ...judged,
        appeals: similar.sort(byId),
        words: [],
        ...placeOf(similar),
        categoryCode: (similar[0] as CandidateRow).category_code,
      });
    }
  }

  const inRepeatWindow = frequent.filter((a) => a.received_at >= repeatSince);
  const byReporter = groupBy(inRepeatWindow, (a) => a.reporter_resident_id ?? a.reporter_phone_hash);
  for (const appeals of byReporter.values()) {
    const severity = judgeRepeat(appeals, settings);
    if (!severity) continue;
    const sorted = [...appeals].sort(byId);
    const latest = sorted[sorted.length - 1] as CandidateRow;
    findings.push({
      family: 'repeat',
      kind: 'repeat',
      severity,
      appeals: sorted,
      words: [],
      areaCode: latest.village_code,
      townCode: latest.town_code ?? latest.village_code,
      categoryCode: null,
      households: 1,
    });
  }

  for (const appeal of recent) {
    const words = wordsIn(`${appeal.title}${appeal.description}`, settings.riskWords);
    if (words.length === 0) continue;
    findings.push({
      family: 'risk',
      kind: 'risk',
      severity: words.length > 1 ? 'high' : 'medium',
      appeals: [appeal],
      words,
      areaCode: appeal.village_code,
      townCode: appeal.town_code ?? appeal.village_code,
      categoryCode: appeal.category_code,
      households: 1,
    });
  }
  return findings;
}

/** The kinds of one family: a warning of any of them stands for the finding. */
export const familyKinds: Record<Finding['family'], readonly WarningKind[]> = {
  similar: ['cluster', 'collective'],
  repeat: ['repeat'],
  risk: ['risk'],
};
