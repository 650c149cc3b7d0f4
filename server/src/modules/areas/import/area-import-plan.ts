import {
  type AreaImportPlan,
  type AreaImportRow,
  areaImportLimits,
  areaImportProblemMessage,
  type Locale,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { AreaScope } from '../../../platform/scope';
import { parseAreaFile, type RowProblem } from './area-import-parse';
import { existingAreas } from './area-imports.repository';

/** A checked file: what each row would do, and every problem. */
export interface CheckedPlan {
  rows: number;
  items: AreaImportRow[];
  problems: RowProblem[];
}

/**
 * Checks an area file against the tree: each row is created, renamed (same code, new name) or
 * unchanged; a row's parent must be in the file or in the tree; a caller with an area scope
 * reaches only codes in their subtree (null: the command line on an empty database).
 */
export async function checkAreaFile(db: Db, scope: AreaScope | null, content: Buffer): Promise<CheckedPlan> {
  const parsed = await parseAreaFile(content);
  const problems = [...parsed.problems];
  const inFile = new Set(parsed.areas.map((a) => a.code));
  const lookup = new Set<string>();
  for (const a of parsed.areas) {
    lookup.add(a.code);
    if (a.parentCode) lookup.add(a.parentCode);
  }
  const existing = await existingAreas(db, [...lookup]);
  const items: AreaImportRow[] = [];
  for (const area of parsed.areas) {
    const { sheet, row, code } = area;
    if (scope && !code.startsWith(scope.prefix)) {
      problems.push({ sheet, row, problem: 'row.outsideScope', params: { code } });
      continue;
    }
    const parent = area.parentCode;
    if (parent && !inFile.has(parent) && !existing.has(parent)) {
      problems.push({ sheet, row, problem: 'row.parentMissing', params: { parent } });
      continue;
    }
    const current = existing.get(code);
    if (current && current.kind !== area.kind) {
      problems.push({ sheet, row, problem: 'row.kindChanged', params: { code } });
      continue;
    }
    const action = !current ? 'create' : current.name === area.name ? 'unchanged' : 'rename';
    items.push({ ...area, action, previousName: action === 'rename' ? (current?.name ?? null) : null });
  }
  problems.sort((a, b) => a.sheet - b.sheet || a.row - b.row);
  return { rows: parsed.rows, items, problems };
}

/** The plan as the API and the console show it. */
export function describePlan(
  plan: CheckedPlan,
  locale: Locale,
  options: { dryRun: boolean; applied: boolean },
): AreaImportPlan {
  const summary = { create: 0, rename: 0, unchanged: 0 };
  for (const item of plan.items) summary[item.action]++;
  return {
    ...options,
    rows: plan.rows,
    summary,
    items: plan.items,
    problems: plan.problems.slice(0, areaImportLimits.problemsKept).map((p) => ({
      ...p,
      message: areaImportProblemMessage(p.problem, p.params, locale),
    })),
    problemCount: plan.problems.length,
  };
}
