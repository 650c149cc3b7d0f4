import { serviceCentresApi, serviceItemsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import {
  createItem,
  getItem,
  getItemVersion,
  listItems,
  setItemActiveOf,
  updateItem,
} from './catalogue.service';
import { getCentre, listCentres, putRoster, updateCentre } from './centres.service';

/** `/service-items`: the catalogue, each guide versioned; a town edits its own local items only. */
export const serviceItemsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, serviceItemsApi.list, { permission: 'services.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return listItems(ctx.db, ctx.scope, request.query);
  });

  route(app, serviceItemsApi.create, { permission: 'services.manage' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => createItem(trx, ctx, request.body));
  });

  route(app, serviceItemsApi.get, { permission: 'services.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return getItem(ctx.db, ctx, request.params.id);
  });

  route(app, serviceItemsApi.update, { permission: 'services.manage' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => updateItem(trx, ctx, request.params.id, request.body));
  });

  route(app, serviceItemsApi.version, { permission: 'services.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return getItemVersion(ctx.db, ctx.scope, request.params.id, request.params.no);
  });

  route(app, serviceItemsApi.deactivate, { permission: 'services.manage' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => setItemActiveOf(trx, ctx, request.params.id, request.body));
  });
};

/**
 * `/service-centres`: the centres and stations in reach; their profile and items (services.manage,
 * or the station's own head), and the duty roster (services.supervise).
 */
export const serviceCentresRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, serviceCentresApi.list, { permission: 'services.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return listCentres(ctx.db, ctx, request.query);
  });

  route(app, serviceCentresApi.get, { permission: 'services.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return getCentre(ctx.db, ctx, request.params.id, request.query.weekStart);
  });

  route(app, serviceCentresApi.update, { permission: 'services.supervise' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => updateCentre(trx, ctx, request.params.id, request.body));
  });

  route(app, serviceCentresApi.putRoster, { permission: 'services.supervise' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => putRoster(trx, ctx, request.params.id, request.body));
  });
};
