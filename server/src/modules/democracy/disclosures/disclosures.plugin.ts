import { chinaYear, maskPersonalNumbers } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../../platform/scope';
import { registerDisclosureIndicators, registerDisclosureTodos } from './disclosures.indicators';
import { latestOfVillage } from './disclosures.repository';
import { disclosuresRoutes } from './disclosures.routes';
import { schedulesInScope } from './disclosures.service';

/**
 * Village affairs disclosure (村务公开): its routes under `/disclosures`, the bell's line of what is
 * overdue, the on-time indicator and the village page's archive.
 */
export const disclosuresPlugin: FastifyPluginAsyncZod = async function disclosuresPlugin(app) {
  registerDisclosureTodos(app.ctx.todos);
  registerDisclosureIndicators(app.ctx.indicators);
  app.ctx.villageSections.register({
    key: 'disclosures',
    order: 6,
    load: async (db, village, { clock }) => {
      const now = clock.now();
      const items = await latestOfVillage(db, village.code, 24);
      // A village that has published nothing here yet has no archive to show (nor a backlog to shame).
      if (items.length === 0) return null;
      const year = chinaYear(now);
      const [schedule] = await schedulesInScope(
        db,
        scopeOf({ code: village.code, kind: 'village' }),
        year,
        year,
        now,
      );
      const overdue = (schedule?.items ?? []).filter((i) => i.state === 'overdue').length;
      return {
        items: items.map((d) => ({
          id: d.id,
          category: d.category,
          period: d.period,
          title: maskPersonalNumbers(d.title),
          content: maskPersonalNumbers(d.content),
          publishedAt: d.published_at,
        })),
        overdue,
      };
    },
  });
  await app.register(disclosuresRoutes, { prefix: '/disclosures' });
};
