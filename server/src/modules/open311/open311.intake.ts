import type { Locale, Open311RequestCreateBody } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { AppError } from '../../platform/errors';
import { GroupCommit } from '../../platform/group-commit';
import { newId } from '../../platform/ids';
import { withTransaction } from '../../platform/request-context';
import { type AreaScope, seatOf } from '../../platform/scope';
import { reserveSubmission, type SubmissionLimits, submitAppeal } from '../appeals';
import { insertOpen311Request } from './open311.repository';
import { type Open311Caller, placeOf } from './open311.service';

const HOUR = 3_600_000;

export interface PublicLimits {
  perIpPerHour: number;
  perPhonePerDay: number;
}

export interface CreatedRequest {
  serviceRequestId: string;
  notice: string;
  accountId: string | null;
}

interface PendingRequest {
  caller: Open311Caller;
  body: Open311RequestCreateBody;
  /** The village that places it; null files it in the queue of the integration's area. */
  village: string | null;
  area: AreaScope;
  at: string;
  locale: Locale;
  /** Its place under the public page's limits, taken in the batch's transaction. */
  limits: SubmissionLimits;
  /** Set once stored; left unset when a limit refused it. */
  created?: CreatedRequest;
}

/** Stores one placed request as an appeal (`submitAppeal`) with its Open311 record, in `trx`. */
async function storeRequest(trx: Db, pending: PendingRequest): Promise<CreatedRequest> {
  const { caller, body, village, area, at, locale } = pending;
  const id = newId();
  const name = [body.last_name, body.first_name].filter(Boolean).join('') || null;
  const firstLine = body.description.split('\n')[0]?.trim() ?? '';
  const appeal = await submitAppeal(trx, caller.ctx, {
    appeal: {
      channel: 'public_page',
      categoryCode: body.service_code,
      villageCode: village ?? area.areaCode,
      address: body.address_string ?? '',
      latitude: body.lat ?? null,
      longitude: body.long ?? null,
      title: (firstLine || body.description).slice(0, 60),
      description: body.description,
      reporterKind: 'person',
      reporterResidentId: null,
      householdId: null,
      reporterName: name,
      reporterPhone: body.phone,
    },
    source: { kind: 'open311', id },
    createdBy: caller.callerId,
    unplaced: village === null,
  });
  await insertOpen311Request(trx, {
    id,
    integration_id: caller.integrationId,
    appeal_id: appeal.id,
    service_code: body.service_code,
    created_at: at,
  });
  // The answer's deadline is the request's expected_datetime when read back (GET requests).
  return {
    serviceRequestId: appeal.trackingCode,
    notice:
      locale === 'en'
        ? `Received. The resident can follow it with code ${appeal.trackingCode} and the phone's last four digits.`
        : `已受理。群众可凭查询码 ${appeal.trackingCode} 和手机号后四位查询进度。`,
    accountId: body.account_id ?? null,
  };
}

/**
 * Open311 service requests taken in under the residents' page's limits — per phone per day
 * (counted with the page's own submissions) and per device per hour in place of the address (the
 * client's server speaks for many residents; its own rate limit guards it) — and stored through
 * `submitAppeal`. Requests that arrive while a commit is in flight share the next one: each takes
 * its place under the limits and is stored in that one transaction, in turn (the limits count the
 * places taken before it in the batch), and is answered only after the commit. A request over a
 * limit writes nothing; one that fails rolls back with its place, and the others of its batch are
 * tried again on their own.
 */
export function open311Intake(deps: { db: Db; limits: PublicLimits }) {
  const { db, limits } = deps;
  const pending = new GroupCommit<PendingRequest>((batch) =>
    withTransaction({ db }, async (trx) => {
      for (const item of batch) {
        item.created = undefined;
        const place = await reserveSubmission(trx, item.limits, item.at);
        if (place) item.created = await storeRequest(trx, item);
      }
    }),
  );
  return {
    async create(caller: Open311Caller, body: Open311RequestCreateBody, locale: Locale) {
      const { ctx } = caller;
      const area = seatOf(ctx.scope);
      const village = await placeOf(db, area, body);
      const now = ctx.clock.now();
      const device = body.device_id ?? body.account_id ?? body.phone;
      const item: PendingRequest = {
        caller,
        body,
        village,
        area,
        at: now.toISOString(),
        locale,
        limits: {
          ipHash: ctx.secrets.lookupHash(`open311:${caller.integrationId}:${device}`),
          ipSince: new Date(now.getTime() - HOUR).toISOString(),
          perIp: limits.perIpPerHour,
          phoneHash: ctx.secrets.lookupHash(body.phone),
          phoneSince: new Date(now.getTime() - 24 * HOUR).toISOString(),
          perPhone: limits.perPhonePerDay,
        },
      };
      await pending.submit(item);
      if (!item.created) throw new AppError('RATE_LIMITED');
      return item.created;
    },
  };
}
