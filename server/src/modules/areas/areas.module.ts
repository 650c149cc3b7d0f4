import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areasRoutes } from './areas.routes';
import { areaImportsRoutes } from './import/area-imports.routes';

/** Areas (district, towns, villages, groups): `/areas`, and their import: `/area-imports`. */
export const areasModule: FastifyPluginAsyncZod = async function areasModule(app) {
  await app.register(areasRoutes, { prefix: '/areas' });
  await app.register(areaImportsRoutes, { prefix: '/area-imports' });
};
