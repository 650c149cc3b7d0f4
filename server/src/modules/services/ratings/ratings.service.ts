import { createHash, randomBytes } from 'node:crypto';
import {
  addWorkingDays,
  chinaDayAfter,
  chinaDayStart,
  type HolidayCalendar,
  isBadRating,
  type PublicServiceRatingView,
  type RatedParty,
  type ServiceRateBody,
  type ServiceRateResult,
  type ServiceRating,
  type ServiceRatingLink,
  type ServiceRatingsPage,
  type ServiceRatingsQuery,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { RequestContext } from '../../../platform/request-context';
import {
  closeDelivered,
  countPublicFailures,
  insertFollowUps,
  insertPublicFailure,
  insertRating,
  insertRatingLink,
  listRatings,
  type RatedRequestRow,
  type RatingListRow,
  ratingExists,
  ratingLink,
  requestById,
  requestByTrackingCode,
  requestInScope,
  useRatingLink,
} from './ratings.repository';
import { serviceSettings } from './service-settings.service';

// 好差评: the resident rates a delivered request once, within the rating period, on the tracking
// page or through a one-time link; each party's 差评 opens a follow-up due in working days.

const DAY = 86_400_000;
const system = { id: null, name: null, ip: null };

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** What rating needs besides the transaction: the clock, and the working calendar (read before the transaction). */
export interface RateTools {
  clock: Clock;
  calendar: HolidayCalendar;
}

/** When the rating period of a request delivered at `deliveredAt` ends. */
function ratingEnds(deliveredAt: string, days: number): Date {
  return new Date(Date.parse(deliveredAt) + days * DAY);
}

/** Refuses a request that cannot be rated now: not delivered, already rated, or past its period. */
async function assertRatable(trx: Db, request: RatedRequestRow, now: Date, periodDays: number) {
  if (await ratingExists(trx, request.id)) throw new AppError('SERVICE_RATING_GIVEN');
  // Closing a delivered request by hand does not take the resident's rating away: the period counts.
  if ((request.status !== 'delivered' && request.status !== 'closed') || request.delivered_at === null)
    throw new AppError('SERVICE_RATING_CLOSED');
  if (ratingEnds(request.delivered_at, periodDays) < now) throw new AppError('SERVICE_RATING_CLOSED');
}

/** Records a rating of a request checked ratable, its follow-ups, and closes the request. */
async function recordRating(
  trx: Db,
  tools: RateTools,
  request: RatedRequestRow,
  body: ServiceRateBody,
  channel: 'tracking' | 'link',
): Promise<ServiceRateResult> {
  const now = tools.clock.now();
  const at = now.toISOString();
  const settings = await serviceSettings(trx);
  const ratingId = newId();
  const agentLevel = body.agentLevel;
  const unitLevel = body.unitLevel;
  await insertRating(trx, {
    id: ratingId,
    request_id: request.id,
    area_code: request.area_code,
    station_id: request.station_id,
    unit_id: request.unit_id,
    agent_id: request.agent_id,
    agent_level: agentLevel,
    unit_level: unitLevel,
    comment: body.comment?.trim() ? body.comment.trim() : null,
    // 实名: the tracking code with the phone, or a link made for this request's applicant.
    named: true,
    channel,
    rated_at: at,
  });
  const bad: RatedParty[] = [];
  if (isBadRating(agentLevel)) bad.push('agent');
  if (isBadRating(unitLevel)) bad.push('unit');
  let dueAt: string | null = null;
  if (bad.length > 0) {
    dueAt = addWorkingDays(tools.calendar, now, settings.followUpWorkingDays).toISOString();
    await insertFollowUps(
      trx,
      bad.map((party) => ({
        id: newId(),
        rating_id: ratingId,
        party,
        area_code: request.area_code,
        station_id: request.station_id,
        unit_id: request.unit_id,
        status: 'open' as const,
        due_at: dueAt as string,
        created_at: at,
        version: 1,
      })),
    );
  }
  const purgeAfter = new Date(now.getTime() + settings.paperRetentionDays * DAY).toISOString();
  if (
    request.status === 'delivered' &&
    !(await closeDelivered(trx, request.id, at, purgeAfter, { id: newId(), note: '群众已评价', by: null }))
  )
    throw new AppError('SERVICE_RATING_CLOSED');
  await recordAudit(trx, tools.clock, system, {
    action: 'service_rating.create',
    objectType: 'proxy_request',
    objectId: request.id,
    areaCode: request.area_code,
    after: { agentLevel, unitLevel, channel, followUps: bad },
  });
  return { ratedAt: at, agentLevel, unitLevel, followUpDueAt: dueAt };
}

/** The resident rates on the tracking page: the request is found by its code and the phone's last four digits. */
export async function rateByTracking(
  trx: Db,
  tools: RateTools & { decrypt: (enc: string) => string },
  body: ServiceRateBody & { trackingCode: string; phoneLast4: string },
): Promise<ServiceRateResult> {
  const request = await requestByTrackingCode(trx, body.trackingCode);
  const phone = request ? tools.decrypt(request.phone_enc) : null;
  if (!request || !phone?.endsWith(body.phoneLast4)) throw new AppError('PROXY_TRACKING_FAILED');
  const settings = await serviceSettings(trx);
  await assertRatable(trx, request, tools.clock.now(), settings.ratingPeriodDays);
  return recordRating(trx, tools, request, body, 'tracking');
}

/**
 * Runs a rating by tracking code under the public pages' throttle: too many wrong codes or phones
 * from one address in 15 minutes are refused; each wrong one is counted (outside the rating's
 * transaction, which it rolls back).
 */
export async function throttledTracking<T>(
  db: Db,
  clock: Clock,
  ipHash: string,
  limit: number,
  work: () => Promise<T>,
): Promise<T> {
  const since = new Date(clock.now().getTime() - 15 * 60_000).toISOString();
  if ((await countPublicFailures(db, ipHash, since)) >= limit) throw new AppError('RATE_LIMITED');
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError && err.code === 'PROXY_TRACKING_FAILED')
      await insertPublicFailure(db, newId(), ipHash, clock.now().toISOString());
    throw err;
  }
}

