import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicProxyRequestsRoutes } from './public.routes';
import { proxyRequestsRoutes } from './requests.routes';
import { registerProxyRequestJobs } from './requests.sweep';
import { registerProxyRequestTodos } from './requests.todos';

/**
 * 代办: `/proxy-requests` (the cadres' and agents' routes), `/public/proxy-requests` (ask and
 * follow), the sweep (warnings, overdue, the papers' deletion) and the agent's to-do.
 */
export const requestsModule: FastifyPluginAsyncZod = async function requestsModule(app) {
  registerProxyRequestJobs(app.ctx.jobs);
  registerProxyRequestTodos(app.ctx.todos);
  await app.register(proxyRequestsRoutes, { prefix: '/proxy-requests' });
  await app.register(publicProxyRequestsRoutes, { prefix: '/public/proxy-requests' });
};
