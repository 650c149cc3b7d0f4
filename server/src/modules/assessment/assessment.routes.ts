import { Dashboard, DashboardQuery } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../../platform/context';
import { DashboardCache, dashboard } from './dashboard.service';

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, writes } = app.ctx;
  const cache = new DashboardCache(writes);

  app.get(
    '/dashboard',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags: ['assessment'],
        summary:
          'The figures of the caller’s area (or one inside it) for a period, with a row per child area',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (request) => dashboard(db, { scope: authOf(request).scope, clock }, request.query, cache),
  );
};
