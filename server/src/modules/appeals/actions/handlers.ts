import { type AppealAction, type AppealActionBody, chinaDate, chinaDayStart } from '@lianxin/common';
import type { Updateable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealsTable } from '../../../db/schema';
import { AppError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { OutgoingNotification } from '../../../platform/notifications/notifications.service';
import type { RequestContext } from '../../../platform/request-context';
import { type AppealRow, findAppeal, insertEvents } from '../appeals.repository';
import { insertCallback } from '../callbacks/callbacks.repository';
import { findCandidate } from '../candidates.repository';
import { appealSettings } from '../intake/deadlines';
import {
  at,
  event,
  HOUR,
  isOpen,
  levelAbove,
  levelBelow,
  levelChange,
  newLevelNotice,
  residentNotice,
} from '../lifecycle';

/** What an action changes: the row, its timeline note, the notices, and any write that goes with it. */
export interface ActionResult {
  patch: Updateable<AppealsTable>;
  note: string | null;
  public: boolean;
  notices: OutgoingNotification[];
  after?: (db: Db) => Promise<void>;
}

export interface ActionInput<A extends AppealAction> {
  db: Db;
  ctx: RequestContext;
  row: AppealRow;
  body: AppealActionBody<A>;
  now: Date;
}

/** One action's rules and change; the lifecycle and the version are checked before it runs. */
export type ActionHandler<A extends AppealAction> = (input: ActionInput<A>) => Promise<ActionResult>;

/** A text field the form may leave empty: empty is no note. */
const given = (value: string | undefined): string | null => (value ? value : null);

const noNotices: OutgoingNotification[] = [];

/** A handler is an active account of the unit that holds the appeal, in a role that works on appeals. */
async function checkHandler(db: Db, row: AppealRow, handlerId: string): Promise<{ name: string }> {
  const handler = await findCandidate(db, row.holder_area_code, handlerId);
  if (!handler) throw new AppError('APPEAL_HANDLER_INVALID');
  return handler;
}

function takeOn(public_: boolean): ActionHandler<'accept' | 'start'> {
  return async ({ ctx, row, body, now }) => ({
    patch: {
      accepted_at: row.accepted_at ?? now.toISOString(),
      handler_id: row.handler_id ?? ctx.caller.id,
      response_warn_at: null,
    },
    note: given(body.note),
    public: public_,
    notices: noNotices,
  });
}

function moveLevel(direction: 'escalate' | 'send_down'): ActionHandler<'escalate' | 'send_down'> {
  return async ({ db, row, body, now }) => {
    const to = direction === 'escalate' ? levelAbove(row.level) : levelBelow(row.level);
    if (!to) throw new AppError(direction === 'escalate' ? 'APPEAL_LEVEL_TOP' : 'APPEAL_LEVEL_BOTTOM');
    const change = await levelChange(db, row, to, now);
    return {
      patch: change,
      note: given(body.reason),
      public: true,
      notices: [
        {
          ...newLevelNotice(row, change.holder_area_code ?? '', to),
          kind: direction === 'escalate' ? 'appeal.escalated' : 'appeal.new',
        },
      ],
    };
  };
}

/**
 * One handler per action: a new action in `appealActions` does not compile until it has one.
 * Each returns the change; `actOnAppeal` writes it with its timeline entry, notices and audit.
 */
export const actionHandlers: { [A in AppealAction]: ActionHandler<A> } = {
  accept: takeOn(true),
  start: takeOn(false),

  assign: async ({ db, row, body }) => {
    const handler = await checkHandler(db, row, body.handlerId);
    return {
      patch: { handler_id: body.handlerId },
      note: given(body.note),
      public: false,
      notices: [
        {
          kind: 'appeal.new',
          areaCode: row.holder_area_code,
          recipient: handler.name,
          message: `诉求 ${row.tracking_code}「${row.title}」已交您承办`,
          appealId: row.id,
        },
      ],
    };
  },

  escalate: moveLevel('escalate'),
  send_down: moveLevel('send_down'),

  return: async ({ row, body, now }) => {
    const nowIso = now.toISOString();
    return {
      patch: {
        accepted_at: row.accepted_at ?? nowIso,
        closed_at: nowIso,
        response_warn_at: null,
        resolution_warn_at: null,
      },
      note: given(body.reason),
      public: true,
      notices: noNotices,
    };
  },

  defer: async ({ body, now }) => {
    const { plannedDate, reason } = body;
    const today = chinaDate(now);
    if (plannedDate <= today) throw new AppError('APPEAL_DEFERRAL_DATE_INVALID', { today });
    return {
      patch: { deferral_reason: reason, deferral_date: plannedDate, deferral_approved: false },
      note: `${reason}（计划 ${plannedDate}）`,
      public: false,
      notices: noNotices,
    };
  },

  approve_deferral: async ({ row, body, now }) => {
    const planned = row.deferral_date ?? chinaDate(now);
    // Not overdue while within the plan: the deadline becomes the end of the planned day.
    const due = new Date(chinaDayStart(planned).getTime() + 24 * HOUR - 1).toISOString();
    return {
      patch: { deferral_approved: true, resolution_due_at: due, resolution_warn_at: null },
      note: given(body.note) ?? `缓办至 ${planned}`,
      public: true,
      notices: noNotices,
    };
  },

  reject_deferral: async ({ body }) => ({
    patch: { deferral_reason: null, deferral_date: null, deferral_approved: false },
    note: given(body.note),
    public: false,
    notices: noNotices,
  }),

  resolve: async ({ db, ctx, row, body, now }) => {
    const { resolution } = body;
    const nowIso = now.toISOString();
    const settings = await appealSettings(db);
    return {
      patch: {
        resolution,
        resolved_at: nowIso,
        resolved_level: row.level,
        resolved_by: ctx.caller.id,
        accepted_at: row.accepted_at ?? nowIso,
        handler_id: row.handler_id ?? ctx.caller.id,
        response_warn_at: null,
        resolution_warn_at: null,
      },
      note: resolution,
      public: true,
      notices: residentNotice(row, `您的诉求 ${row.tracking_code} 已办结，请查看结果并评价。`),
      // The callback (回访) falls due a set number of days after the resolution.
      after: async (trx) =>
        insertCallback(trx, {
          id: newId(),
          appeal_id: row.id,
          area_code: row.holder_area_code,
          handler_id: row.handler_id ?? ctx.caller.id,
          due_at: at(now, settings.callbackDays * 24),
          attempts: 0,
          created_at: nowIso,
        }),
    };
  },

  merge: async ({ db, ctx, row, body, now }) => {
    const nowIso = now.toISOString();
    const target = await findAppeal(db, ctx.scope, body.intoId);
    if (
      !target ||
      target.id === row.id ||
      target.village_code !== row.village_code ||
      !isOpen(target.status)
    ) {
      throw new AppError('APPEAL_MERGE_INVALID');
    }
    return {
      patch: {
        merged_into_id: target.id,
        closed_at: nowIso,
        response_warn_at: null,
        resolution_warn_at: null,
      },
      note: `并入 ${target.tracking_code}`,
      public: true,
      notices: noNotices,
      after: async (trx) =>
        insertEvents(trx, [
          event(target.id, nowIso, ctx.actor, { kind: 'note', note: `已并入重复诉求 ${row.tracking_code}` }),
        ]),
    };
  },

  note: async ({ body }) => ({ patch: {}, note: body.note, public: body.public, notices: noNotices }),
};
