import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assessmentRoutes } from './assessment.routes';
import { bulletinRoutes } from './bulletin/bulletin.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { registerDashboardJobs } from './dashboard/dashboard.service';

/**
 * Assessment (考核): the dashboards (`/dashboard`), the annual assessment (`/assessments`), the
 * monthly bulletin (`/bulletins`), and the recount job.
 */
export const assessmentModule: FastifyPluginAsyncZod = async function assessmentModule(app) {
  registerDashboardJobs(app.ctx.jobs);
  await app.register(dashboardRoutes, { prefix: '/dashboard' });
  await app.register(assessmentRoutes, { prefix: '/assessments' });
  await app.register(bulletinRoutes, { prefix: '/bulletins' });
};
