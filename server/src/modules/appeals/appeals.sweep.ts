import { type AppealLevel, openAppealStatuses } from '@lianxin/common';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../../db/dialect';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { groupBy } from '../../platform/collections';
import { newId } from '../../platform/ids';
import type { JobWorker } from '../../platform/jobs/jobs.worker';
import {
  enqueueNotifications,
  type OutgoingNotification,
} from '../../platform/notifications/notifications.service';
import { holderOf, isOpenAppeal, listCategories } from './appeals.repository';
import { appealSettings, deadlines } from './intake/deadlines';
import { appealLevelNames } from './lifecycle';

const BATCH = 2000;
const open = [...openAppealStatuses];

export interface SweepResult {
  escalated: number;
  warned: number;
  reminded: number;
}

/**
 * The deadline sweep (a durable job, every minute): appeals past their resolution deadline go
 * one level up (village → town → district) with the receiving level notified; warnings (催办)
 * go out before a deadline passes; overdue callbacks are reminded. Each step is a conditional
 * update, so a sweep run twice, or by two instances at once, changes each appeal once.
 */
export async function sweepAppeals(
  db: Kysely<DB>,
  clock: Clock,
  /** Runs one batch in a transaction: its own by default; the benchmark passes one it rolls back. */
  inTransaction: <T>(work: (trx: Db) => Promise<T>) => Promise<T> = (work) => db.transaction().execute(work),
): Promise<SweepResult> {
  const result: SweepResult = { escalated: 0, warned: 0, reminded: 0 };
  for (const [from, to] of [
    ['village', 'town'],
    ['town', 'district'],
  ] as const) {
    for (;;) {
      const n = await inTransaction((trx) => escalateBatch(trx, clock, from, to));
      result.escalated += n;
      if (n < BATCH) break;
    }
  }
  for (;;) {
    const n = await inTransaction((trx) => warnBatch(trx, clock));
    result.warned += n;
    if (n < BATCH) break;
  }
  result.reminded = await inTransaction((trx) => remindCallbacks(trx, clock));
  await inTransaction((trx) =>
    trx
      .deleteFrom('public_failures')
      .where('at', '<', new Date(clock.now().getTime() - 24 * 3_600_000).toISOString())
      .execute(),
  );
  return result;
}

async function escalateBatch(trx: Db, clock: Clock, from: AppealLevel, to: AppealLevel): Promise<number> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const candidates = await trx
    .selectFrom('appeals')
    .select(['id', 'category_code', 'urgency', 'village_code', 'tracking_code', 'title'])
    .where(isOpenAppeal)
    .where('resolution_due_at', '<', nowIso)
    .where('level', '=', from)
    .limit(BATCH)
    .execute();
  if (candidates.length === 0) return 0;
  const [settings, categories] = await Promise.all([appealSettings(trx), listCategories(trx)]);
  const categoryOf = new Map(categories.map((c) => [c.code, c]));
  const holderDigits = to === 'town' ? 9 : 6;
  let escalated = 0;
  const notices: OutgoingNotification[] = [];
  // Appeals with the same category and urgency get the same new deadlines: one update each.
  const groups = groupBy(
    candidates,
    (c) => `${c.category_code}|${c.urgency}`,
    (c) => c,
  );
  for (const rows of groups.values()) {
    const first = rows[0];
    const category = first && categoryOf.get(first.category_code);
    if (!first || !category) continue;
    const updated = await trx
      .updateTable('appeals')
      .set((eb) => ({
        level: to,
        max_level:
          to === 'district'
            ? 'district'
            : sql<AppealLevel>`case when max_level = 'district' then 'district' else ${to} end`,
        holder_area_code: sql<string>`substr(village_code, 1, ${sql.lit(holderDigits)}) || ${sql.lit('0'.repeat(12 - holderDigits))}`,
        handler_id: null,
        status: 'received',
        deferral_reason: null,
        deferral_date: null,
        deferral_approved: false,
        ...deadlines(now, settings, category, first.urgency),
        version: eb('version', '+', 1),
        updated_at: nowIso,
      }))
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .where(isOpenAppeal)
      .where('resolution_due_at', '<', nowIso)
      .where('level', '=', from)
      .returning(['id', 'village_code', 'tracking_code', 'title'])
      .execute();
    escalated += updated.length;
    await trx
      .insertInto('appeal_events')
      .values(
        updated.map((r) => ({
          id: newId(),
          appeal_id: r.id,
          at: nowIso,
          kind: 'auto_escalate' as const,
          actor_id: null,
          actor_name: null,
          from_status: null,
          to_status: 'received' as const,
          from_level: from,
          to_level: to,
          note: `逾期未办结，自动转${appealLevelNames[to]}办理`,
          public: true,
        })),
      )
      .execute();
    for (const [holder, appeals] of groupBy(
      updated,
      (r) => holderOf(r.village_code, to),
      (r) => r,
    )) {
      const codes = appeals.slice(0, 10).map((a) => a.tracking_code);
      notices.push({
        kind: 'appeal.escalated',
        areaCode: holder,
        recipient: `${appealLevelNames[to]}问题库 ${holder}`,
        message: `${appeals.length} 件诉求逾期未办结，已自动转${appealLevelNames[to]}：${codes.join('、')}${appeals.length > codes.length ? ' 等' : ''}`,
        appealId: appeals.length === 1 ? (appeals[0]?.id ?? null) : null,
      });
    }
  }
  await enqueueNotifications(trx, clock, notices);
  return escalated;
}

