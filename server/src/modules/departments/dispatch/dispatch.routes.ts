import { dispatchApi, dispatchSettingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../../platform/audit/audit.service';
import { areaContextOf, requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { writeSetting } from '../../../platform/settings/settings.repository';
import { dispatchSettings } from './dispatch.model';
import { dispatchAppeal, getDispatch, listDispatchQueue, overrule, redispatch } from './dispatch.service';
import { departmentStats } from './dispatch-stats';
import { acceptDispatch, actAsLead, givePart, returnDispatch } from './dispatch-work.service';

/**
 * `/dispatches`: the dispatcher (the district, a town) hands appeals to departments and decides on
 * returns; a department's staff work their queue. Reads are open to both sides, each its own.
 */
export const dispatchRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, dispatchApi.list, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return { items: await listDispatchQueue(ctx.db, ctx, request.query) };
  });

  route(app, dispatchApi.stats, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return { items: await departmentStats(ctx.db, ctx, request.query) };
  });

  route(app, dispatchApi.get, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return getDispatch(ctx.db, ctx, request.params.id);
  });

  route(app, dispatchApi.create, { permission: 'appeals.dispatch' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await withTransaction(ctx, (trx) => dispatchAppeal(trx, ctx, request.body)) };
  });

  route(app, dispatchApi.accept, { permission: 'dispatch.work' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => acceptDispatch(trx, ctx, request.params.id, request.body.version));
  });

  route(app, dispatchApi.return, { permission: 'dispatch.work' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => returnDispatch(trx, ctx, request.params.id, request.body));
  });

  route(app, dispatchApi.part, { permission: 'dispatch.work' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => givePart(trx, ctx, request.params.id, request.body));
  });

  route(app, dispatchApi.act, { permission: 'dispatch.work' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => actAsLead(trx, ctx, request.params.id, request.body));
  });

  route(app, dispatchApi.redispatch, { permission: 'appeals.dispatch' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => redispatch(trx, ctx, request.params.id, request.body));
  });

  route(app, dispatchApi.overrule, { permission: 'appeals.dispatch' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => overrule(trx, ctx, request.params.id, request.body));
  });
};

/** `/dispatch-settings`: the return window and the co-units' time, district-wide. */
export const dispatchSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, dispatchSettingsApi.get, { permission: 'appeals.read' }, async (request) =>
    dispatchSettings(requestContextOf(request).db),
  );

  route(app, dispatchSettingsApi.update, { permission: 'appeals.configure' }, async (request) => {
    const ctx = requestContextOf(request);
    const settings = request.body;
    return withTransaction(ctx, async (trx) => {
      const before = await dispatchSettings(trx);
      await writeSetting(trx, 'dispatch', settings, ctx.clock.now().toISOString(), ctx.actor.id);
      await recordAudit(trx, ctx.clock, ctx.actor, {
        action: 'dispatch_settings.update',
        before,
        after: settings,
      });
      return settings;
    });
  });
};
