import { randomInt } from 'node:crypto';
import {
  type Appeal,
  type AppealAction,
  type AppealActionBody,
  type AppealCreateBody,
  type AppealEvent,
  type AppealLevel,
  type AppealRating,
  type AppealSettings,
  type AppealStats,
  type AppealStatus,
  type AppealSummary,
  type AppealsListQuery,
  type AppealsPage,
  type AppealUrgency,
  appealActions,
  appealLevels,
  type CallbackBody,
  type CallbackTask,
  chinaDate,
  chinaDayAfter,
  chinaDayStart,
  defaultAppealSettings,
  hasPermission,
  maskPhone,
  nextAppealStatus,
  openAppealStatuses,
  type QueryFlag,
  rate,
  type SimilarAppeal,
} from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { AppealAttachmentsTable, AppealEventsTable, AppealsTable } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import {
  enqueueNotifications,
  type OutgoingNotification,
} from '../../platform/notifications/notifications.service';
import type { AreaContext } from '../../platform/request-context';
import { type AreaScope, codeInScope, scopeOf } from '../../platform/scope';
import { readSetting } from '../../platform/settings/settings.repository';
import { findArea } from '../areas';
import { findHousehold, findResident } from '../households';
import {
  type AppealFilter,
  type AppealListRow,
  type AppealRow,
  appealCounts,
  appealEvents,
  type CategoryRow,
  countAppeals,
  type EventRow,
  findAppeal,
  findCategory,
  holderOf,
  insertCallback,
  insertEvents,
  latestCallback,
  listAppeals,
  openCallbacks,
  similarCandidates,
  updateAppeal,
  updateCallback,
} from './appeals.repository';
import { appealAttachments } from './attachments';
import { bigrams, dice } from './similarity';

const levelNames: Record<AppealLevel, string> = { village: '村级', town: '镇级', district: '区级' };

/** Who acts on appeals: a signed-in caller, or nobody (the public page, the sweep). */

export const appealLevelNames = levelNames;

const HOUR = 3_600_000;
const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export async function appealSettings(db: Db): Promise<AppealSettings> {
  return (await readSetting<AppealSettings>(db, 'appeals')) ?? defaultAppealSettings;
}

/** A code a resident can read over the phone: no 0/O or 1/I. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

function resolutionHours(settings: AppealSettings, category: CategoryRow, urgency: AppealUrgency): number {
  // A category's own period applies to ordinary matters; urgent ones keep the urgent deadline.
  if (category.resolution_days !== null && urgency !== 'urgent') return category.resolution_days * 24;
  return settings.resolutionHours[urgency];
}

function at(from: Date, hours: number): string {
  return new Date(from.getTime() + hours * HOUR).toISOString();
}

/** Deadlines counted from `from` at a level: respond, resolve, and when to warn of each. */
export function deadlines(
  from: Date,
  settings: AppealSettings,
  category: CategoryRow,
  urgency: AppealUrgency,
) {
  const resolve = resolutionHours(settings, category, urgency);
  return {
    response_due_at: at(from, settings.responseHours),
    resolution_due_at: at(from, resolve),
    response_warn_at: at(from, settings.responseHours * settings.warnAtShare),
    resolution_warn_at: at(from, resolve * settings.warnAtShare),
  };
}

function isOpen(status: AppealStatus): boolean {
  return openAppealStatuses.includes(status);
}

function isOverdue(row: AppealRow, now: string): boolean {
  if (!isOpen(row.status)) return false;
  return row.resolution_due_at < now || (row.status === 'received' && row.response_due_at < now);
}

function toSummary(row: AppealListRow, now: string): AppealSummary {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    title: row.title,
    categoryCode: row.category_code,
    channel: row.channel,
    urgency: row.urgency,
    status: row.status,
    level: row.level,
    villageCode: row.village_code,
    villageName: row.village_name,
    holderAreaCode: row.holder_area_code,
    handlerId: row.handler_id,
    handlerName: row.handler_name,
    receivedAt: row.received_at,
    responseDueAt: row.response_due_at,
    resolutionDueAt: row.resolution_due_at,
    overdue: isOverdue(row, now),
    deferralPending: row.deferral_reason !== null && !row.deferral_approved && isOpen(row.status),
    rating: row.rating,
    version: row.version,
  };
}

