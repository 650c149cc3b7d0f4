import {
  ChangeHeadBody,
  Household,
  HouseholdIdParams,
  HouseholdPatchBody,
  HouseholdsCreateBody,
  HouseholdsListQuery,
  HouseholdsPage,
  IndicatorsInput,
  IndicatorYearParams,
  ResidentIdParams,
  ResidentInput,
  ResidentPatchBody,
  TagCreateBody,
  TagDefinition,
} from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaContextOf } from '../../platform/request-context';
import {
  addMember,
  changeHead,
  createTag,
  putIndicators,
  tagDefinitions,
  updateHousehold,
  updateResident,
} from './household-edits.service';
import { createHousehold, getHousehold, listHouseholdsInScope, revealIdNumber } from './households.service';

export const householdsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/households',
    {
      config: { permission: 'households.read' },
      schema: { tags: ['households'], querystring: HouseholdsListQuery, response: { 200: HouseholdsPage } },
    },
    async (request) => listHouseholdsInScope(db, areaContextOf(request), request.query),
  );

  app.get(
    '/households/:id',
    {
      config: { permission: 'households.read' },
      schema: { tags: ['households'], params: HouseholdIdParams, response: { 200: Household } },
    },
    async (request) => getHousehold(db, areaContextOf(request), request.params.id),
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
        .execute((trx) => createHousehold(trx, areaContextOf(request), request.body));
      return reply.status(201).send(household);
    },
  );

  app.patch(
    '/households/:id',
    {
      config: { permission: 'households.manage' },
      schema: {
        tags: ['households'],
        params: HouseholdIdParams,
        body: HouseholdPatchBody,
        response: { 200: Household },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) => updateHousehold(trx, areaContextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/households/:id/members',
    {
      config: { permission: 'households.manage' },
      schema: {
        tags: ['households'],
        params: HouseholdIdParams,
        body: ResidentInput,
        response: { 201: Household },
      },
    },
    async (request, reply) => {
      const household = await db
        .transaction()
        .execute((trx) => addMember(trx, areaContextOf(request), request.params.id, request.body));
      return reply.status(201).send(household);
    },
  );

  app.post(
    '/households/:id/change-head',
    {
      config: { permission: 'households.manage' },
      schema: {
        tags: ['households'],
        params: HouseholdIdParams,
        body: ChangeHeadBody,
        response: { 200: Household },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) => changeHead(trx, areaContextOf(request), request.params.id, request.body)),
  );

  app.put(
    '/households/:id/indicators/:year',
    {
      config: { permission: 'households.manage' },
      schema: {
        tags: ['households'],
        summary: 'Record a year’s income, debt and hardships (re-tiers the household)',
        params: IndicatorYearParams,
        body: IndicatorsInput,
        response: { 200: Household },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          putIndicators(trx, areaContextOf(request), request.params.id, request.params.year, request.body),
        ),
  );

  app.patch(
    '/residents/:id',
    {
      config: { permission: 'households.manage' },
      schema: {
        tags: ['households'],
        params: ResidentIdParams,
        body: ResidentPatchBody,
        response: { 200: Household },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) => updateResident(trx, areaContextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/tags',
    {
      config: { permission: 'households.read' },
      schema: { tags: ['households'], response: { 200: z.array(TagDefinition) } },
    },
    async () => tagDefinitions(db),
  );

  app.post(
    '/tags',
    {
      config: { permission: 'tiers.rules' },
      schema: { tags: ['households'], body: TagCreateBody, response: { 201: TagDefinition } },
    },
    async (request, reply) => {
      const tag = await db
        .transaction()
        .execute((trx) => createTag(trx, areaContextOf(request), request.body));
      return reply.status(201).send(tag);
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
        .execute((trx) => revealIdNumber(trx, areaContextOf(request), request.params.id)),
    }),
  );
};
