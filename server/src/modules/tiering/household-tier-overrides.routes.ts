import { tierOverridesApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { proposeOverride } from './tier-overrides.service';

/** `/households/:id/tier-overrides`: a proposal to set one household's tier by hand. */
export const householdTierOverridesRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, tierOverridesApi.propose, { permission: 'households.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => proposeOverride(trx, ctx, request.params.id, request.body));
  });
};