/** A one-time link to rate a delivered request, valid to the end of its rating period; only its hash is kept. */
export async function createRatingLink(
  trx: Db,
  ctx: RequestContext,
  requestId: string,
  send: (request: RatedRequestRow, url: string) => Promise<boolean>,
): Promise<ServiceRatingLink> {
  const request = await requestInScope(trx, ctx.scope, requestId);
  if (!request) throw notFound();
  const settings = await serviceSettings(trx);
  const now = ctx.clock.now();
  await assertRatable(trx, request, now, settings.ratingPeriodDays);
  const token = randomBytes(24).toString('base64url');
  const expiresAt = ratingEnds(request.delivered_at as string, settings.ratingPeriodDays).toISOString();
  await insertRatingLink(trx, {
    token_hash: tokenHash(token),
    request_id: request.id,
    expires_at: expiresAt,
    created_at: now.toISOString(),
  });
  const url = `/public/services/rate/${token}`;
  const sent = await send(request, url);
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'service_rating.link',
    objectType: 'proxy_request',
    objectId: request.id,
    areaCode: request.area_code,
    after: { expiresAt, sent },
  });
  return { token, url, expiresAt, sent };
}

export async function ratingLinkView(db: Db, clock: Clock, token: string): Promise<PublicServiceRatingView> {
  const link = await ratingLink(db, tokenHash(token));
  const request = link ? await requestById(db, link.request_id) : undefined;
  if (!link || !request) throw new AppError('RATING_LINK_INVALID');
  return {
    itemName: request.item_name,
    stationName: request.station_name,
    unitName: request.unit_name,
    deliveredAt: request.delivered_at,
    used: link.used_at !== null,
    expired: link.expires_at < clock.now().toISOString(),
    rated: await ratingExists(db, request.id),
  };
}

/** The resident rates through the link, once. */
export async function rateByLink(
  trx: Db,
  tools: RateTools,
  token: string,
  body: ServiceRateBody,
): Promise<ServiceRateResult> {
  const link = await ratingLink(trx, tokenHash(token));
  const now = tools.clock.now();
  if (!link || link.used_at !== null || link.expires_at < now.toISOString())
    throw new AppError('RATING_LINK_INVALID');
  const request = await requestById(trx, link.request_id);
  if (!request) throw new AppError('RATING_LINK_INVALID');
  const settings = await serviceSettings(trx);
  await assertRatable(trx, request, now, settings.ratingPeriodDays);
  if (!(await useRatingLink(trx, link.token_hash, now.toISOString())))
    throw new AppError('RATING_LINK_INVALID');
  return recordRating(trx, tools, request, body, 'link');
}

/** Closes the delivered requests whose rating period ended unrated; returns how many. */
export async function closeUnrated(
  trx: Db,
  clock: Clock,
  take: (deliveredBefore: string) => Promise<{ id: string; area_code: string }[]>,
): Promise<number> {
  const settings = await serviceSettings(trx);
  const now = clock.now();
  const rows = await take(new Date(now.getTime() - settings.ratingPeriodDays * DAY).toISOString());
  const purgeAfter = new Date(now.getTime() + settings.paperRetentionDays * DAY).toISOString();
  for (const row of rows) {
    const closed = await closeDelivered(trx, row.id, now.toISOString(), purgeAfter, {
      id: newId(),
      note: '评价期满未评价，自动办结',
      by: null,
    });
    if (closed)
      await recordAudit(trx, clock, system, {
        action: 'proxy_request.close_unrated',
        objectType: 'proxy_request',
        objectId: row.id,
        areaCode: row.area_code,
      });
  }
  return rows.length;
}

function toRating(row: RatingListRow): ServiceRating {
  return {
    id: row.id,
    requestId: row.request_id,
    trackingCode: row.tracking_code,
    itemName: row.item_name,
    areaCode: row.area_code,
    areaName: row.area_name,
    stationId: row.station_id,
    stationName: row.station_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    agentId: row.agent_id,
    agentName: row.agent_name,
    agentLevel: row.agent_level,
    unitLevel: row.unit_level,
    comment: row.comment,
    named: Boolean(row.named),
    channel: row.channel,
    ratedAt: row.rated_at,
  };
}

export async function ratingsInReach(
  db: Db,
  ctx: RequestContext,
  query: ServiceRatingsQuery,
): Promise<ServiceRatingsPage> {
  const { areaCode, bad, from, to, limit = 50, offset = 0, ...rest } = query;
  const page = await listRatings(db, ctx.scope, {
    ...rest,
    areaPrefix: areaCode ? prefixOfCode(areaCode) : undefined,
    bad: bad === 'true' ? true : undefined,
    from: from ? chinaStart(from) : undefined,
    to: to ? chinaEnd(to) : undefined,
    limit,
    offset,
  });
  return { items: page.items.map(toRating), total: page.total };
}

const chinaStart = (day: string) => chinaDayStart(day).toISOString();
const chinaEnd = (day: string) => chinaDayAfter(day).toISOString();

/** The digits every code under an area starts with: a district's 6, a town's 9, a village's 12. */
export function prefixOfCode(code: string): string {
  if (code.length === 15) return code;
  if (code.endsWith('000000')) return code.slice(0, 6);
  if (code.endsWith('000')) return code.slice(0, 9);
  return code.slice(0, 12);
}
