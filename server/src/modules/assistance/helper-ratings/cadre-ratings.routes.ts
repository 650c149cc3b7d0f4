import { cadreRatingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { helperRatings } from './helper-ratings.service';

/** `/cadres/:id/ratings`: how a helping cadre is rated, as counts. */
export const cadreRatingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, cadreRatingsApi.get, { permission: 'assistance.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return helperRatings(ctx.db, ctx, request.params.id);
  });
};
