import {
  HouseholdIdParams,
  TierOverride,
  TierOverrideCreateBody,
  TierOverrideDecisionBody,
  TierOverridesQuery,
  TierRuleSet,
  TierRulesCreateBody,
  TierRulesPreview,
  TierRulesPreviewBody,
} from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/context';
import { areaContextOf } from '../../platform/request-context';
import {
  approveOverride,
  proposeOverride,
  rejectOverride,
  revokeOverride,
  tierOverrides,
} from './tier-overrides.service';
import { createRuleSet, previewRules, ruleSets } from './tiering.service';

const OverrideIdParams = z.strictObject({ id: z.uuid() });

export const tieringRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, jobs } = app.ctx;

  app.get(
    '/tier-rules',
    {
      config: { permission: 'households.read' },
      schema: { tags: ['tiering'], response: { 200: z.array(TierRuleSet) } },
    },
    async () => ruleSets(db, clock),
  );

  app.post(
    '/tier-rules/preview',
    {
      config: { permission: 'tiers.rules' },
      schema: {
        tags: ['tiering'],
        summary: 'What a rule set would do to today’s households (nothing is saved)',
        body: TierRulesPreviewBody,
        response: { 200: TierRulesPreview },
      },
    },
    async (request) => previewRules(db, request.body.rules),
  );

  app.post(
    '/tier-rules',
    {
      config: { permission: 'tiers.rules' },
      schema: {
        tags: ['tiering'],
        summary: 'Save a new rule-set version; households are re-tiered when it takes effect',
        body: TierRulesCreateBody,
        response: { 201: TierRuleSet },
      },
    },
    async (request, reply) => {
      const saved = await db
        .transaction()
        .execute((trx) => createRuleSet(trx, clock, jobs, actorOf(request), request.body));
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/tier-overrides',
    {
      config: { permission: 'households.read' },
      schema: {
        tags: ['tiering'],
        querystring: TierOverridesQuery,
        response: { 200: z.object({ items: z.array(TierOverride) }) },
      },
    },
    async (request) => {
      const { limit, ...filter } = request.query;
      return { items: await tierOverrides(db, areaContextOf(request), filter, limit) };
    },
  );

  app.post(
    '/households/:id/tier-overrides',
    {
      config: { permission: 'households.manage' },
      schema: {
        tags: ['tiering'],
        summary: 'Propose setting a household’s tier by hand (the town head decides)',
        params: HouseholdIdParams,
        body: TierOverrideCreateBody,
        response: { 201: TierOverride },
      },
    },
    async (request, reply) => {
      const override = await db
        .transaction()
        .execute((trx) => proposeOverride(trx, areaContextOf(request), request.params.id, request.body));
      return reply.status(201).send(override);
    },
  );

  const decisions = { approve: approveOverride, reject: rejectOverride, revoke: revokeOverride } as const;
  for (const [action, decide] of Object.entries(decisions)) {
    app.post(
      `/tier-overrides/:id/${action}`,
      {
        config: { permission: 'tiers.approve' },
        schema: {
          tags: ['tiering'],
          params: OverrideIdParams,
          body: TierOverrideDecisionBody,
          response: { 200: TierOverride },
        },
      },
      async (request) =>
        db
          .transaction()
          .execute((trx) => decide(trx, areaContextOf(request), request.params.id, request.body.note)),
    );
  }
};