function toEvent(row: EventRow): AppealEvent {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    actorName: row.actor_name,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    fromLevel: row.from_level,
    toLevel: row.to_level,
    note: row.note,
    public: Boolean(row.public),
  };
}

/** What the caller may do with this appeal now; the server checks the same rules on every action. */
function availableActions(
  row: AppealRow,
  ctx: Pick<AreaContext, 'caller' | 'scope'>,
  callbackOpen: boolean,
): Appeal['actions'] {
  const { role } = ctx.caller;
  if (!hasPermission(role, 'appeals.handle')) return [];
  const held = codeInScope(row.holder_area_code, ctx.scope);
  const actions: Appeal['actions'] = [];
  if (held) {
    for (const action of appealActions) {
      if (nextAppealStatus(action, row.status) === undefined) continue;
      if (!actionAllowed(row, action, role)) continue;
      actions.push(action);
    }
  }
  const handledIt = row.handler_id === ctx.caller.id || row.resolved_by === ctx.caller.id;
  if (row.status === 'resolved' && callbackOpen && !handledIt) actions.push('callback');
  return actions;
}

function actionAllowed(row: AppealRow, action: AppealAction, role: AreaContext['caller']['role']): boolean {
  const pending = row.deferral_reason !== null && !row.deferral_approved;
  switch (action) {
    case 'assign':
      return hasPermission(role, 'appeals.assign');
    case 'approve_deferral':
    case 'reject_deferral':
      return pending && hasPermission(role, 'appeals.assign');
    case 'defer':
      return !pending;
    case 'escalate':
      return row.level !== 'district';
    case 'send_down':
      return row.level !== 'village';
    default:
      return true;
  }
}

async function loadAppeal(db: Db, ctx: Pick<AreaContext, 'scope'>, id: string) {
  const row = await findAppeal(db, ctx.scope, id);
  if (!row) throw notFound();
  return row;
}

export async function getAppeal(db: Db, ctx: AreaContext, id: string): Promise<Appeal> {
  const row = await loadAppeal(db, ctx, id);
  const [events, callback, attachments, mediation] = await Promise.all([
    appealEvents(db, id),
    latestCallback(db, id),
    appealAttachments(db, id),
    db.selectFrom('mediations').select('id').where('appeal_id', '=', id).executeTakeFirst(),
  ]);
  const now = ctx.clock.now().toISOString();
  const callbackOpen = callback !== undefined && callback.done_at === null;
  return {
    ...toSummary(row, now),
    description: row.description,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    reporterKind: row.reporter_kind,
    reporterName: row.reporter_name,
    reporterPhone: row.reporter_phone_masked,
    reporterResidentId: row.reporter_resident_id,
    householdId: row.household_id,
    acceptedAt: row.accepted_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    resolution: row.resolution,
    resolvedLevel: row.resolved_level,
    maxLevel: row.max_level,
    deferral:
      row.deferral_reason !== null && row.deferral_date !== null
        ? {
            reason: row.deferral_reason,
            plannedDate: row.deferral_date,
            approved: Boolean(row.deferral_approved),
          }
        : null,
    mergedIntoId: row.merged_into_id,
    mediationId: mediation?.id ?? null,
    reopenCount: row.reopen_count,
    ratingComment: row.rating_comment,
    callback: callback
      ? {
          id: callback.id,
          dueAt: callback.due_at,
          doneAt: callback.done_at,
          doneByName: callback.done_by_name,
          rating: callback.rating,
          comment: callback.comment,
        }
      : null,
    timeline: events.map(toEvent),
    attachments,
    actions: availableActions(row, ctx, callbackOpen),
  };
}

const yes = (flag: QueryFlag | undefined) => (flag === undefined ? undefined : flag === 'true');

