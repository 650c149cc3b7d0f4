import { areasApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, requestContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { seatOf } from '../../platform/scope';
import { createArea, getArea, listAreasInScope, updateAreaInScope } from './areas.service';

/** `/areas`. */
export const areasRoutes: FastifyPluginAsyncZod = async (app) => {
  // The area tree is shared reference data: a caller whose reach is a unit, a station or their
  // own records reads the subtree they sit in.
  route(app, areasApi.list, { permission: 'areas.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return { items: await listAreasInScope(ctx.db, seatOf(ctx.scope), request.query) };
  });

  route(app, areasApi.get, { permission: 'areas.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return getArea(ctx.db, seatOf(ctx.scope), request.params.code);
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
