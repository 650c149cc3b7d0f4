import { chinaDate } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerAssistanceTodos } from './assistance.todos';
import { contactPointsRoutes } from './contact-points/contact-points.routes';
import { villageContacts } from './contact-points/village-contacts.repository';
import { coverageRoutes } from './coverage/coverage.routes';
import { helpMeasuresRoutes } from './help-measures/help-measures.routes';
import { cadreRatingsRoutes } from './helper-ratings/cadre-ratings.routes';
import { pairingRatingsRoutes } from './helper-ratings/pairing-ratings.routes';
import { publicHelperRatingsRoutes } from './helper-ratings/public-helper-ratings.routes';
import { pairingsRoutes } from './pairings/pairings.routes';
import { assistanceSettingsRoutes } from './settings/assistance-settings.routes';
import { cadreQuotasRoutes } from './settings/cadre-quotas.routes';
import { visitsRoutes } from './visits/visits.routes';
import { worklistRoutes } from './worklist/worklist.routes';

/**
 * Contact and assistance (联系服务, 结对帮扶): pairings, visits, help measures, contact points,
 * coverage, and the households' public rating of their helper under `/public`. Each resource is
 * its own plugin under its own prefix; a prefix shared by two resources (`/pairings`, `/cadres`)
 * has one plugin for each.
 */
export const assistanceModule: FastifyPluginAsyncZod = async function assistanceModule(app) {
  registerAssistanceTodos(app.ctx.todos);
  // 找得到人 on the village page: the village's cadres and the leaders whose contact point it is.
  app.ctx.villageSections.register({
    key: 'contacts',
    order: 20,
    load: (db, village, { clock }) => villageContacts(db, village.code, chinaDate(clock.now())),
  });
  await app.register(publicHelperRatingsRoutes, { prefix: '/public' });
  await app.register(assistanceSettingsRoutes, { prefix: '/assistance-settings' });
  await app.register(cadreQuotasRoutes, { prefix: '/cadres' });
  await app.register(cadreRatingsRoutes, { prefix: '/cadres' });
  await app.register(pairingsRoutes, { prefix: '/pairings' });
  await app.register(pairingRatingsRoutes, { prefix: '/pairings' });
  await app.register(contactPointsRoutes, { prefix: '/contact-points' });
  await app.register(worklistRoutes, { prefix: '/worklist' });
  await app.register(visitsRoutes, { prefix: '/visits' });
  await app.register(helpMeasuresRoutes, { prefix: '/help-measures' });
  await app.register(coverageRoutes, { prefix: '/coverage' });
};
