import {
  type AppealEventKind,
  type AppealLevel,
  type AppealStatus,
  appealLevels,
  openAppealStatuses,
} from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect';
import type { AppealEventsTable, AppealsTable } from '../../db/schema';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { emitEvent } from '../../platform/integrations';
import type { OutgoingNotification } from '../../platform/notifications/notifications.service';
import type { Scope } from '../../platform/scope';
import { type AppealRow, findAppeal, holderOf, insertEvents, updateAppeal } from './appeals.repository';
import { findCategory } from './categories/categories.repository';
import { appealSettings, calendarFor, deadlines } from './intake/deadlines';

/** What every part of an appeal's life shares: levels, timeline entries, notices, the held row. */

export const HOUR = 3_600_000;

export const appealLevelNames: Record<AppealLevel, string> = {
  village: '村级',
  town: '镇级',
  district: '区级',
};

export function at(from: Date, hours: number): string {
  return new Date(from.getTime() + hours * HOUR).toISOString();
}

export function isOpen(status: AppealStatus): boolean {
  return openAppealStatuses.includes(status);
}

/** An appeal in the caller's reach, or 404. */
export async function loadAppeal(db: Db, ctx: { scope: Scope }, id: string) {
  const row = await findAppeal(db, ctx.scope, id);
  if (!row) throw notFound();
  return row;
}

/** A timeline entry of an appeal. */
export function event(
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
    recipient: `${appealLevelNames[level]}问题库 ${holder}`,
    message: `新诉求 ${row.tracking_code}「${row.title}」待${appealLevelNames[level]}受理`,
    appealId: row.id,
  };
}

/** A message to the resident who reported, when there is a phone to send it to. */
export function residentNotice(row: AppealRow, message: string): OutgoingNotification[] {
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

export function levelAbove(level: AppealLevel): AppealLevel | null {
  return appealLevels[appealLevels.indexOf(level) + 1] ?? null;
}

export function levelBelow(level: AppealLevel): AppealLevel | null {
  const index = appealLevels.indexOf(level);
  return index > 0 ? (appealLevels[index - 1] ?? null) : null;
}

/** The change that moves an appeal to another level: new holder, no handler, fresh deadlines there. */
export async function levelChange(
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
    ...deadlines(now, settings, category, row.urgency, await calendarFor(db, category)),
  };
}

/** The timeline entries other modules write: routing to a unit, and every step of dispatch. */
export type UnitTimelineKind = Extract<
  AppealEventKind,
  | 'routed'
  | 'dispatched'
  | 'dispatch_accepted'
  | 'dispatch_returned'
  | 'redispatched'
  | 'dispatch_overruled'
  | 'dispatch_part'
  | 'dispatch_warned'
  | 'supervised'
  | 'whistled'
  | 'whistle_reported'
>;

/**
 * Puts an entry on an appeal's timeline for work another module did on it (routing it to a
 * handling unit, dispatch), in the caller's transaction; public entries show on the resident's page.
 */
export async function appendToTimeline(
  db: Db,
  ctx: { clock: { now(): Date }; actor: { id: string | null; name: string | null } },
  appealId: string,
  entry: { kind: UnitTimelineKind; note: string; public?: boolean },
): Promise<void> {
  await insertEvents(db, [event(appealId, ctx.clock.now().toISOString(), ctx.actor, entry)]);
}

/**
 * Marks an appeal changed by another module's work on it (a dispatch), if nobody changed it since
 * `version` was read: two such changes made at once cannot both pass.
 */
export async function touchAppeal(db: Db, id: string, version: number, nowIso: string): Promise<void> {
  if (!(await updateAppeal(db, id, version, { updated_at: nowIso }))) throw new AppError('VERSION_CONFLICT');
}

/**
 * Tells the integrations subscribed to an area that an appeal changed status or level (a hotline
 * follows the work orders it sent), in the transaction of the change. No personal data leaves.
 */
export async function announceStatusChange(
  db: Db,
  clock: { now(): Date },
  change: {
    appealId: string;
    villageCode: string;
    from: AppealStatus | null;
    to: AppealStatus;
    level: AppealLevel;
  },
): Promise<void> {
  await emitEvent(db, clock, {
    type: 'appeal.status_changed',
    areaCode: change.villageCode,
    payload: {
      appealId: change.appealId,
      from: change.from,
      to: change.to,
      level: change.level,
      at: clock.now().toISOString(),
    },
  });
}
