import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assessmentRoutes } from './assessment.routes';
import { bulletinRoutes } from './bulletin.routes';
import { registerDashboardJobs } from './dashboard.service';

/** Assessment (考核): the dashboards, the annual assessment, the monthly bulletin, the recount job. */
export const assessmentModule: FastifyPluginAsyncZod = async function assessmentModule(app) {
  registerDashboardJobs(app.ctx.jobs);
  await app.register(assessmentRoutes);
  await app.register(bulletinRoutes);
};
