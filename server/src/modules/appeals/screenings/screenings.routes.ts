import { screeningsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { listScreenings, recordScreening } from './screenings.service';

/** `/screenings`: screening sweeps (大排查) of a village; each dispute found becomes an appeal. */
export const screeningsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, screeningsApi.list, { permission: 'appeals.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await listScreenings(ctx.db, ctx, request.query.limit) };
  });

  route(app, screeningsApi.create, { permission: 'appeals.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => recordScreening(trx, ctx, request.body));
  });
};