/** The list filter of a query: China calendar days as instants, yes/no filters as booleans. */
function appealFilterOf(query: AppealsListQuery): AppealFilter {
  const { limit: _, cursor: __, areaCode: ___, withTotal: ____, receivedFrom, receivedTo, ...rest } = query;
  return {
    ...rest,
    receivedSince: receivedFrom ? chinaDayStart(receivedFrom).toISOString() : undefined,
    receivedBefore: receivedTo ? chinaDayAfter(receivedTo).toISOString() : undefined,
    responded: yes(query.responded),
    resolved: yes(query.resolved),
    onTime: yes(query.onTime),
    rated: yes(query.rated),
    satisfied: yes(query.satisfied),
    merged: yes(query.merged),
  };
}

export async function listAppealsInScope(
  db: Db,
  ctx: AreaContext,
  query: AppealsListQuery,
): Promise<AppealsPage> {
  let scope: AreaScope = ctx.scope;
  if (query.areaCode) {
    const area = await findArea(db, ctx.scope, query.areaCode);
    if (!area) return { items: [], nextCursor: null, total: query.withTotal === 'true' ? 0 : null };
    scope = scopeOf(area);
  }
  const now = ctx.clock.now().toISOString();
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const filter = appealFilterOf(query);
  const at = { callerId: ctx.caller.id, now };
  const [rows, total] = await Promise.all([
    listAppeals(db, scope, filter, at, cursor, query.limit),
    query.withTotal === 'true' ? countAppeals(db, scope, filter, at) : null,
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSummary(r, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.received_at, last.id]) : null,
    total,
  };
}

function event(
  appealId: string,
  atIso: string,
  actor: { id: string | null; name: string | null },
  fields: Omit<
    Insertable<AppealEventsTable>,
    'id' | 'appeal_id' | 'at' | 'actor_id' | 'actor_name' | 'public'
  > & {
    public?: boolean;
  },
): Insertable<AppealEventsTable> {
  return {
    id: newId(),
    appeal_id: appealId,
    at: atIso,
    actor_id: actor.id,
    actor_name: actor.name,
    from_status: null,
    to_status: null,
    from_level: null,
    to_level: null,
    note: null,
    ...fields,
    public: fields.public ?? false,
  };
}

export function newLevelNotice(
  row: Pick<AppealRow, 'id' | 'tracking_code' | 'title'>,
  holder: string,
  level: AppealLevel,
) {
  return {
    kind: 'appeal.new' as const,
    areaCode: holder,
    recipient: `${levelNames[level]}问题库 ${holder}`,
    message: `新诉求 ${row.tracking_code}「${row.title}」待${levelNames[level]}受理`,
    appealId: row.id,
  };
}

export interface CreateSource {
  /** Who took it in; null on the public page. */
  createdBy: string | null;
  /** A hashed client address, for the public page's limits. */
  ipHash: string | null;
}

/**
 * Takes in an appeal: it lands at its category's level with its deadlines, an entry on the
 * timeline and a notice to the unit that must accept it. A retried submission with the same
 * client id answers with the appeal already stored.
 */
export async function createAppeal(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'secrets' | 'scope' | 'actor'>,
  body: AppealCreateBody,
  source: CreateSource,
): Promise<{ id: string; trackingCode: string; created: boolean }> {
  const prepared = await prepareAppeal(db, ctx, body, source);
  if ('existing' in prepared) return { ...prepared.existing, created: false };
  await storeAppeals(db, ctx.clock, [prepared]);
  return { id: prepared.row.id, trackingCode: prepared.row.tracking_code, created: true };
}

/** An appeal checked and built, ready to be written (alone, or with others in one commit). */
export interface PreparedAppeal {
  row: Insertable<AppealsTable> & { id: string; tracking_code: string; resolution_due_at: string };
  event: Insertable<AppealEventsTable>;
  notice: OutgoingNotification;
  actor: AreaContext['actor'];
  /** A photo sent with the submission, already cleaned. */
  attachment?: Insertable<AppealAttachmentsTable>;
  /** Staff intake is audited; the public page's submissions are on the appeal's timeline. */
  audited: boolean;
}

