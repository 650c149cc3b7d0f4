import { securitySettingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { securitySettings, updateSecuritySettings } from './security-settings.service';

/**
 * `/security-settings`: read by every signed-in account (the console draws the watermark from
 * them); changed by the district's administrator only — areas.manage is the district-wide
 * permission no town holds, and the setting applies to the whole district.
 */
export const securitySettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, securitySettingsApi.get, { permission: 'authenticated' }, async (request) =>
    securitySettings(requestContextOf(request).db),
  );

  route(app, securitySettingsApi.update, { permission: 'areas.manage' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => updateSecuritySettings(trx, ctx, request.body));
  });
};
