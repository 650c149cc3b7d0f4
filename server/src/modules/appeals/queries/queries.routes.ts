import { appealLevels, appealsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../../platform/audit/audit.service';
import { areaContextOf, requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { holderOf } from '../appeals.repository';
import { appealCandidates } from '../candidates.repository';
import { loadAppeal } from '../lifecycle';
import { appealStats, getAppeal, listAppealsInScope } from './queries.service';

/** `/appeals` reading: the queues, the figures, one appeal, its reporter's phone and its candidates. */
export const appealQueriesRoutes: FastifyPluginAsyncZod = async (app) => {
  // Reading reaches by the caller's kind of reach: an area's appeals, a unit's routed ones, a
  // member's own.
  route(app, appealsApi.list, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return listAppealsInScope(ctx.db, ctx, request.query);
  });

  route(app, appealsApi.getStats, { permission: 'appeals.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return appealStats(ctx.db, ctx, request.query);
  });

  route(app, appealsApi.get, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return getAppeal(ctx.db, ctx, request.params.id);
  });

  route(app, appealsApi.revealPhone, { permission: 'appeals.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, async (trx) => {
      const appeal = await loadAppeal(trx, ctx, request.params.id);
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
    const appeal = await loadAppeal(ctx.db, ctx, request.params.id);
    return appealCandidates(
      ctx.db,
      appealLevels.map((level) => holderOf(appeal.village_code, level)),
    );
  });

  route(app, appealsApi.listHandlers, { permission: 'appeals.assign' }, async (request) => {
    const ctx = areaContextOf(request);
    const appeal = await loadAppeal(ctx.db, ctx, request.params.id);
    return appealCandidates(ctx.db, [appeal.holder_area_code]);
  });
};
