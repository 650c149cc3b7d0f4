import type { Appeal, AppealRating, CallbackBody, CallbackTask } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealEventsTable, AppealsTable } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import { enqueueNotifications } from '../../../platform/notifications/notifications.service';
import type { AreaContext } from '../../../platform/request-context';
import { codeInScope } from '../../../platform/scope';
import { type AppealRow, holderOf, insertEvents, updateAppeal } from '../appeals.repository';
import { findCategory } from '../categories/categories.repository';
import { appealSettings, calendarFor, deadlines } from '../intake/deadlines';
import {
  announceStatusChange,
  appealLevelNames,
  event,
  levelAbove,
  levelChange,
  loadAppeal,
  newLevelNotice,
} from '../lifecycle';
import { getAppeal } from '../queries/queries.service';
import { latestCallback, openCallbacks, updateCallback } from './callbacks.repository';

/**
 * Applies a resident's rating (at callback or on the public page): satisfied or basically
 * satisfied closes the appeal; unsatisfied reopens it, and after too many reopenings sends it up.
 */
async function applyRating(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'actor'>,
  row: AppealRow,
  rating: AppealRating,
  comment: string,
  via: 'callback' | 'rated',
): Promise<void> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const events: Insertable<AppealEventsTable>[] = [
    event(row.id, nowIso, ctx.actor, { kind: via, note: comment || null, public: via === 'rated' }),
  ];
  let patch: Updateable<AppealsTable>;
  if (rating !== 'unsatisfied') {
    patch = { status: 'closed', closed_at: nowIso };
    events.push(
      event(row.id, nowIso, ctx.actor, {
        kind: 'closed',
        from_status: 'resolved',
        to_status: 'closed',
        public: true,
      }),
    );
  } else {
    const settings = await appealSettings(db);
    const category = await findCategory(db, row.category_code);
    if (!category) throw new Error(`appeal ${row.id} has unknown category ${row.category_code}`);
    const reopenCount = row.reopen_count + 1;
    const up = reopenCount >= settings.reopenEscalateAfter ? levelAbove(row.level) : null;
    patch = {
      status: 'reopened',
      reopen_count: reopenCount,
      resolution: null,
      resolved_at: null,
      resolved_level: null,
      resolved_by: null,
      ...deadlines(now, settings, category, row.urgency, await calendarFor(db, category)),
      response_warn_at: null,
      ...(up ? await levelChange(db, row, up, now) : {}),
    };
    if (up) patch.status = 'reopened';
    events.push(
      event(row.id, nowIso, ctx.actor, {
        kind: 'reopened',
        from_status: 'resolved',
        to_status: 'reopened',
        from_level: up ? row.level : null,
        to_level: up,
        note: up ? `第 ${reopenCount} 次不满意，转${appealLevelNames[up]}办理` : null,
        public: true,
      }),
    );
    if (up) {
      await enqueueNotifications(db, ctx.clock, [
        { ...newLevelNotice(row, holderOf(row.village_code, up), up), kind: 'appeal.escalated' },
      ]);
    }
  }
  const ok = await updateAppeal(db, row.id, row.version, {
    ...patch,
    rating,
    rating_comment: comment || null,
    rated_at: nowIso,
    updated_at: nowIso,
  });
  if (!ok) throw new AppError('VERSION_CONFLICT');
  await insertEvents(db, events);
  if (patch.status && patch.status !== row.status) {
    await announceStatusChange(db, ctx.clock, {
      appealId: row.id,
      villageCode: row.village_code,
      from: row.status,
      to: patch.status,
      level: patch.level ?? row.level,
    });
  }
}

/** A callback (回访) by someone other than the handler; an unreached resident leaves it open. */
export async function recordCallback(
  db: Db,
  ctx: AreaContext,
  id: string,
  body: CallbackBody,
): Promise<Appeal> {
  const row = await loadAppeal(db, ctx, id);
  const callback = await latestCallback(db, id);
  if (!callback || callback.done_at !== null || row.status !== 'resolved') {
    throw new AppError('APPEAL_STATE_INVALID', { status: row.status });
  }
  if (!codeInScope(callback.area_code, ctx.scope)) throw new AppError('APPEAL_NOT_HELD');
  if (
    row.handler_id === ctx.caller.id ||
    row.resolved_by === ctx.caller.id ||
    callback.handler_id === ctx.caller.id
  ) {
    throw new AppError('APPEAL_CALLBACK_BY_HANDLER');
  }
  if (row.version !== body.version) throw new AppError('VERSION_CONFLICT');
  const nowIso = ctx.clock.now().toISOString();
  // The schema asks for a rating whenever the resident was reached.
  const rating = body.reached ? body.rating : undefined;
  if (rating === undefined) {
    await updateCallback(db, callback.id, { attempts: callback.attempts + 1 });
    const ok = await updateAppeal(db, row.id, row.version, { updated_at: nowIso });
    if (!ok) throw new AppError('VERSION_CONFLICT');
    await insertEvents(db, [
      event(row.id, nowIso, ctx.actor, {
        kind: 'callback',
        note: `未联系上${body.comment ? `：${body.comment}` : ''}`,
      }),
    ]);
  } else {
    await updateCallback(db, callback.id, {
      attempts: callback.attempts + 1,
      done_at: nowIso,
      done_by: ctx.caller.id,
      rating,
      comment: body.comment || null,
    });
    await applyRating(db, ctx, row, rating, body.comment, 'callback');
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'appeal.callback',
    objectType: 'appeal',
    objectId: row.id,
    areaCode: row.village_code,
    after: { reached: rating !== undefined, rating: rating ?? null },
  });
  return getAppeal(db, ctx, id);
}

/** The resident rates on the public page; it closes the open callback as well. */
export async function rateByResident(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'actor'>,
  row: AppealRow,
  rating: AppealRating,
  comment: string,
): Promise<void> {
  if (row.status !== 'resolved') throw new AppError('APPEAL_ALREADY_RATED');
  const callback = await latestCallback(db, row.id);
  if (callback && callback.done_at === null) {
    await updateCallback(db, callback.id, {
      done_at: ctx.clock.now().toISOString(),
      rating,
      comment: comment || null,
    });
  }
  await applyRating(db, ctx, row, rating, comment, 'rated');
}

export async function callbackTasks(db: Db, ctx: AreaContext, limit: number): Promise<CallbackTask[]> {
  const now = ctx.clock.now().toISOString();
  const rows = await openCallbacks(db, ctx.scope, ctx.caller.id, limit);
  return rows.map((r) => ({
    id: r.id,
    appealId: r.appeal_id,
    trackingCode: r.tracking_code,
    title: r.title,
    villageName: r.village_name,
    handlerName: r.handler_name,
    resolvedAt: r.resolved_at ?? '',
    dueAt: r.due_at,
    overdue: r.due_at < now,
    attempts: r.attempts,
  }));
}
