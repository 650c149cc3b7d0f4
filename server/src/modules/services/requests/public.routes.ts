import { publicProxyRequestsApi } from '@lianxin/common';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarOf } from '../../../platform/calendar';
import { AppError } from '../../../platform/errors';
import { withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { verifiedPhone } from '../../../platform/verification';
import { reserveSubmission } from '../../appeals';
import { countTrackFailures, insertTrackFailure } from './request-writes.repository';
import { findAreaName, findByTrackingCode } from './requests.repository';
import { publicView, recordRequest } from './requests.service';

const HOUR = 3_600_000;

/**
 * The residents' 代办 pages (no login): ask for proxy service with a phone proved by a code
 * (limited per address and phone, counted with the public appeals), and follow a request by its
 * tracking code and the phone's last four digits (failures throttled with the appeals' tracking).
 */
export const publicProxyRequestsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, secrets, config } = app.ctx;
  const limits = config.publicLimits;
  const ipHash = (request: FastifyRequest) => secrets.lookupHash(`ip:${request.ip}`);

  route(app, publicProxyRequestsApi.create, { public: true }, async (request) => {
    const body = request.body;
    if (body.website) throw new AppError('PUBLIC_SUBMISSION_REFUSED');
    const phone = verifiedPhone({ secrets, clock }, body.proof, 'proxy_request');
    const village = await findAreaName(db, body.villageCode);
    if (village?.kind !== 'village') throw new AppError('AREA_UNKNOWN');
    const calendar = await calendarOf({ db });
    const now = clock.now().getTime();
    const actor = { id: null, name: null, ip: request.ip };
    return withTransaction({ db }, async (trx) => {
      const place = await reserveSubmission(
        trx,
        {
          ipHash: ipHash(request),
          ipSince: new Date(now - HOUR).toISOString(),
          perIp: limits.perIpPerHour,
          phoneHash: secrets.lookupHash(phone),
          phoneSince: new Date(now - 24 * HOUR).toISOString(),
          perPhone: limits.perPhonePerDay,
        },
        new Date(now).toISOString(),
      );
      // Refused or failed, the whole transaction rolls back: the place is not taken.
      if (!place) throw new AppError('RATE_LIMITED');
      const created = await recordRequest(trx, { clock, secrets, actor }, calendar, {
        itemId: body.itemId,
        channel: 'public',
        areaCode: body.villageCode,
        residentId: null,
        applicantName: body.name,
        phone,
        description: body.description,
      });
      return { trackingCode: created.trackingCode, dueAt: created.dueAt, stationName: created.stationName };
    });
  });

  route(app, publicProxyRequestsApi.track, { public: true }, async (request) => {
    const body = request.body;
    const ip = ipHash(request);
    const since = new Date(clock.now().getTime() - 15 * 60_000).toISOString();
    if ((await countTrackFailures(db, ip, since)) >= limits.trackFailuresPerIp)
      throw new AppError('RATE_LIMITED');
    const row = await findByTrackingCode(db, body.trackingCode);
    const phone = row ? secrets.decrypt(row.phone_enc) : null;
    if (!row || !phone?.endsWith(body.phoneLast4)) {
      await insertTrackFailure(db, ip, clock.now().toISOString());
      throw new AppError('PROXY_TRACKING_FAILED');
    }
    return publicView(db, row, clock.now());
  });
};
