import { idNumberChecksApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { closeCheck, idNumberChecks } from './id-number-lookups.service';

/** `/id-number-checks`: the verification cases of the towns in the caller's area. */
export const idNumberChecksRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, idNumberChecksApi.list, { permission: 'users.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await idNumberChecks(ctx.db, ctx) };
  });

  route(app, idNumberChecksApi.close, { permission: 'users.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    await withTransaction(ctx, (trx) => closeCheck(trx, ctx, request.params.id));
  });
};
