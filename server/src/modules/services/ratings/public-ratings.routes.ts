import { publicProxyRatingApi, publicServiceRatingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarOf } from '../../../platform/calendar';
import { withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { rateByLink, rateByTracking, ratingLinkView, throttledTracking } from './ratings.service';

/** `/public/proxy-requests/rate`: the resident rates on the tracking page (no login). */
export const publicProxyRatingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, secrets, config } = app.ctx;
  route(app, publicProxyRatingApi.rate, { public: true }, async (request) => {
    // The calendar is read before the transaction: on SQLite the transaction holds the one connection.
    const calendar = await calendarOf({ db });
    return throttledTracking(
      db,
      clock,
      secrets.lookupHash(`ip:${request.ip}`),
      config.publicLimits.trackFailuresPerIp,
      () =>
        withTransaction(app.ctx, (trx) =>
          rateByTracking(trx, { clock, calendar, decrypt: (enc) => secrets.decrypt(enc) }, request.body),
        ),
    );
  });
};

/** `/public/service-ratings/:token`: the resident rates through a one-time link (no login). */
export const publicServiceRatingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.ctx;
  route(app, publicServiceRatingsApi.get, { public: true }, async (request) =>
    ratingLinkView(db, clock, request.params.token),
  );
  route(app, publicServiceRatingsApi.rate, { public: true }, async (request) => {
    const calendar = await calendarOf({ db });
    return withTransaction(app.ctx, (trx) =>
      rateByLink(trx, { clock, calendar }, request.params.token, request.body),
    );
  });
};
