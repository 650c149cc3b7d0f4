import { mediationsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import {
  addMediationSession,
  createMediation,
  getMediation,
  listMediations,
  recordMediationOutcome,
} from './mediation.service';

/** `/mediations`: the mediation (调解) of disputes, its sessions and its outcome. */
export const mediationsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, mediationsApi.list, { permission: 'appeals.read' }, async (request) => {
    const ctx = areaContextOf(request);
    const { villageCode, appealId, limit } = request.query;
    return { items: await listMediations(ctx.db, ctx, { villageCode, appealId }, limit) };
  });

  route(app, mediationsApi.create, { permission: 'appeals.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createMediation(trx, ctx, request.body));
  });

  route(app, mediationsApi.get, { permission: 'appeals.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getMediation(ctx.db, ctx, request.params.id);
  });

  route(app, mediationsApi.addSession, { permission: 'appeals.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => addMediationSession(trx, ctx, request.params.id, request.body));
  });

  route(app, mediationsApi.recordOutcome, { permission: 'appeals.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => recordMediationOutcome(trx, ctx, request.params.id, request.body));
  });
};
