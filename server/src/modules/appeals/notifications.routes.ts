import { notificationsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listNotifications } from '../../platform/notifications/notifications.service';
import { areaContextOf } from '../../platform/request-context';
import { route } from '../../platform/routes';

/** `/notifications`: the outbox of the caller's area. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, notificationsApi.list, { permission: 'appeals.read' }, async (request) => {
    const ctx = areaContextOf(request);
    const { limit, status, appealId } = request.query;
    const filter = { ...(status ? { status } : {}), ...(appealId ? { appealId } : {}) };
    return { items: await listNotifications(ctx.db, ctx.scope, filter, limit) };
  });
};
