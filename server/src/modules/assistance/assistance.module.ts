import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assistanceSettingsRoutes } from './assistance-settings.routes';
import { cadresRoutes } from './cadres.routes';
import { contactPointsRoutes } from './contact-points.routes';
import { coverageRoutes } from './coverage.routes';
import { helpMeasuresRoutes } from './help-measures.routes';
import { pairingsRoutes } from './pairings.routes';
import { publicHelperRatingsRoutes } from './public-helper-ratings.routes';
import { visitsRoutes } from './visits.routes';
import { worklistRoutes } from './worklist.routes';

/**
 * Contact and assistance (联系服务, 结对帮扶): pairings, visits, help measures, contact points,
 * coverage, and the households' public rating of their helper under `/public`. Each resource is
 * its own plugin under its own prefix.
 */
export const assistanceModule: FastifyPluginAsyncZod = async function assistanceModule(app) {
  await app.register(publicHelperRatingsRoutes, { prefix: '/public' });
  await app.register(assistanceSettingsRoutes, { prefix: '/assistance-settings' });
  await app.register(cadresRoutes, { prefix: '/cadres' });
  await app.register(pairingsRoutes, { prefix: '/pairings' });
  await app.register(contactPointsRoutes, { prefix: '/contact-points' });
  await app.register(worklistRoutes, { prefix: '/worklist' });
  await app.register(visitsRoutes, { prefix: '/visits' });
  await app.register(helpMeasuresRoutes, { prefix: '/help-measures' });
  await app.register(coverageRoutes, { prefix: '/coverage' });
};
