import { calendarApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContextOf, withTransaction } from '../request-context';
import { route } from '../routes';
import { countWorkingDays, forgetCalendar, saveYear, yearOf, yearsOverview } from './calendar.service';

/**
 * `/calendar`: the working-day calendar. Every signed-in account may read it (deadlines are shown
 * to everyone); the district admin edits a year's holidays and make-up days.
 */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, calendarApi.listYears, { permission: 'authenticated' }, async (request) => {
    const ctx = requestContextOf(request);
    return yearsOverview(ctx.db, ctx.clock.now());
  });

  route(app, calendarApi.getYear, { permission: 'authenticated' }, async (request) => {
    const ctx = requestContextOf(request);
    return yearOf(ctx.db, request.params.year);
  });

  route(app, calendarApi.putYear, { permission: 'calendar.manage' }, async (request) => {
    const ctx = requestContextOf(request);
    await withTransaction(ctx, (trx) => saveYear(trx, ctx, request.params.year, request.body));
    forgetCalendar(ctx.db);
    return yearOf(ctx.db, request.params.year);
  });

  route(app, calendarApi.workingDays, { permission: 'authenticated' }, async (request) => {
    const ctx = requestContextOf(request);
    return countWorkingDays(ctx.db, request.query.from, request.query.to);
  });
};
