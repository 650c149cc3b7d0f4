import { pairingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { pairingBoard } from './pairing-board.service';
import { createPairing, endPairing, keepPairing, listPairings, pairingInScope } from './pairings.service';
import { acceptProposal, proposePairings } from './proposal.service';

/** `/pairings`: the pairings, the town head's board and proposal. */
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
};
