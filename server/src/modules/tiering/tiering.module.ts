import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { householdTierOverridesRoutes } from './household-tier-overrides.routes';
import { tierOverridesRoutes } from './tier-overrides.routes';
import { tierRulesRoutes } from './tier-rules.routes';
import { ensureRegistryDefaults } from './tiering.repository';
import { registerTieringJobs } from './tiering.service';
import { registerTieringTodos } from './tiering.todos';

/**
 * Tiering (分类): rule sets, overrides, the re-tiering job, and the built-in tags and rules. A
 * proposal is made on the household it concerns, so its route sits under `/households`.
 */
export const tieringModule: FastifyPluginAsyncZod = async function tieringModule(app) {
  const { db, clock, jobs } = app.ctx;
  await ensureRegistryDefaults(db, clock.now().toISOString());
  registerTieringJobs(jobs);
  registerTieringTodos(app.ctx.todos);
  await app.register(tierRulesRoutes, { prefix: '/tier-rules' });
  await app.register(tierOverridesRoutes, { prefix: '/tier-overrides' });
  await app.register(householdTierOverridesRoutes, { prefix: '/households' });
};
