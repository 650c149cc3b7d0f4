import { cadreQuotasApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { setQuota } from './settings.service';

/** `/cadres/:id/quota`: a helping cadre's own quota. */
export const cadreQuotasRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, cadreQuotasApi.update, { permission: 'assistance.pair' }, async (request) => {
    const ctx = areaContextOf(request);
    await withTransaction(ctx, (trx) => setQuota(trx, ctx, request.params.id, request.body));
  });
};
