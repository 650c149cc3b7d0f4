import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appealsRoutes } from './appeals.routes';
import { registerAppealJobs } from './appeals.sweep';
import { ensureAppealDefaults } from './categories';
import { publicRoutes } from './public.routes';

/**
 * Appeals (诉求) and the three-level repository: the staff routes, the residents' public pages
 * under `/public`, the overdue sweep, and the default categories.
 */
export const appealsModule: FastifyPluginAsyncZod = async function appealsModule(app) {
  const { db, clock, jobs } = app.ctx;
  await ensureAppealDefaults(db, clock.now().toISOString());
  registerAppealJobs(jobs);
  await app.register(publicRoutes, { prefix: '/public' });
  await app.register(appealsRoutes);
};
