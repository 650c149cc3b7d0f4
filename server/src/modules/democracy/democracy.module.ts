import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorisationsRoutes, bodiesRoutes, democracySettingsRoutes, membersRoutes } from './bodies.routes';
import { registerDemocracyTodos } from './democracy.todos';
import { disclosuresPlugin } from './disclosures/disclosures.plugin';
import { democracyStatsRoutes, mattersRoutes } from './matters.routes';
import { meetingsRoutes } from './meetings.routes';
import { projectsPlugin } from './projects/projects.plugin';
import { registerDemocracyIndicators } from './stats.service';

/**
 * Village democracy (四议两公开): each resource under its own prefix. Bodies and members, matters and
 * meetings here; disclosures (村务公开) and major investment projects add their resources below.
 */
export const democracyModule: FastifyPluginAsyncZod = async function democracyModule(app) {
  registerDemocracyIndicators(app.ctx.indicators);
  registerDemocracyTodos(app.ctx.todos);
  await app.register(bodiesRoutes, { prefix: '/democracy-bodies' });
  await app.register(membersRoutes, { prefix: '/democracy-members' });
  await app.register(authorisationsRoutes, { prefix: '/democracy-authorisations' });
  await app.register(democracySettingsRoutes, { prefix: '/democracy-settings' });
  await app.register(democracyStatsRoutes, { prefix: '/democracy-stats' });
  await app.register(mattersRoutes, { prefix: '/matters' });
  await app.register(meetingsRoutes, { prefix: '/meetings' });
  // Disclosures (村务公开) under /disclosures and projects (重大投资项目) under /projects.
  await app.register(disclosuresPlugin);
  await app.register(projectsPlugin);
};
