import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assistanceRoutes, helperRatingPublicRoutes } from './assistance.routes';
import { coverageRoutes } from './coverage.routes';

/**
 * Contact and assistance (联系服务, 结对帮扶): pairings, visits, help measures, contact points,
 * coverage, and the households' public rating of their helper under `/public`.
 */
export const assistanceModule: FastifyPluginAsyncZod = async function assistanceModule(app) {
  await app.register(helperRatingPublicRoutes, { prefix: '/public' });
  await app.register(assistanceRoutes);
  await app.register(coverageRoutes);
};
