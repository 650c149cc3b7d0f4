import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unitsRoutes } from './units/units.routes';

/**
 * Departments and handling units (承办单位): `/units`. The district's departments, town offices,
 * village committees, service stations and the CPPCC office, their staff and working hours, and
 * the categories each answers for; dispatch (派单) builds on them.
 */
export const departmentsModule: FastifyPluginAsyncZod = async function departmentsModule(app) {
  await app.register(unitsRoutes, { prefix: '/units' });
};
