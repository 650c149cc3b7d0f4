import { worklistApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { worklistFor } from './worklist.service';

/** `/worklist`: a cadre's households due and overdue for a visit, and their village days. */
export const worklistRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, worklistApi.get, { permission: 'assistance.visit' }, async (request) => {
    const ctx = areaContextOf(request);
    return worklistFor(ctx.db, ctx, request.query.cadreId);
  });
};
