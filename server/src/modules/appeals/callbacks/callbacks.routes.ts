import { callbacksApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { callbackTasks } from './appeals.service';

/** `/callbacks`: resolved appeals in the caller's area waiting for a callback. */
export const callbacksRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, callbacksApi.list, { permission: 'appeals.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await callbackTasks(ctx.db, ctx, request.query.limit) };
  });
};
