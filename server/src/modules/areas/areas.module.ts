import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areasRoutes } from './areas.routes';

/** Areas (district, towns, villages, groups): `/areas`. */
export const areasModule: FastifyPluginAsyncZod = async function areasModule(app) {
  await app.register(areasRoutes, { prefix: '/areas' });
};
