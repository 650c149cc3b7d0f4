import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceCentresRoutes, serviceItemsRoutes } from './catalogue.routes';
import { publicServiceCentresRoutes, publicServiceItemsRoutes } from './catalogue-public.routes';
import { servicesVillageSection } from './catalogue-public.service';

/**
 * The service catalogue and the centres and stations: the staff's routes under `/service-items`
 * and `/service-centres`, the residents' under `/public/service-items` and
 * `/public/service-centres`, and the village page's section (the stations serving the village).
 */
export const catalogueModule: FastifyPluginAsyncZod = async function catalogueModule(app) {
  app.ctx.villageSections.register({
    key: 'services',
    order: 8,
    load: (db, village, { clock }) => servicesVillageSection(db, village.code, clock),
  });
  await app.register(serviceItemsRoutes, { prefix: '/service-items' });
  await app.register(serviceCentresRoutes, { prefix: '/service-centres' });
  await app.register(publicServiceItemsRoutes, { prefix: '/public/service-items' });
  await app.register(publicServiceCentresRoutes, { prefix: '/public/service-centres' });
};
