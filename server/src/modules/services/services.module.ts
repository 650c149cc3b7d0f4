import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { catalogueModule } from './catalogue/catalogue.plugin';
import { ratingsModule } from './ratings/ratings.plugin';
import { requestsModule } from './requests/requests.plugin';

/**
 * Resident services (便民服务): the service catalogue (`/service-items`), the centres and
 * stations with their hours and duty roster (`/service-centres`), proxy requests (代办,
 * `/proxy-requests`) and 好差评 (ratings and the follow-up of each 差评), with the public pages'
 * routes under `/public/services`.
 */
export const servicesModule: FastifyPluginAsyncZod = async function servicesModule(app) {
  await app.register(catalogueModule);
  await app.register(requestsModule);
  await app.register(ratingsModule);
};
