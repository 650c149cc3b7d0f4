import { disclosuresApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import {
  disclosureSettings,
  getDisclosure,
  lateDisclosures,
  listDisclosures,
  publishDisclosure,
  updateDisclosureSettings,
  updateVillageSchedule,
  villageSchedule,
} from './disclosures.service';

/** `/disclosures`: village affairs disclosure (村务公开) of the caller's area. */
export const disclosuresRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, disclosuresApi.list, { permission: 'notices.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return listDisclosures(ctx.db, ctx.scope, request.query);
  });

  route(app, disclosuresApi.publish, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => publishDisclosure(trx, ctx, request.body));
  });

  route(app, disclosuresApi.schedule, { permission: 'notices.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return villageSchedule(ctx.db, ctx, request.query.villageCode, request.query.year);
  });

  route(app, disclosuresApi.updateSchedule, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) =>
      updateVillageSchedule(trx, ctx, request.params.villageCode, request.body),
    );
  });

  route(app, disclosuresApi.late, { permission: 'notices.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await lateDisclosures(ctx.db, ctx.scope, ctx.clock.now()) };
  });

  route(app, disclosuresApi.settings, { permission: 'notices.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return disclosureSettings(ctx.db);
  });

  route(app, disclosuresApi.updateSettings, { permission: 'disclosures.configure' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateDisclosureSettings(trx, ctx, request.body));
  });

  route(app, disclosuresApi.get, { permission: 'notices.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getDisclosure(ctx.db, ctx.scope, request.params.id);
  });
};
