import { phoneRevealsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { revealRegistryPhone } from './phone-reveals.service';

/**
 * `/households/:id/reveal-phone` and `/residents/:id/reveal-phone`: the one way to a full phone
 * number of the registry. A write, not a read: every reveal leaves its line in the audit trail.
 */
export const phoneRevealsRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const kind of ['household', 'resident'] as const) {
    route(app, phoneRevealsApi[kind], { permission: 'idnumber.reveal' }, async (request) => {
      const ctx = areaContextOf(request);
      const phone = await withTransaction(ctx, (trx) =>
        revealRegistryPhone(trx, ctx, kind, request.params.id, request.body.purpose),
      );
      return { phone };
    });
  }
};
