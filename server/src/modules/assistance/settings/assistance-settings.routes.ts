import { assistanceSettingsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { assistanceSettings, updateAssistanceSettings } from './settings.service';

/** `/assistance-settings`: quotas per group, visit intervals, village days, must-visit thresholds. */
export const assistanceSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, assistanceSettingsApi.get, { permission: 'assistance.read' }, async (request) =>
    assistanceSettings(requestContextOf(request).db),
  );

  route(app, assistanceSettingsApi.update, { permission: 'assistance.configure' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => updateAssistanceSettings(trx, ctx, request.body));
  });
};
