import {
  bodiesApi,
  democracyAuthorisationsApi,
  democracyMembersApi,
  democracySettingsApi,
} from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import {
  authorisationsOf,
  createAuthorisation,
  createMember,
  listMembers,
  removeMember,
  updateMemberDetails,
  villageBodies,
} from './members.service';
import { democracySettings, updateDemocracySettings } from './settings.service';

/** `/democracy-bodies/:villageCode`: a village's bodies, members and composition. */
export const bodiesRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, bodiesApi.get, { permission: 'democracy.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return villageBodies(ctx.db, ctx, request.params.villageCode);
  });
};

/** `/democracy-members`: the people in a village's bodies. */
export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, democracyMembersApi.list, { permission: 'democracy.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await listMembers(ctx.db, ctx.scope, request.query.villageCode) };
  });

  route(app, democracyMembersApi.create, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createMember(trx, ctx, request.body));
  });

  route(app, democracyMembersApi.update, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateMemberDetails(trx, ctx, request.params.id, request.body));
  });

  route(app, democracyMembersApi.remove, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    await withTransaction(ctx, (trx) => removeMember(trx, ctx, request.params.id, request.body.version));
  });
};

/** `/democracy-authorisations`: the villagers' meeting authorising the representatives' meeting. */
export const authorisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, democracyAuthorisationsApi.list, { permission: 'democracy.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await authorisationsOf(ctx.db, ctx.scope, request.query.villageCode) };
  });

  route(app, democracyAuthorisationsApi.create, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createAuthorisation(trx, ctx, request.body));
  });
};

/** `/democracy-settings`: the district's rules for the Party bodies and the two committees. */
export const democracySettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, democracySettingsApi.get, { permission: 'democracy.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return democracySettings(ctx.db);
  });

  route(app, democracySettingsApi.update, { permission: 'democracy.configure' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateDemocracySettings(trx, ctx, request.body));
  });
};
