import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { householdsRoutes } from './households.routes';
import { householdImportsRoutes } from './import/household-imports.routes';
import { registerImportJobs } from './import/imports.service';
import { residentsRoutes } from './residents.routes';
import { tagsRoutes } from './tags.routes';

/**
 * The registry (一户一档): each resource under its own prefix, its routes in the file named after
 * it, and the jobs that check and commit an uploaded roster.
 */
export const householdsModule: FastifyPluginAsyncZod = async function householdsModule(app) {
  registerImportJobs(app.ctx.jobs, app.ctx.secrets);
  await app.register(householdsRoutes, { prefix: '/households' });
  await app.register(residentsRoutes, { prefix: '/residents' });
  await app.register(tagsRoutes, { prefix: '/tags' });
  await app.register(householdImportsRoutes, { prefix: '/household-imports' });
};
