import { cadreQuotasApi, cadreRatingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { setQuota } from './pairings.service';
import { helperRatings } from './visits.service';

/** `/cadres/:id/quota` and `/cadres/:id/ratings`: a helping cadre's own quota and how they are rated. */
export const cadresRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, cadreQuotasApi.update, { permission: 'assistance.pair' }, async (request) => {
    const ctx = areaContextOf(request);
    await withTransaction(ctx, (trx) => setQuota(trx, ctx, request.params.id, request.body));
    return undefined;
  });

  route(app, cadreRatingsApi.get, { permission: 'assistance.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return helperRatings(ctx.db, ctx, request.params.id);
  });
};
