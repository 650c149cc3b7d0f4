import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { householdsRoutes } from './households.routes';
import { importsRoutes } from './import/imports.routes';
import { registerImportJobs } from './import/imports.service';

/** The registry (一户一档): `/households`, `/residents`, `/tags`, `/imports`, and the import jobs. */
export const householdsModule: FastifyPluginAsyncZod = async function householdsModule(app) {
  registerImportJobs(app.ctx.jobs, app.ctx.secrets);
  await app.register(householdsRoutes);
  await app.register(importsRoutes);
};