/** Checks an intake and builds its rows, reading only; a known client id answers with the stored appeal. */
export async function prepareAppeal(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'secrets' | 'scope' | 'actor'>,
  body: AppealCreateBody,
  source: CreateSource,
): Promise<PreparedAppeal | { existing: { id: string; trackingCode: string } }> {
  if (body.id) {
    const existing = await db.selectFrom('appeals').selectAll().where('id', '=', body.id).executeTakeFirst();
    if (existing) {
      const same =
        existing.created_by === source.createdBy &&
        existing.title === body.title &&
        existing.description === body.description &&
        existing.village_code === body.villageCode &&
        // On the public page the phone is what proves it is the same resident.
        (source.createdBy !== null ||
          existing.reporter_phone_hash ===
            (body.reporterPhone ? ctx.secrets.lookupHash(body.reporterPhone) : null));
      if (!same) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return { existing: { id: existing.id, trackingCode: existing.tracking_code } };
    }
  }
  const category = await findCategory(db, body.categoryCode);
  if (!category?.active) throw new AppError('APPEAL_CATEGORY_UNKNOWN', { code: body.categoryCode });
  const village = await findArea(db, ctx.scope, body.villageCode);
  if (village?.kind !== 'village') throw new AppError('AREA_UNKNOWN', { code: body.villageCode });

  let householdId = body.householdId;
  let reporterName = body.reporterName;
  let reporterPhone = body.reporterPhone;
  if (body.reporterKind === 'resident' && body.reporterResidentId) {
    const resident = await findResident(db, ctx.scope, body.reporterResidentId);
    if (!resident) throw notFound();
    householdId = householdId ?? resident.household_id;
    reporterName = reporterName ?? resident.name;
    reporterPhone = reporterPhone ?? resident.phone;
  }
  if (householdId && !(await findHousehold(db, ctx.scope, householdId))) throw notFound();
  if (body.reporterKind === 'anonymous') {
    reporterName = null;
    reporterPhone = null;
  }

  const settings = await appealSettings(db);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const urgency = body.urgency ?? category.default_urgency;
  const level = category.default_level;
  const holder = holderOf(village.code, level);
  const row: PreparedAppeal['row'] = {
    id: body.id ?? newId(),
    tracking_code: newTrackingCode(),
    title: body.title,
    description: body.description,
    category_code: category.code,
    channel: body.channel,
    urgency,
    status: 'received',
    level,
    max_level: level,
    village_code: village.code,
    holder_area_code: holder,
    handler_id: null,
    address: body.address,
    latitude: body.latitude,
    longitude: body.longitude,
    reporter_kind: body.reporterKind,
    reporter_resident_id: body.reporterKind === 'resident' ? body.reporterResidentId : null,
    household_id: householdId,
    reporter_name: reporterName,
    reporter_phone_enc: reporterPhone ? ctx.secrets.encrypt(reporterPhone) : null,
    reporter_phone_hash: reporterPhone ? ctx.secrets.lookupHash(reporterPhone) : null,
    reporter_phone_masked: reporterPhone ? maskPhone(reporterPhone) : null,
    submitter_ip_hash: source.ipHash,
    received_at: nowIso,
    ...deadlines(now, settings, category, urgency),
    accepted_at: null,
    resolved_at: null,
    resolved_level: null,
    resolved_by: null,
    closed_at: null,
    resolution: null,
    deferral_reason: null,
    deferral_date: null,
    deferral_approved: false,
    merged_into_id: null,
    reopen_count: 0,
    rating: null,
    rating_comment: null,
    rated_at: null,
    screening_id: null,
    created_by: source.createdBy,
    version: 1,
    updated_at: nowIso,
  };
  return {
    row,
    event: event(row.id, nowIso, ctx.actor, {
      kind: 'submitted',
      to_status: 'received',
      to_level: level,
      note: null,
      public: true,
    }),
    notice: newLevelNotice(row, holder, level),
    actor: ctx.actor,
    audited: source.createdBy !== null,
  };
}

