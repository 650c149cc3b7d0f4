import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assessmentRoutes } from './assessment.routes';
import { bulletinRoutes } from './bulletin/bulletin.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { registerDashboardJobs } from './dashboard/dashboard.service';
import { registerAssessmentIndicators } from './indicators';

/**
 * Assessment (考核): the dashboards (`/dashboard`), the annual assessment (`/assessments`), the
 * monthly bulletin (`/bulletins`), the recount job, and the indicators of the dashboard, the
 * bulletin and the assessment counted from its records.
 */
export const assessmentModule: FastifyPluginAsyncZod = async function assessmentModule(app) {
  registerDashboardJobs(app.ctx.jobs);
  registerAssessmentIndicators(app.ctx.indicators);
  await app.register(dashboardRoutes, { prefix: '/dashboard' });
  await app.register(assessmentRoutes, { prefix: '/assessments' });
  await app.register(bulletinRoutes, { prefix: '/bulletins' });
};
