import { whistlesApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarOf } from '../../../platform/calendar';
import { areaContextOf, requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { saveWhistleSettings, whistleSettings } from './whistle-settings.service';
import {
  closeWhistle,
  getWhistle,
  listWhistlesInReach,
  raiseWhistle,
  reportOnWhistle,
} from './whistles.service';

/**
 * `/whistles` (吹哨报到): the town (or the district) blows the whistle and closes it; the named
 * departments read the whistles naming them and report.
 */
export const whistlesRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, whistlesApi.list, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return { items: await listWhistlesInReach(ctx.db, ctx, request.query) };
  });

  route(app, whistlesApi.get, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return getWhistle(ctx.db, ctx, request.params.id);
  });

  route(app, whistlesApi.create, { permission: 'appeals.dispatch' }, async (request) => {
    const ctx = areaContextOf(request);
    const calendar = await calendarOf(ctx);
    return withTransaction(ctx, (trx) => raiseWhistle(trx, ctx, calendar, request.body));
  });

  route(app, whistlesApi.report, { permission: 'dispatch.work' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => reportOnWhistle(trx, ctx, request.params.id, request.body.action));
  });

  route(app, whistlesApi.close, { permission: 'appeals.dispatch' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => closeWhistle(trx, ctx, request.params.id, request.body));
  });
};

/** `/whistle-settings`: how long a department has to report; the district sets it. */
export const whistleSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, whistlesApi.getSettings, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return whistleSettings(ctx.db);
  });

  route(app, whistlesApi.putSettings, { permission: 'appeals.configure' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => saveWhistleSettings(trx, ctx, request.body));
  });
};
