import { pairingRatingLinksApi, pairingRatingsApi, pairingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import {
  acceptProposal,
  createPairing,
  endPairing,
  keepPairing,
  listPairings,
  pairingBoard,
  pairingInScope,
  proposePairings,
} from './pairings.service';
import { createRatingLink, rateHelper } from './visits.service';

/** `/pairings`: the pairings, the town head's board and proposal, and the household's rating of its helper. */
export const pairingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, pairingsApi.list, { permission: 'assistance.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return listPairings(ctx.db, ctx, request.query);
  });

  route(app, pairingsApi.board, { permission: 'assistance.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return pairingBoard(ctx.db, ctx, request.query.areaCode);
  });

  route(app, pairingsApi.create, { permission: 'assistance.pair' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, async (trx) => {
      const id = await createPairing(trx, ctx, request.body);
      return pairingInScope(trx, ctx, id);
    });
  });

  route(app, pairingsApi.propose, { permission: 'assistance.pair' }, async (request) => {
    const ctx = areaContextOf(request);
    return proposePairings(ctx.db, ctx, request.body.areaCode);
  });

  route(app, pairingsApi.accept, { permission: 'assistance.pair' }, async (request) => {
    const ctx = areaContextOf(request);
    const created = await withTransaction(ctx, (trx) => acceptProposal(trx, ctx, request.body));
    return { created };
  });

  route(app, pairingsApi.end, { permission: 'assistance.pair' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => endPairing(trx, ctx, request.params.id, request.body));
  });

  route(app, pairingsApi.keep, { permission: 'assistance.pair' }, async (request) => {
    const ctx = areaContextOf(request);
    const { version, note } = request.body;
    return withTransaction(ctx, (trx) => keepPairing(trx, ctx, request.params.id, version, note));
  });

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