async function warnBatch(trx: Db, clock: Clock): Promise<number> {
  const nowIso = clock.now().toISOString();
  let warned = 0;
  for (const kind of ['response', 'resolution'] as const) {
    const column = kind === 'response' ? 'response_warn_at' : 'resolution_warn_at';
    const updated = await trx
      .updateTable('appeals')
      .set({ [column]: null })
      .where(column, '<', nowIso)
      .where('status', 'in', kind === 'response' ? ['received'] : open)
      .where('id', 'in', trx.selectFrom('appeals').select('id').where(column, '<', nowIso).limit(BATCH))
      .returning([
        'id',
        'holder_area_code',
        'level',
        'tracking_code',
        'title',
        'response_due_at',
        'resolution_due_at',
      ])
      .execute();
    if (updated.length === 0) continue;
    warned += updated.length;
    await trx
      .insertInto('appeal_events')
      .values(
        updated.map((r) => ({
          id: newId(),
          appeal_id: r.id,
          at: nowIso,
          kind: kind === 'response' ? ('warn_response' as const) : ('warn_resolution' as const),
          actor_id: null,
          actor_name: null,
          from_status: null,
          to_status: null,
          from_level: null,
          to_level: null,
          note: `期限 ${kind === 'response' ? r.response_due_at : r.resolution_due_at}`,
          public: false,
        })),
      )
      .execute();
    await enqueueNotifications(
      trx,
      clock,
      [
        ...groupBy(
          updated,
          (r) => r.holder_area_code,
          (r) => r,
        ),
      ].map(([holder, rows]) => ({
        kind: 'appeal.warning' as const,
        areaCode: holder,
        recipient: `${appealLevelNames[rows[0]?.level ?? 'village']}问题库 ${holder}`,
        message: `催办：${rows.length} 件诉求${kind === 'response' ? '即将超过受理期限' : '即将超过办结期限'}：${rows
          .slice(0, 10)
          .map((r) => r.tracking_code)
          .join('、')}`,
        appealId: rows.length === 1 ? (rows[0]?.id ?? null) : null,
      })),
    );
  }
  // Rows whose warning no longer applies (answered, closed) are disarmed without a notice.
  await trx
    .updateTable('appeals')
    .set({ response_warn_at: null })
    .where('response_warn_at', '<', nowIso)
    .where('status', '!=', 'received')
    .execute();
  await trx
    .updateTable('appeals')
    .set({ resolution_warn_at: null })
    .where('resolution_warn_at', '<', nowIso)
    .where('status', 'not in', open)
    .execute();
  return warned;
}

async function remindCallbacks(trx: Db, clock: Clock): Promise<number> {
  const nowIso = clock.now().toISOString();
  const due = await trx
    .updateTable('appeal_callbacks')
    .set({ reminded_at: nowIso })
    .where('done_at', 'is', null)
    .where('reminded_at', 'is', null)
    .where('due_at', '<', nowIso)
    .returning(['id', 'area_code', 'appeal_id'])
    .execute();
  await enqueueNotifications(
    trx,
    clock,
    [
      ...groupBy(
        due,
        (r) => r.area_code,
        (r) => r,
      ),
    ].map(([area, rows]) => ({
      kind: 'callback.overdue' as const,
      areaCode: area,
      recipient: `回访 ${area}`,
      message: `${rows.length} 件诉求的回访已超期，请尽快回访`,
      appealId: rows.length === 1 ? (rows[0]?.appeal_id ?? null) : null,
    })),
  );
  return due.length;
}

export function registerAppealJobs(jobs: JobWorker): void {
  jobs
    .handleLong('appeals.sweep', async ({ db, clock }) => {
      await sweepAppeals(db, clock);
    })
    .every('appeals.sweep', 60_000);
}
