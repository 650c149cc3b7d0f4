import { hotlineWorkOrdersApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isUniqueViolation } from '../../db/dialect';
import { requestContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { seatOf } from '../../platform/scope';
import { knownWorkOrder, takeWorkOrder } from './hotline.service';
import { integrationOfAccount } from './open311.repository';

/**
 * 12345 hotline work orders (`/hotline/work-orders`): a hotline system sends a work order with its
 * own id; the same id is one appeal, a retry answering 200 with it, also when retries race (the
 * unique pair of account and id decides, and the loser reads the winner's).
 */
export const hotlineRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, hotlineWorkOrdersApi.submit, { permission: 'appeals.create' }, async (request, reply) => {
    // Taken in where the caller sits, as any appeal a caller files (appeals' intake does the same).
    const reader = requestContextOf(request);
    const ctx = { ...reader, scope: seatOf(reader.scope) };
    const callerId = ctx.caller.id;
    const known = await knownWorkOrder(ctx.db, callerId, request.body);
    if (known) return reply.code(200).send(known);
    const integrationId = (await integrationOfAccount(ctx.db, callerId)) ?? null;
    try {
      return await withTransaction(ctx, (trx) =>
        takeWorkOrder(trx, ctx, { callerId, integrationId }, request.body),
      );
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const winner = await knownWorkOrder(ctx.db, callerId, request.body);
      if (!winner) throw err;
      return reply.code(200).send(winner);
    }
  });
};
