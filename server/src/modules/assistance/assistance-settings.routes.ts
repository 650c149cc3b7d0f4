import { assistanceSettingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit/audit.service';
import { requestContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { writeSetting } from '../../platform/settings/settings.repository';
import { assistanceSettings } from './pairings.service';

/** `/assistance-settings`: quotas per group, visit intervals, village days, must-visit thresholds. */
export const assistanceSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, assistanceSettingsApi.get, { permission: 'assistance.read' }, async (request) =>
    assistanceSettings(requestContextOf(request).db),
  );

  route(app, assistanceSettingsApi.update, { permission: 'assistance.configure' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, async (trx) => {
      const before = await assistanceSettings(trx);
      await writeSetting(trx, 'assistance', request.body, ctx.clock.now().toISOString(), ctx.actor.id);
      await recordAudit(trx, ctx.clock, ctx.actor, {
        action: 'assistance_settings.update',
        before,
        after: request.body,
      });
      return request.body;
    });
  });
};
