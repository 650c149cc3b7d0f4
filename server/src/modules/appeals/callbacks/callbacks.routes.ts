import { appealsApi, callbacksApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { callbackTasks, recordCallback } from './callbacks.service';

/** `/callbacks`: resolved appeals in the caller's area waiting for a callback. */
export const callbacksRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, callbacksApi.list, { permission: 'appeals.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await callbackTasks(ctx.db, ctx, request.query.limit) };
  });
};

/** `POST /appeals/:id/callback`: the callback (回访) of a resolved appeal. */
export const appealCallbackRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, appealsApi.recordCallback, { permission: 'appeals.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => recordCallback(trx, ctx, request.params.id, request.body));
  });
};
