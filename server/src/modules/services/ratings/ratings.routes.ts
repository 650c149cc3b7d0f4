import { proxyRatingLinksApi, serviceRatingsApi, serviceSettingsApi, serviceStatsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enqueueNotifications } from '../../../platform/notifications/notifications.service';
import { areaContextOf, requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { createRatingLink, ratingsInReach } from './ratings.service';
import { serviceStats } from './ratings.stats';
import { serviceSettings, updateServiceSettings } from './service-settings.service';

/** `/service-settings`: the services settings, read by every services role, set by the district. */
export const serviceSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, serviceSettingsApi.get, { permission: 'services.read' }, async (request) =>
    serviceSettings(requestContextOf(request).db),
  );
  route(app, serviceSettingsApi.update, { permission: 'services.configure' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => updateServiceSettings(trx, ctx, request.body));
  });
};

/** `/service-ratings`: the ratings in the caller's reach. */
export const serviceRatingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, serviceRatingsApi.list, { permission: 'services.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return ratingsInReach(ctx.db, ctx, request.query);
  });
};

/** `/service-stats`: the figures per child area and per unit, for the dashboards. */
export const serviceStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The figures are an area's: a station or a unit reads its own ratings and follow-ups instead.
  route(app, serviceStatsApi.get, { permission: 'services.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return serviceStats(ctx.db, ctx, request.query);
  });
};

/** `/proxy-requests/:id/rating-links`: a one-time rating link, texted to the applicant. */
export const proxyRatingLinksRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, proxyRatingLinksApi.create, { permission: 'services.proxy' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) =>
      createRatingLink(trx, ctx, request.params.id, async (row, url) => {
        const text = `您委托代办的「${row.item_name}」已办结送达，请对代办服务和办理结果评价：${url}`;
        await enqueueNotifications(trx, ctx.clock, [
          {
            kind: 'service.rating_link',
            areaCode: row.area_code,
            recipient: row.phone_masked,
            phoneEnc: row.phone_enc,
            // The link rates once: the outbox shows a masked copy, the real text is sealed.
            message: `您委托代办的「${row.item_name}」已办结送达，请评价（链接已隐去）`,
            messageEnc: ctx.secrets.encrypt(text),
          },
        ]);
        return true;
      }),
    );
  });
};