/** Writes prepared appeals: their rows, first timeline entries, notices and audit entries. */
export async function storeAppeals(
  db: Db,
  clock: AreaContext['clock'],
  appeals: PreparedAppeal[],
): Promise<void> {
  if (appeals.length === 0) return;
  await db
    .insertInto('appeals')
    .values(appeals.map((a) => a.row))
    .execute();
  await insertEvents(
    db,
    appeals.map((a) => a.event),
  );
  await enqueueNotifications(
    db,
    clock,
    appeals.map((a) => a.notice),
  );
  const attachments = appeals.flatMap((a) => (a.attachment ? [a.attachment] : []));
  if (attachments.length > 0) await db.insertInto('appeal_attachments').values(attachments).execute();
  for (const a of appeals.filter((x) => x.audited)) {
    await recordAudit(db, clock, a.actor, {
      action: 'appeal.create',
      objectType: 'appeal',
      objectId: a.row.id,
      areaCode: a.row.village_code,
      after: {
        channel: a.row.channel,
        category: a.row.category_code,
        level: a.row.level,
        urgency: a.row.urgency,
      },
    });
  }
}

/** The change that moves an appeal to another level: new holder, no handler, fresh deadlines there. */
async function levelChange(
  db: Db,
  row: AppealRow,
  toLevel: AppealLevel,
  now: Date,
): Promise<Updateable<AppealsTable>> {
  const [settings, category] = await Promise.all([appealSettings(db), findCategory(db, row.category_code)]);
  if (!category) throw new Error(`appeal ${row.id} has unknown category ${row.category_code}`);
  const maxIndex = Math.max(appealLevels.indexOf(row.max_level), appealLevels.indexOf(toLevel));
  return {
    level: toLevel,
    max_level: appealLevels[maxIndex] ?? toLevel,
    holder_area_code: holderOf(row.village_code, toLevel),
    handler_id: null,
    status: 'received',
    deferral_reason: null,
    deferral_date: null,
    deferral_approved: false,
    ...deadlines(now, settings, category, row.urgency),
  };
}

function levelAbove(level: AppealLevel): AppealLevel | null {
  return appealLevels[appealLevels.indexOf(level) + 1] ?? null;
}

function levelBelow(level: AppealLevel): AppealLevel | null {
  const index = appealLevels.indexOf(level);
  return index > 0 ? (appealLevels[index - 1] ?? null) : null;
}

type ActionResult = {
  patch: Updateable<AppealsTable>;
  note: string | null;
  public: boolean;
  notices: OutgoingNotification[];
  after?: (db: Db) => Promise<void>;
};

/**
 * Takes one action on an appeal the caller's unit holds: checks the lifecycle, the version and
 * the rules of the action, then writes the change, its timeline entry, notices and audit together.
 */
export async function actOnAppeal<A extends AppealAction>(
  db: Db,
  ctx: AreaContext,
  id: string,
  action: A,
  body: AppealActionBody<A>,
): Promise<Appeal> {
  const row = await loadAppeal(db, ctx, id);
  if (!codeInScope(row.holder_area_code, ctx.scope)) throw new AppError('APPEAL_NOT_HELD');
  if (row.version !== body.version) throw new AppError('VERSION_CONFLICT');
  const next = nextAppealStatus(action, row.status);
  if (next === undefined || !actionAllowed(row, action, ctx.caller.role)) {
    if (action === 'escalate' && row.level === 'district') throw new AppError('APPEAL_LEVEL_TOP');
    if (action === 'send_down' && row.level === 'village') throw new AppError('APPEAL_LEVEL_BOTTOM');
    throw new AppError('APPEAL_STATE_INVALID', { status: row.status });
  }
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const result = await planAction(db, ctx, row, action, body as AppealActionBody<AppealAction>, now);
  const patch: Updateable<AppealsTable> = { status: next, ...result.patch, updated_at: nowIso };
  const updated = await updateAppeal(db, row.id, row.version, patch);
  if (!updated) throw new AppError('VERSION_CONFLICT');
  await insertEvents(db, [
    event(row.id, nowIso, ctx.actor, {
      kind: action,
      from_status: row.status,
      to_status: patch.status ?? row.status,
      from_level: patch.level && patch.level !== row.level ? row.level : null,
      to_level: patch.level && patch.level !== row.level ? patch.level : null,
      note: result.note,
      public: result.public,
    }),
  ]);
  await enqueueNotifications(db, ctx.clock, result.notices);
  await result.after?.(db);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: `appeal.${action}`,
    objectType: 'appeal',
    objectId: row.id,
    areaCode: row.village_code,
    before: { status: row.status, level: row.level, handler: row.handler_id },
    after: {
      status: patch.status,
      level: patch.level ?? row.level,
      handler: patch.handler_id ?? row.handler_id,
    },
  });
  return getAppeal(db, ctx, row.id);
}

