import { createHash } from 'node:crypto';
import { AppealsCreateHeaders, appealLevels, appealsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit/audit.service';
import { notFound } from '../../platform/errors';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { findAppeal, holderOf } from './appeals.repository';
import {
  appealStats,
  createAppeal,
  getAppeal,
  listAppealsInScope,
  recordCallback,
  similarAppeals,
} from './appeals.service';
import { appealCandidates } from './candidates.repository';

/** A stable appeal id for a client's Idempotency-Key: a retried POST finds the appeal it made. */
function idFromKey(callerId: string, key: string): string {
  const hex = createHash('sha256').update(`${callerId}\u0000${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `/appeals`: the appeals of the three-level repository, their actions and callbacks. */
export const appealsRoutes: FastifyPluginAsyncZod = async (app) => {
  // A contract declares no headers: the intake's Idempotency-Key is validated and documented here.
  app.addHook('onRoute', (options) => {
    if (options.method === 'POST' && options.routePath === '') {
      options.schema = { ...options.schema, headers: AppealsCreateHeaders };
    }
  });

  route(app, appealsApi.list, { permission: 'appeals.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return listAppealsInScope(ctx.db, ctx, request.query);
  });

  route(app, appealsApi.create, { permission: 'appeals.create' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const key = AppealsCreateHeaders.parse(request.headers)['idempotency-key'];
    const body =
      key && !request.body.id ? { ...request.body, id: idFromKey(ctx.caller.id, key) } : request.body;
    const created = await withTransaction(ctx, (trx) =>
      createAppeal(trx, ctx, body, { createdBy: ctx.caller.id, ipHash: null }),
    );
    // A retry answers 200 with the appeal it made the first time.
    if (!created.created) reply.code(200);
    return getAppeal(ctx.db, ctx, created.id);
  });

  route(app, appealsApi.listSimilar, { permission: 'appeals.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return similarAppeals(ctx.db, ctx, request.query);
  });

  route(app, appealsApi.getStats, { permission: 'appeals.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return appealStats(ctx.db, ctx, request.query);
  });

  route(app, appealsApi.get, { permission: 'appeals.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getAppeal(ctx.db, ctx, request.params.id);
  });

  route(app, appealsApi.revealPhone, { permission: 'appeals.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, async (trx) => {
      const appeal = await findAppeal(trx, ctx.scope, request.params.id);
      if (!appeal) throw notFound();
      const phone = appeal.reporter_phone_enc ? ctx.secrets.decrypt(appeal.reporter_phone_enc) : null;
      await recordAudit(trx, ctx.clock, ctx.actor, {
        action: 'appeal.reveal_phone',
        objectType: 'appeal',
        objectId: appeal.id,
        areaCode: appeal.village_code,
      });
      return { phone };
    });
  });

  route(app, appealsApi.listMediators, { permission: 'appeals.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    const appeal = await findAppeal(ctx.db, ctx.scope, request.params.id);
    if (!appeal) throw notFound();
    return appealCandidates(
      ctx.db,
      appealLevels.map((level) => holderOf(appeal.village_code, level)),
    );
  });

  route(app, appealsApi.listHandlers, { permission: 'appeals.assign' }, async (request) => {
    const ctx = areaContextOf(request);
    const appeal = await findAppeal(ctx.db, ctx.scope, request.params.id);
    if (!appeal) throw notFound();
    return appealCandidates(ctx.db, [appeal.holder_area_code]);
  });

  route(app, appealsApi.recordCallback, { permission: 'appeals.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => recordCallback(trx, ctx, request.params.id, request.body));
  });
};
