import { randomInt } from 'node:crypto';
import { type AppealCreateBody, maskPhone } from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { AppealAttachmentsTable, AppealEventsTable, AppealsTable } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { emitEvent } from '../../../platform/integrations';
import {
  enqueueNotifications,
  type OutgoingNotification,
} from '../../../platform/notifications/notifications.service';
import type { AreaContext } from '../../../platform/request-context';
import { findArea } from '../../areas';
import { findHousehold, findResident } from '../../households';
import { findAppealById, holderOf, insertEvents } from '../appeals.repository';
import { insertAttachments } from '../attachments/attachments.repository';
import { findCategory } from '../categories/categories.repository';
import { appealSettings, calendarFor, deadlines } from '../intake/deadlines';
import { event, newLevelNotice } from '../lifecycle';
import { insertAppeals } from './intake.repository';
import { afterIntake, screenIntake } from './intake-hooks';

const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A code a resident can read over the phone: no 0/O or 1/I. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

export interface CreateSource {
  /** Who took it in; null on the public page. */
  createdBy: string | null;
  /** A hashed client address, for the public page's limits. */
  ipHash: string | null;
  /**
   * The report names no village (an Open311 request with a location alone: areas have no
   * boundaries yet), so `villageCode` is the district or town it came for, and the appeal waits
   * in that area's own queue, at its level, for someone to place it.
   */
  unplaced?: boolean;
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
    const existing = await findAppealById(db, body.id);
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
  const unplaced = source.unplaced === true && (village?.kind === 'district' || village?.kind === 'town');
  if (!village || (village.kind !== 'village' && !unplaced))
    throw new AppError('AREA_UNKNOWN', { code: body.villageCode });

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
  // Safety first (快): a hook that finds a safety word makes the appeal urgent, whoever set it otherwise.
  const urgency = (await screenIntake(db, body)) ? 'urgent' : (body.urgency ?? category.default_urgency);
  const level =
    unplaced && (village.kind === 'district' || village.kind === 'town')
      ? village.kind
      : category.default_level;
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
    ...deadlines(now, settings, category, urgency, await calendarFor(db, category)),
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
  await insertAppeals(
    db,
    appeals.map((a) => a.row),
  );
  await insertEvents(
    db,
    appeals.map((a) => a.event),
  );
  await enqueueNotifications(
    db,
    clock,
    appeals.map((a) => a.notice),
  );
  // Integrations subscribed to the area hear of it (a hotline, an Open311 client): no personal data.
  for (const { row } of appeals) {
    await emitEvent(db, clock, {
      type: 'appeal.created',
      areaCode: row.village_code,
      payload: {
        appealId: row.id,
        trackingCode: row.tracking_code,
        channel: row.channel,
        categoryCode: row.category_code,
        level: row.level,
        urgency: row.urgency,
        status: 'received',
        receivedAt: row.received_at,
      },
    });
  }
  await afterIntake(
    db,
    clock,
    appeals.map(({ row }) => ({
      id: row.id,
      trackingCode: row.tracking_code,
      title: row.title,
      description: row.description,
      villageCode: row.village_code,
      categoryCode: row.category_code,
      urgency: row.urgency,
      receivedAt: row.received_at,
    })),
  );
  const attachments = appeals.flatMap((a) => (a.attachment ? [a.attachment] : []));
  await insertAttachments(db, attachments);
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
