import { tierOverridesApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { approveOverride, rejectOverride, revokeOverride, tierOverrides } from './tier-overrides.service';

/** `/tier-overrides`: tiers set by hand, and the town head's decisions on them. */
export const tierOverridesRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, tierOverridesApi.list, { permission: 'households.read' }, async (request) => {
    const ctx = areaContextOf(request);
    const { limit, ...filter } = request.query;
    return { items: await tierOverrides(ctx.db, ctx, filter, limit) };
  });

  const decisions = [
    [tierOverridesApi.approve, approveOverride],
    [tierOverridesApi.reject, rejectOverride],
    [tierOverridesApi.revoke, revokeOverride],
  ] as const;
  for (const [contract, decide] of decisions) {
    route(app, contract, { permission: 'tiers.approve' }, async (request) => {
      const ctx = areaContextOf(request);
      return withTransaction(ctx, (trx) => decide(trx, ctx, request.params.id, request.body.note));
    });
  }
};
