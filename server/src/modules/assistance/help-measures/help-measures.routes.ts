import { helpMeasuresApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { createMeasure, listMeasures, updateMeasure } from './help-measures.service';

/** `/help-measures`: help given to a household (帮扶措施). */
export const helpMeasuresRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, helpMeasuresApi.list, { permission: 'assistance.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await listMeasures(ctx.db, ctx, request.query) };
  });

  route(app, helpMeasuresApi.create, { permission: 'assistance.visit' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createMeasure(trx, ctx, request.body));
  });

  route(app, helpMeasuresApi.update, { permission: 'assistance.visit' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateMeasure(trx, ctx, request.params.id, request.body));
  });
};
