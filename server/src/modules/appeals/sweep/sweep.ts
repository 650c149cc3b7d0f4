import { type AppealLevel, openAppealStatuses } from '@lianxin/common';
import type { Kysely } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { DB } from '../../../db/schema';
import type { Clock } from '../../../platform/clock';
import { groupBy } from '../../../platform/collections';
import type { JobWorker } from '../../../platform/jobs/jobs.worker';
import {
  enqueueNotifications,
  type OutgoingNotification,
} from '../../../platform/notifications/notifications.service';
import { withTransaction } from '../../../platform/request-context';
import { holderOf, insertEvents } from '../appeals.repository';
import { listCategories } from '../categories/categories.repository';
import { appealSettings, calendarFor, deadlines } from '../intake/deadlines';
import { announceStatusChange, appealLevelNames, event } from '../lifecycle';
import { forgetSubmissions, forgetTrackFailures } from '../public/public.repository';
import {
  disarmStaleWarnings,
  moveUp,
  overdueAt,
  takeDueWarnings,
  takeOverdueCallbacks,
} from './sweep.repository';

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
  inTransaction: <T>(work: (trx: Db) => Promise<T>) => Promise<T> = (work) => withTransaction({ db }, work),
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
  const dayAgo = new Date(clock.now().getTime() - 24 * 3_600_000).toISOString();
  await inTransaction((trx) => forgetTrackFailures(trx, dayAgo));
  await inTransaction((trx) => forgetSubmissions(trx, dayAgo));
  return result;
}

async function escalateBatch(
  trx: Db,
  clock: Clock,
  from: AppealLevel,
  to: 'town' | 'district',
): Promise<number> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const candidates = await overdueAt(trx, from, nowIso, BATCH);
  if (candidates.length === 0) return 0;
  const [settings, categories] = await Promise.all([appealSettings(trx), listCategories(trx)]);
  const categoryOf = new Map(categories.map((c) => [c.code, c]));
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
    const updated = await moveUp(
      trx,
      rows.map((r) => r.id),
      {
        from,
        to,
        deadlines: deadlines(now, settings, category, first.urgency, await calendarFor(trx, category)),
        now: nowIso,
      },
    );
    escalated += updated.length;
    for (const r of updated) {
      await announceStatusChange(trx, clock, {
        appealId: r.id,
        villageCode: r.village_code,
        from: null,
        to: 'received',
        level: to,
      });
    }
    await insertEvents(
      trx,
      updated.map((r) =>
        event(
          r.id,
          nowIso,
          { id: null, name: null },
          {
            kind: 'auto_escalate',
            to_status: 'received',
            from_level: from,
            to_level: to,
            note: `逾期未办结，自动转${appealLevelNames[to]}办理`,
            public: true,
          },
        ),
      ),
    );
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
    const updated = await takeDueWarnings(
      trx,
      kind,
      kind === 'response' ? ['received'] : open,
      nowIso,
      BATCH,
    );
    if (updated.length === 0) continue;
    warned += updated.length;
    await insertEvents(
      trx,
      updated.map((r) =>
        event(
          r.id,
          nowIso,
          { id: null, name: null },
          {
            kind: kind === 'response' ? 'warn_response' : 'warn_resolution',
            note: `期限 ${kind === 'response' ? r.response_due_at : r.resolution_due_at}`,
          },
        ),
      ),
    );
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
  await disarmStaleWarnings(trx, nowIso);
  return warned;
}

async function remindCallbacks(trx: Db, clock: Clock): Promise<number> {
  const nowIso = clock.now().toISOString();
  const due = await takeOverdueCallbacks(trx, nowIso);
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
