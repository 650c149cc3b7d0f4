import { publicHelperRatingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { rateByLink, ratingLinkView } from './helper-ratings.service';

/** `/public/helper-ratings/:token`: the household's one-time link to rate its helper (no login). */
export const publicHelperRatingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.ctx;

  route(app, publicHelperRatingsApi.get, { public: true }, async (request) =>
    ratingLinkView(db, clock, request.params.token),
  );

  route(app, publicHelperRatingsApi.create, { public: true }, async (request, reply) => {
    await withTransaction(app.ctx, (trx) => rateByLink(trx, clock, request.params.token, request.body));
    return reply.send();
  });
};
