import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appealActionsRoutes } from './actions/actions.routes';
import { appealSettingsRoutes } from './appeal-settings.routes';
import { registerAppealTodos } from './appeals.todos';
import { appealAttachmentsRoutes } from './attachments/attachments.routes';
import { appealCallbackRoutes, callbacksRoutes } from './callbacks/callbacks.routes';
import { appealCategoriesRoutes } from './categories/categories.routes';
import { ensureAppealDefaults } from './categories/categories.service';
import { appealIntakeRoutes } from './intake/intake.routes';
import { mediationsRoutes } from './mediation/mediation.routes';
import { notificationsRoutes } from './notifications.routes';
import { publicRoutes } from './public/public.routes';
import { villageAppealsSection } from './public/village-section';
import { appealQueriesRoutes } from './queries/queries.routes';
import { screeningsRoutes } from './screenings/screenings.routes';
import { registerAppealJobs } from './sweep/sweep';

/**
 * Appeals (诉求) and the three-level repository: the staff routes (`/appeals` — intake, queries,
 * actions, callback and attachments —, `/appeal-categories`, `/appeal-settings`, `/callbacks`,
 * `/notifications`, `/mediations`, `/screenings`), the residents' public pages under `/public`,
 * the overdue sweep, and the default categories.
 */
export const appealsModule: FastifyPluginAsyncZod = async function appealsModule(app) {
  const { db, clock, jobs } = app.ctx;
  await ensureAppealDefaults(db, clock.now().toISOString());
  registerAppealJobs(jobs);
  registerAppealTodos(app.ctx.todos);
  // The village page: how to report, and the village's figures of the year.
  app.ctx.villageSections.register({ key: 'appeals', order: 10, load: villageAppealsSection });
  await app.register(publicRoutes, { prefix: '/public' });
  await app.register(appealQueriesRoutes, { prefix: '/appeals' });
  await app.register(appealIntakeRoutes, { prefix: '/appeals' });
  await app.register(appealActionsRoutes, { prefix: '/appeals' });
  await app.register(appealCallbackRoutes, { prefix: '/appeals' });
  await app.register(appealAttachmentsRoutes, { prefix: '/appeals' });
  await app.register(appealCategoriesRoutes, { prefix: '/appeal-categories' });
  await app.register(appealSettingsRoutes, { prefix: '/appeal-settings' });
  await app.register(callbacksRoutes, { prefix: '/callbacks' });
  await app.register(notificationsRoutes, { prefix: '/notifications' });
  await app.register(mediationsRoutes, { prefix: '/mediations' });
  await app.register(screeningsRoutes, { prefix: '/screenings' });
};
