import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTransaction } from '../request-context';
import { calendarRoutes } from './calendar.routes';
import { ensureShippedYears, forgetCalendar } from './calendar.service';

// The working-day calendar's face: what domains call to compute working-day and working-hour time
// limits (the arithmetic itself is in common/src/working-days.ts, shared with the web).
export { calendarOf, loadHolidayCalendar, workingCalendar } from './calendar.service';

/**
 * `/calendar`: loads the shipped holiday schedules for the years the database lacks (never over an
 * admin's edit), then serves the calendar's routes.
 */
export const calendarPlugin: FastifyPluginAsyncZod = async function calendarPlugin(app) {
  const { db, clock } = app.ctx;
  await withTransaction({ db }, (trx) => ensureShippedYears(trx, clock.now()));
  forgetCalendar(db);
  await app.register(calendarRoutes);
};
