import { areasApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { createArea, getArea, listAreasInScope, updateAreaInScope } from './areas.service';

/** `/areas`. */
export const areasRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, areasApi.list, { permission: 'areas.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await listAreasInScope(ctx.db, ctx.scope, request.query) };
  });

  route(app, areasApi.get, { permission: 'areas.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getArea(ctx.db, ctx.scope, request.params.code);
  });

  route(app, areasApi.create, { permission: 'areas.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createArea(trx, ctx.clock, ctx.actor, ctx.scope, request.body));
  });

  route(app, areasApi.update, { permission: 'areas.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) =>
      updateAreaInScope(trx, ctx.clock, ctx.actor, ctx.scope, request.params.code, request.body),
    );
  });
};