async function planAction(
  db: Db,
  ctx: AreaContext,
  row: AppealRow,
  action: AppealAction,
  body: AppealActionBody<AppealAction>,
  now: Date,
): Promise<ActionResult> {
  const nowIso = now.toISOString();
  const none = { notices: [] as OutgoingNotification[] };
  const text = (b: unknown, key: 'note' | 'reason' | 'resolution') => {
    const value = (b as Record<string, unknown>)[key];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  switch (action) {
    case 'accept':
    case 'start':
      return {
        ...none,
        patch: {
          accepted_at: row.accepted_at ?? nowIso,
          handler_id: row.handler_id ?? ctx.caller.id,
          response_warn_at: null,
        },
        note: text(body, 'note'),
        public: action === 'accept',
      };
    case 'assign': {
      const { handlerId } = body as AppealActionBody<'assign'>;
      const handler = await checkHandler(db, row, handlerId);
      return {
        patch: { handler_id: handlerId },
        note: text(body, 'note'),
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
    }
    case 'escalate':
    case 'send_down': {
      const to = action === 'escalate' ? levelAbove(row.level) : levelBelow(row.level);
      if (!to) throw new AppError(action === 'escalate' ? 'APPEAL_LEVEL_TOP' : 'APPEAL_LEVEL_BOTTOM');
      const change = await levelChange(db, row, to, now);
      return {
        patch: change,
        note: text(body, 'reason'),
        public: true,
        notices: [
          {
            ...newLevelNotice(row, change.holder_area_code ?? '', to),
            kind: action === 'escalate' ? 'appeal.escalated' : 'appeal.new',
          },
        ],
      };
    }
    case 'return':
      return {
        ...none,
        patch: {
          accepted_at: row.accepted_at ?? nowIso,
          closed_at: nowIso,
          response_warn_at: null,
          resolution_warn_at: null,
        },
        note: text(body, 'reason'),
        public: true,
      };
    case 'defer': {
      const { plannedDate, reason } = body as AppealActionBody<'defer'>;
      const today = chinaDate(now);
      if (plannedDate <= today) throw new AppError('APPEAL_DEFERRAL_DATE_INVALID', { today });
      return {
        patch: { deferral_reason: reason, deferral_date: plannedDate, deferral_approved: false },
        note: `${reason}（计划 ${plannedDate}）`,
        public: false,
        notices: [],
      };
    }
    case 'approve_deferral': {
      const planned = row.deferral_date ?? chinaDate(now);
      // Not overdue while within the plan: the deadline becomes the end of the planned day.
      const due = new Date(chinaDayStart(planned).getTime() + 24 * HOUR - 1).toISOString();
      return {
        ...none,
        patch: { deferral_approved: true, resolution_due_at: due, resolution_warn_at: null },
        note: text(body, 'note') ?? `缓办至 ${planned}`,
        public: true,
      };
    }
    case 'reject_deferral':
      return {
        ...none,
        patch: { deferral_reason: null, deferral_date: null, deferral_approved: false },
        note: text(body, 'note'),
        public: false,
      };
    case 'resolve': {
      const { resolution } = body as AppealActionBody<'resolve'>;
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
    }
    case 'merge': {
      const { intoId } = body as AppealActionBody<'merge'>;
      const target = await findAppeal(db, ctx.scope, intoId);
      if (
        !target ||
        target.id === row.id ||
        target.village_code !== row.village_code ||
        !isOpen(target.status)
      ) {
        throw new AppError('APPEAL_MERGE_INVALID');
      }
      return {
        ...none,
        patch: {
          merged_into_id: target.id,
          closed_at: nowIso,
          response_warn_at: null,
          resolution_warn_at: null,
        },
        note: `并入 ${target.tracking_code}`,
        public: true,
        after: async (trx) =>
          insertEvents(trx, [
            event(target.id, nowIso, ctx.actor, {
              kind: 'note',
              note: `已并入重复诉求 ${row.tracking_code}`,
            }),
          ]),
      };
    }
    case 'note': {
      const note = body as AppealActionBody<'note'>;
      return { ...none, patch: {}, note: note.note, public: note.public };
    }
  }
}

function residentNotice(row: AppealRow, message: string): OutgoingNotification[] {
  if (!row.reporter_phone_enc) return [];
  return [
    {
      kind: 'appeal.resolved',
      areaCode: row.village_code,
      recipient: row.reporter_phone_masked ?? '',
      phoneEnc: row.reporter_phone_enc,
      message,
      appealId: row.id,
    },
  ];
}

/** A handler is an active account of the unit that holds the appeal, in a role that works on appeals. */
async function checkHandler(db: Db, row: AppealRow, handlerId: string): Promise<{ name: string }> {
  const user = await db
    .selectFrom('users')
    .select(['name', 'area_code', 'role', 'disabled_at'])
    .where('id', '=', handlerId)
    .executeTakeFirst();
  const ok =
    user !== undefined &&
    user.disabled_at === null &&
    user.area_code === row.holder_area_code &&
    hasPermission(user.role as AreaContext['caller']['role'], 'appeals.handle');
  if (!ok) throw new AppError('APPEAL_HANDLER_INVALID');
  return { name: user.name };
}

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
      ...deadlines(now, settings, category, row.urgency),
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
        note: up ? `第 ${reopenCount} 次不满意，转${levelNames[up]}办理` : null,
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

/** Open appeals of the same village and category in the last 30 days that read alike. */
export async function similarAppeals(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'scope'>,
  query: { villageCode: string; categoryCode: string; text: string; excludeId?: string | undefined },
): Promise<SimilarAppeal[]> {
  if (!codeInScope(query.villageCode, ctx.scope))
    throw new AppError('AREA_UNKNOWN', { code: query.villageCode });
  const since = new Date(ctx.clock.now().getTime() - 30 * 24 * HOUR).toISOString();
  const candidates = await similarCandidates(
    db,
    query.villageCode,
    query.categoryCode,
    since,
    query.excludeId,
  );
  const wanted = bigrams(query.text);
  return candidates
    .map((c) => ({
      id: c.id,
      trackingCode: c.tracking_code,
      title: c.title,
      status: c.status,
      receivedAt: c.received_at,
      similarity: Math.round(dice(wanted, bigrams(`${c.title}${c.description}`)) * 1000) / 1000,
    }))
    .filter((c) => c.similarity >= 0.2)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}

/** The figures the assessment uses, for appeals received in a period (China calendar days). */
export async function appealStats(
  db: Db,
  ctx: Pick<AreaContext, 'scope'>,
  query: { areaCode?: string | undefined; from: string; to: string },
): Promise<AppealStats> {
  let scope = ctx.scope;
  if (query.areaCode) {
    const area = await findArea(db, ctx.scope, query.areaCode);
    if (!area) throw new AppError('AREA_UNKNOWN', { code: query.areaCode });
    scope = scopeOf(area);
  }
  const from = chinaDayStart(query.from).toISOString();
  const to = new Date(chinaDayStart(query.to).getTime() + 24 * HOUR).toISOString();
  const c = await appealCounts(db, scope, from, to);
  return {
    received: c.received,
    responseRate: rate(c.responded, c.received),
    resolutionRate: rate(c.resolved, c.received),
    satisfactionRate: rate(c.satisfied, c.rated),
    onTimeRate: rate(c.on_time, c.resolved),
    resolvedAtVillage: rate(c.at_village, c.resolved),
    resolvedAtTown: rate(c.at_town, c.resolved),
    escalatedToDistrict: rate(c.to_district, c.received),
  };
}
