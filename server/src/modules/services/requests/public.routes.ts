import { publicProxyRequestsApi } from '@lianxin/common';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarOf } from '../../../platform/calendar';
import { AppError } from '../../../platform/errors';
import { GroupCommit } from '../../../platform/group-commit';
import { withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { verifiedPhone } from '../../../platform/verification';
import { releaseSubmission, reserveSubmission } from '../../appeals';
import { countTrackFailures, insertTrackFailure } from './request-writes.repository';
import { findAreaName, findByTrackingCode } from './requests.repository';
import { type PreparedRequest, prepareRequest, publicView, storeRequests } from './requests.service';

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

  // Requests under load share commits, as the public appeals do.
  const submissions = new GroupCommit<PreparedRequest>((batch) =>
    withTransaction({ db }, (trx) => storeRequests(trx, clock, batch)),
  );

  route(app, publicProxyRequestsApi.create, { public: true }, async (request) => {
    const body = request.body;
    if (body.website) throw new AppError('PUBLIC_SUBMISSION_REFUSED');
    const phone = verifiedPhone({ secrets, clock }, body.proof, 'proxy_request');
    const village = await findAreaName(db, body.villageCode);
    if (village?.kind !== 'village') throw new AppError('AREA_UNKNOWN');
    const calendar = await calendarOf({ db });
    const now = clock.now().getTime();
    // Counted and taken in one locked step, so that concurrent submissions cannot all pass.
    const place = await withTransaction({ db }, (trx) =>
      reserveSubmission(
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
      ),
    );
    if (!place) throw new AppError('RATE_LIMITED');
    try {
      const prepared = await prepareRequest(
        db,
        { clock, secrets, actor: { id: null, name: null, ip: request.ip } },
        calendar,
        {
          itemId: body.itemId,
          channel: 'public',
          areaCode: body.villageCode,
          residentId: null,
          applicantName: body.name,
          phone,
          description: body.description,
        },
      );
      // Answered only once committed.
      await submissions.submit(prepared);
      const { trackingCode, dueAt, stationName } = prepared.created;
      return { trackingCode, dueAt, stationName };
    } catch (err) {
      // A request refused or not stored does not count against the resident.
      await releaseSubmission(db, place).catch(() => undefined);
      throw err;
    }
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
