import { unitsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { routeAppealToUnit } from '../route-appeal.command';
import { createUnit, getUnit, listUnitStaff, listUnitsInReach, updateUnitInReach } from './units.service';

/** `/units`: the handling units; a unit's own staff read their unit, the district manages them. */
export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, unitsApi.list, { permission: 'units.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return { items: await listUnitsInReach(ctx.db, ctx.scope, request.query) };
  });

  route(app, unitsApi.get, { permission: 'units.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return getUnit(ctx.db, ctx.scope, request.params.id);
  });

  route(app, unitsApi.listStaff, { permission: 'units.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return { items: await listUnitStaff(ctx.db, ctx, request.params.id) };
  });

  route(app, unitsApi.create, { permission: 'units.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createUnit(trx, ctx, request.body));
  });

  route(app, unitsApi.routeAppeal, { permission: 'appeals.assign' }, async (request) => {
    const ctx = areaContextOf(request);
    await withTransaction(ctx, (trx) =>
      routeAppealToUnit(trx, ctx, request.params.id, request.body.appealId),
    );
  });

  route(app, unitsApi.update, { permission: 'units.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateUnitInReach(trx, ctx, request.params.id, request.body));
  });
};
