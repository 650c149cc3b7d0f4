import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerSafetyWordsCheck } from './safety';
import { scanWarnings } from './scan.service';
import { countActiveWarnings } from './warnings.repository';
import { warningSettingsRoutes, warningsRoutes } from './warnings.routes';

const SCAN_EVERY_MS = 10 * 60_000;

/**
 * Early warning (预警): safety words checked on every appeal taken in (an intake hook of the
 * appeals module), the scan for clusters, collective and repeat appeals and risk words (a durable
 * job every ten minutes), the routes under `/warnings` and `/warning-settings`, the bell's line.
 */
export const warningsModule: FastifyPluginAsyncZod = async function warningsModule(app) {
  registerSafetyWordsCheck();
  app.ctx.jobs
    .handleLong('warnings.scan', async ({ db, clock }) => {
      await scanWarnings(db, clock);
    })
    .every('warnings.scan', SCAN_EVERY_MS);
  // One scan as the server starts, not a period later: a restart (or the demo's first start) does
  // not leave a cluster unseen for ten minutes.
  if (app.ctx.config.jobs.enabled)
    app.addHook('onReady', async () => app.ctx.jobs.enqueue({ kind: 'warnings.scan' }));
  app.ctx.todos.register({
    key: 'warnings.open',
    label: { 'zh-CN': '待签收预警', en: 'Warnings to acknowledge' },
    permission: 'warnings.handle',
    link: '/warnings?status=open',
    count: (ctx) =>
      ctx.scope.reach === 'area' ? countActiveWarnings(ctx.db, ctx.scope) : Promise.resolve(0),
  });
  await app.register(warningsRoutes, { prefix: '/warnings' });
  await app.register(warningSettingsRoutes, { prefix: '/warning-settings' });
};
