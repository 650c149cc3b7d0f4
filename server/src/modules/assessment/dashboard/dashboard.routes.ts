import { dashboardApi, workApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { work } from '../work/work.service';
import { DashboardCache, dashboard } from './dashboard.service';

/** `/dashboard`: an area's figures for a period, and the work of its cadres (`/dashboard/work`). */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const cache = new DashboardCache(app.ctx.writes);

  route(app, dashboardApi.get, { permission: 'dashboard.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return dashboard(ctx.db, ctx, request.query, cache, app.ctx.indicators);
  });

  route(app, workApi.get, { permission: 'dashboard.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return work(ctx.db, ctx, request.query);
  });
};
