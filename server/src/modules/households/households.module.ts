import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { householdsRoutes } from './households.routes';
import { registerHouseholdTodos } from './households.todos';
import { idNumberChecksRoutes } from './id-number-checks.routes';
import { householdImportsRoutes } from './import/household-imports.routes';
import { registerImportJobs } from './import/imports.service';
import { phoneRevealsRoutes } from './phone-reveals.routes';
import { residentsRoutes } from './residents.routes';
import { tagsRoutes } from './tags.routes';

/**
 * The registry (一户一档): each resource under its own prefix, its routes in the file named after
 * it, the jobs that check and commit an uploaded roster, and its to-dos.
 */
export const householdsModule: FastifyPluginAsyncZod = async function householdsModule(app) {
  registerImportJobs(app.ctx.jobs, app.ctx.secrets);
  registerHouseholdTodos(app.ctx.todos);
  await app.register(householdsRoutes, { prefix: '/households' });
  await app.register(residentsRoutes, { prefix: '/residents' });
  await app.register(tagsRoutes, { prefix: '/tags' });
  await app.register(householdImportsRoutes, { prefix: '/household-imports' });
  await app.register(idNumberChecksRoutes, { prefix: '/id-number-checks' });
  // Under both /households and /residents: a phone reveal per record kind.
  await app.register(phoneRevealsRoutes);
};
