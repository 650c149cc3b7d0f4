import { pairingRatingLinksApi, pairingRatingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { createRatingLink, rateHelper } from './helper-ratings.service';

/** `/pairings/:id/ratings` and `/pairings/:id/rating-links`: the household's rating of its helper. */
export const pairingRatingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, pairingRatingsApi.create, { permission: 'assistance.visit' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    await withTransaction(ctx, (trx) => rateHelper(trx, ctx, request.params.id, request.body));
    // 201 with nothing to say: the rating is not shown back to the one who recorded it.
    return reply.send();
  });

  route(app, pairingRatingLinksApi.create, { permission: 'assistance.visit' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createRatingLink(trx, ctx, request.params.id));
  });
};
