import type { AppealEventKind } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { chunks } from '../../../platform/collections';
import { type AreaScope, inScope } from '../../../platform/scope';
import { isOpenAppeal } from '../../appeals';

/**
 * Appeals of the subtree received before `moment` that may have been open at that moment: those
 * open now, and those changed since (an appeal open then and closed now was written after it).
 */
export async function appealsPossiblyOpenAt(db: Db, scope: AreaScope, moment: string) {
  return db
    .selectFrom('appeals')
    .innerJoin('areas as village', 'village.code', 'appeals.village_code')
    .select([
      'appeals.id',
      'appeals.tracking_code',
      'appeals.village_code',
      'village.name as village_name',
      'appeals.category_code',
      'appeals.urgency',
      'appeals.status',
      'appeals.level',
      'appeals.received_at',
      'appeals.response_due_at',
      'appeals.resolution_due_at',
    ])
    .where((eb) => inScope(eb, 'appeals.village_code', scope))
    .where('appeals.received_at', '<', moment)
    .where((eb) => eb.or([isOpenAppeal, eb('appeals.updated_at', '>=', moment)]))
    .orderBy('appeals.received_at')
    .orderBy('appeals.id')
    .execute();
}

export interface TimelineEntry {
  at: string;
  kind: AppealEventKind;
  toStatus: string | null;
  toLevel: string | null;
}

/** The timeline entries that change an appeal's status, level or deadlines, oldest first, per appeal. */
export async function appealTimelines(db: Db, ids: string[]): Promise<Map<string, TimelineEntry[]>> {
  const out = new Map<string, TimelineEntry[]>();
  for (const part of chunks(ids, 500)) {
    const rows = await db
      .selectFrom('appeal_events')
      .select(['appeal_id', 'at', 'kind', 'to_status', 'to_level'])
      .where('appeal_id', 'in', part)
      .where((eb) =>
        eb.or([
          eb('to_status', 'is not', null),
          eb('to_level', 'is not', null),
          eb('kind', '=', 'approve_deferral'),
        ]),
      )
      .orderBy('appeal_id')
      .orderBy('at')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.appeal_id) ?? [];
      list.push({ at: r.at, kind: r.kind, toStatus: r.to_status, toLevel: r.to_level });
      out.set(r.appeal_id, list);
    }
  }
  return out;
}

/** The date of each household's latest visit up to `upTo` (a calendar date); households never visited are absent. */
export async function lastVisitDates(
  db: Db,
  householdIds: string[],
  upTo: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks(householdIds, 500)) {
    const rows = await db
      .selectFrom('visits')
      .select((eb) => ['household_id', eb.fn.max('date').as('last')])
      .where('household_id', 'in', part)
      .where('date', '<=', upTo)
      .groupBy('household_id')
      .execute();
    for (const r of rows) if (r.household_id && r.last) out.set(r.household_id, String(r.last));
  }
  return out;
}
