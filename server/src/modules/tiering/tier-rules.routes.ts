import { tierRulesApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { createRuleSet, previewRules, ruleSets } from './tiering.service';

/** `/tier-rules`: the district-wide rule set, its versions, and a preview of a new one. */
export const tierRulesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { jobs } = app.ctx;

  route(app, tierRulesApi.list, { permission: 'households.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return ruleSets(ctx.db, ctx.clock);
  });

  route(app, tierRulesApi.preview, { permission: 'tiers.rules' }, async (request) =>
    previewRules(requestContextOf(request).db, request.body.rules),
  );

  route(app, tierRulesApi.create, { permission: 'tiers.rules' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => createRuleSet(trx, ctx.clock, jobs, ctx.actor, request.body));
  });
};
