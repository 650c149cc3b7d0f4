import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ensureRegistryDefaults } from './tiering.repository';
import { tieringRoutes } from './tiering.routes';
import { registerTieringJobs } from './tiering.service';

/** Tiering (分类): rule sets, overrides, the re-tiering job, and the built-in tags and rules. */
export const tieringModule: FastifyPluginAsyncZod = async function tieringModule(app) {
  const { db, clock, jobs } = app.ctx;
  await ensureRegistryDefaults(db, clock.now().toISOString());
  registerTieringJobs(jobs);
  await app.register(tieringRoutes);
};
