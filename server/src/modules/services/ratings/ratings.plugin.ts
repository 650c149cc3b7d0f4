import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { followUpsRoutes } from './follow-ups.routes';
import { publicProxyRatingRoutes, publicServiceRatingsRoutes } from './public-ratings.routes';
import { servicesBulletinSection } from './ratings.bulletin';
import { registerServiceIndicators, registerServiceTodos } from './ratings.indicators';
import {
  proxyRatingLinksRoutes,
  serviceRatingsRoutes,
  serviceSettingsRoutes,
  serviceStatsRoutes,
} from './ratings.routes';
import { registerRatingJobs } from './ratings.sweep';

/**
 * 好差评 and the services settings and figures: `/service-settings`, `/service-ratings`,
 * `/proxy-requests/:id/rating-links`, `/rating-follow-ups`, `/service-stats`, the resident's rating
 * under `/public`; the indicators, the bulletin's section, the bell's lines and the sweep that
 * closes requests not rated in time.
 */
export const ratingsModule: FastifyPluginAsyncZod = async function ratingsModule(app) {
  registerServiceIndicators(app.ctx.indicators);
  registerServiceTodos(app.ctx.todos);
  app.ctx.bulletinSections.register({ key: 'services', order: 30, load: servicesBulletinSection });
  registerRatingJobs(app.ctx.jobs);
  await app.register(serviceSettingsRoutes, { prefix: '/service-settings' });
  await app.register(serviceRatingsRoutes, { prefix: '/service-ratings' });
  await app.register(serviceStatsRoutes, { prefix: '/service-stats' });
  await app.register(proxyRatingLinksRoutes, { prefix: '/proxy-requests' });
  await app.register(followUpsRoutes, { prefix: '/rating-follow-ups' });
  await app.register(publicProxyRatingRoutes, { prefix: '/public/proxy-requests' });
  await app.register(publicServiceRatingsRoutes, { prefix: '/public/service-ratings' });
};
