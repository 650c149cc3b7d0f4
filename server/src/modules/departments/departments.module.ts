import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerDepartmentsBulletinSection } from './dispatch/dispatch.bulletin';
import { registerDepartmentIndicators } from './dispatch/dispatch.indicators';
import { dispatchRoutes, dispatchSettingsRoutes } from './dispatch/dispatch.routes';
import { registerDispatchJobs } from './dispatch/dispatch.sweep';
import { registerTopicsBulletinSection } from './topics/topics.bulletin';
import { topicsRoutes } from './topics/topics.routes';
import { unitsRoutes } from './units/units.routes';
import { whistleSettingsRoutes, whistlesRoutes } from './whistles/whistles.routes';
import { registerWhistleTodos } from './whistles/whistles.todos';

/**
 * Departments and handling units (承办单位): `/units`. The district's departments, town offices,
 * village committees, service stations and the CPPCC office, their staff and working hours, and
 * the categories each answers for; dispatch (派单): `/dispatches`, `/dispatch-settings`, and the
 * sweep that warns of late dispatches and puts overdue ones under supervision (督办); whistles
 * (吹哨报到): `/whistles`; the month's topics (每月一题): `/monthly-topics`.
 */
export const departmentsModule: FastifyPluginAsyncZod = async function departmentsModule(app) {
  registerDispatchJobs(app.ctx.jobs);
  await app.register(unitsRoutes, { prefix: '/units' });
  await app.register(dispatchRoutes, { prefix: '/dispatches' });
  await app.register(dispatchSettingsRoutes, { prefix: '/dispatch-settings' });
  registerDepartmentsBulletinSection(app.ctx.bulletinSections);
  registerDepartmentIndicators(app.ctx.indicators);
  registerWhistleTodos(app.ctx.todos);
  await app.register(whistlesRoutes, { prefix: '/whistles' });
  await app.register(whistleSettingsRoutes, { prefix: '/whistle-settings' });
  registerTopicsBulletinSection(app.ctx.bulletinSections);
  await app.register(topicsRoutes, { prefix: '/monthly-topics' });
};
