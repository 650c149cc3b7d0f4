import { createHash } from 'node:crypto';
import { AppealsCreateHeaders, appealsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { seatOf } from '../../../platform/scope';
import { getAppeal } from '../queries/queries.service';
import { createAppeal } from './intake.service';
import { similarAppeals } from './similar';

/** A stable appeal id for a client's Idempotency-Key: a retried POST finds the appeal it made. */
function idFromKey(callerId: string, key: string): string {
  const hex = createHash('sha256').update(`${callerId}\u0000${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `/appeals` intake by staff: a new appeal, and the open ones it may repeat. */
export const appealIntakeRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, appealsApi.create, { permission: 'appeals.create' }, async (request, reply) => {
    const reader = requestContextOf(request);
    // A CPPCC member files their 社情民意 reports in the area they sit in, and then reads them as
    // their own.
    const ctx = { ...reader, scope: seatOf(reader.scope) };
    const key = AppealsCreateHeaders.parse(request.headers)['idempotency-key'];
    const body =
      key && !request.body.id ? { ...request.body, id: idFromKey(ctx.caller.id, key) } : request.body;
    const created = await withTransaction(ctx, (trx) =>
      createAppeal(trx, ctx, body, { createdBy: ctx.caller.id, ipHash: null }),
    );
    // A retry answers 200 with the appeal it made the first time.
    if (!created.created) reply.code(200);
    return getAppeal(reader.db, reader, created.id);
  });

  route(app, appealsApi.listSimilar, { permission: 'appeals.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return similarAppeals(ctx.db, ctx, request.query);
  });
};
