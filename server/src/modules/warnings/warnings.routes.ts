import { warningSettingsApi, warningsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, requestContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { scanWarnings } from './scan.service';
import { updateWarningSettings, warningSettings } from './settings.service';
import { getWarning, listWarnings, moveWarning, warningsSummary } from './warnings.service';

/** `/warnings`: the warnings of the caller's area, from raised to closed, the area view and the trend. */
export const warningsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, warningsApi.list, { permission: 'warnings.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return listWarnings(ctx.db, ctx.scope, request.query);
  });

  route(app, warningsApi.summary, { permission: 'warnings.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return warningsSummary(ctx.db, ctx, request.query);
  });

  route(app, warningsApi.scan, { permission: 'warnings.configure' }, async (request) => {
    const ctx = areaContextOf(request);
    return scanWarnings(ctx.db, ctx.clock);
  });

  route(app, warningsApi.get, { permission: 'warnings.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getWarning(ctx.db, ctx.scope, request.params.id);
  });

  route(app, warningsApi.acknowledge, { permission: 'warnings.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) =>
      moveWarning(trx, ctx, request.params.id, 'acknowledge', request.body),
    );
  });

  route(app, warningsApi.handle, { permission: 'warnings.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => moveWarning(trx, ctx, request.params.id, 'handle', request.body));
  });

  route(app, warningsApi.close, { permission: 'warnings.handle' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => moveWarning(trx, ctx, request.params.id, 'close', request.body));
  });
};

/** `/warning-settings`: the district's safety and risk words and the scan's thresholds. */
export const warningSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, warningSettingsApi.get, { permission: 'warnings.read' }, async (request) =>
    warningSettings(requestContextOf(request).db),
  );

  route(app, warningSettingsApi.update, { permission: 'warnings.configure' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateWarningSettings(trx, ctx, request.body));
  });
};
