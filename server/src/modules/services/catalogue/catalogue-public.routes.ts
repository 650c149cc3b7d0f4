import { publicServiceCentresApi, publicServiceItemsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { route } from '../../../platform/routes';
import {
  getPublicCentre,
  getPublicItem,
  listPublicCentres,
  listPublicItems,
} from './catalogue-public.service';

/** `/public/service-items`: the active catalogue and each item's printable guide (no login). */
export const publicServiceItemsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  route(app, publicServiceItemsApi.list, { public: true }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return listPublicItems(db, request.query);
  });
  route(app, publicServiceItemsApi.get, { public: true }, async (request) =>
    getPublicItem(db, request.params.id),
  );
};

/** `/public/service-centres`: hours, address, phone and today's duty (no login). */
export const publicServiceCentresRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.ctx;
  route(app, publicServiceCentresApi.list, { public: true }, async (request) =>
    listPublicCentres(db, clock, request.query),
  );
  route(app, publicServiceCentresApi.get, { public: true }, async (request) =>
    getPublicCentre(db, clock, request.params.id),
  );
};
