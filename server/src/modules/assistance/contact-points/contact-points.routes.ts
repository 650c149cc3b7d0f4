import { contactPointsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { createContactPoint, endContactPoint, listContactPoints } from './contact-points.service';

/** `/contact-points`: the villages leaders keep in touch with (联系点). */
export const contactPointsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, contactPointsApi.list, { permission: 'assistance.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await listContactPoints(ctx.db, ctx) };
  });

  route(app, contactPointsApi.create, { permission: 'assistance.pair' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createContactPoint(trx, ctx, request.body));
  });

  route(app, contactPointsApi.end, { permission: 'assistance.pair' }, async (request) => {
    const ctx = areaContextOf(request);
    await withTransaction(ctx, (trx) => endContactPoint(trx, ctx, request.params.id, request.body.endDate));
  });
};
