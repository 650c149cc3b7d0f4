import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicReceptionDaysRoutes, receptionDaysRoutes } from './reception.routes';
import { comingReceptionDays } from './reception.service';

/**
 * Reception days (大接访 / 大下访): the leaders' reception events planned by the district and the
 * towns under `/reception-days`, the appeals received there and the report; published to the
 * residents under `/public/reception-days`.
 */
export const receptionModule: FastifyPluginAsyncZod = async function receptionModule(app) {
  // The village page: the coming reception days of the village's town and the district.
  app.ctx.villageSections.register({
    key: 'receptionDays',
    order: 15,
    load: async (db, village, { clock }) => {
      const items = await comingReceptionDays(db, village.code, clock.now());
      return items.length === 0 ? null : { items };
    },
  });
  await app.register(receptionDaysRoutes, { prefix: '/reception-days' });
  await app.register(publicReceptionDaysRoutes, { prefix: '/public/reception-days' });
};
