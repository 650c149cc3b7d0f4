import { nextSerial, type RouteCase } from '../../../test/probes';

/** How to call each route of the calendar (district-wide: no target area; see server/test/probes.ts). */
export const calendarProbes: Record<string, RouteCase> = {
  'GET /api/v1/calendar/years': async () => ({ url: '/api/v1/calendar/years', noTargetArea: true }),
  'GET /api/v1/calendar/years/:year': async () => ({
    url: '/api/v1/calendar/years/2026',
    noTargetArea: true,
  }),
  'PUT /api/v1/calendar/years/:year': async () => {
    // A far year of its own, so the shipped schedules stay as they are for the other tests.
    const year = 2060 + (nextSerial() % 39);
    return {
      url: `/api/v1/calendar/years/${year}`,
      body: { days: [{ date: `${year}-01-01`, kind: 'holiday', name: '元旦' }] },
      noTargetArea: true,
    };
  },
  'GET /api/v1/calendar/working-days': async () => ({
    url: '/api/v1/calendar/working-days?from=2026-09-30&to=2026-10-10',
    noTargetArea: true,
  }),
};
