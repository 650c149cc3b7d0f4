import {
  Household,
  HouseholdIdParams,
  HouseholdsCreateBody,
  HouseholdsListQuery,
  HouseholdsPage,
  ResidentIdParams,
} from '@lianxin/common';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, authOf } from '../../platform/context';
import {
  createHousehold,
  getHousehold,
  listHouseholdsInScope,
  type RegistryContext,
  revealIdNumber,
} from './households.service';

export const householdsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, secrets } = app.ctx;
  const registryContext = (request: FastifyRequest): RegistryContext => {
    const auth = authOf(request);
    return { clock, secrets, actor: actorOf(request), caller: auth.caller, scope: auth.scope };
  };

  app.get(
    '/households',
    {
      config: { permission: 'households.read' },
      schema: { tags: ['households'], querystring: HouseholdsListQuery, response: { 200: HouseholdsPage } },
    },
    async (request) => listHouseholdsInScope(db, registryContext(request), request.query),
  );

  app.get(
    '/households/:id',
    {
      config: { permission: 'households.read' },
      schema: { tags: ['households'], params: HouseholdIdParams, response: { 200: Household } },
    },
    async (request) => getHousehold(db, authOf(request), request.params.id),
  );

  app.post(
    '/households',
    {
      config: { permission: 'households.manage' },
      schema: { tags: ['households'], body: HouseholdsCreateBody, response: { 201: Household } },
    },
    async (request, reply) => {
      const household = await db
        .transaction()
        .execute((trx) => createHousehold(trx, registryContext(request), request.body));
      return reply.status(201).send(household);
    },
  );

  app.post(
    '/residents/:id/reveal-id',
    {
      config: { permission: 'idnumber.reveal' },
      schema: {
        tags: ['households'],
        summary: 'Show a resident’s full ID number (audited)',
        params: ResidentIdParams,
        response: { 200: z.object({ idNumber: z.string().nullable() }) },
      },
    },
    async (request) => ({
      idNumber: await db
        .transaction()
        .execute((trx) => revealIdNumber(trx, registryContext(request), request.params.id)),
    }),
  );
};
