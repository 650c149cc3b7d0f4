import { Area, AreaCodeParams, AreasCreateBody, AreasListQuery, AreasUpdateBody } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, authOf } from '../../platform/context';
import { createArea, getArea, listAreasInScope, updateAreaInScope } from './areas.service';

export const areasRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.ctx;

  app.get(
    '/',
    {
      config: { permission: 'areas.read' },
      schema: {
        tags: ['areas'],
        summary: 'Areas in the caller’s subtree',
        querystring: AreasListQuery,
        response: { 200: z.object({ items: z.array(Area) }) },
      },
    },
    async (request) => ({ items: await listAreasInScope(db, authOf(request).scope, request.query) }),
  );

  app.get(
    '/:code',
    {
      config: { permission: 'areas.read' },
      schema: { tags: ['areas'], params: AreaCodeParams, response: { 200: Area } },
    },
    async (request) => getArea(db, authOf(request).scope, request.params.code),
  );

  app.post(
    '/',
    {
      config: { permission: 'areas.manage' },
      schema: { tags: ['areas'], body: AreasCreateBody, response: { 201: Area } },
    },
    async (request, reply) => {
      const area = await db
        .transaction()
        .execute((trx) => createArea(trx, clock, actorOf(request), authOf(request).scope, request.body));
      return reply.status(201).send(area);
    },
  );

  app.patch(
    '/:code',
    {
      config: { permission: 'areas.manage' },
      schema: { tags: ['areas'], params: AreaCodeParams, body: AreasUpdateBody, response: { 200: Area } },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          updateAreaInScope(
            trx,
            clock,
            actorOf(request),
            authOf(request).scope,
            request.params.code,
            request.body,
          ),
        ),
  );
};
