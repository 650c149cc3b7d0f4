import { appealSettingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit/audit.service';
import { requestContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { writeSetting } from '../../platform/settings/settings.repository';
import { appealSettings } from './intake/deadlines';

/** `/appeal-settings`: deadlines and callback rules. */
export const appealSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, appealSettingsApi.get, { permission: 'appeals.read' }, async (request) =>
    appealSettings(requestContextOf(request).db),
  );

  route(app, appealSettingsApi.update, { permission: 'appeals.configure' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, async (trx) => {
      const before = await appealSettings(trx);
      await writeSetting(trx, 'appeals', request.body, ctx.clock.now().toISOString(), ctx.actor.id);
      await recordAudit(trx, ctx.clock, ctx.actor, {
        action: 'appeal_settings.update',
        before,
        after: request.body,
      });
      return request.body;
    });
  });
};
