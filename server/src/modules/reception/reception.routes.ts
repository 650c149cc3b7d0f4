import { receptionDaysApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, requestContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import {
  createReceptionDay,
  getReceptionDay,
  linkAppealToReceptionDay,
  listPublicReceptionDays,
  listReceptionDaysInReach,
  updateReceptionDayInReach,
} from './reception.service';

/** `/reception-days`: the district and the towns plan their leaders' reception days and report on them. */
export const receptionDaysRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, receptionDaysApi.list, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return { items: await listReceptionDaysInReach(ctx.db, ctx, request.query) };
  });

  route(app, receptionDaysApi.get, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return getReceptionDay(ctx.db, ctx, request.params.id);
  });

  route(app, receptionDaysApi.create, { permission: 'appeals.assign' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createReceptionDay(trx, ctx, request.body));
  });

  route(app, receptionDaysApi.update, { permission: 'appeals.assign' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) =>
      updateReceptionDayInReach(trx, ctx, request.params.id, request.body),
    );
  });

  route(app, receptionDaysApi.linkAppeal, { permission: 'appeals.assign' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) =>
      linkAppealToReceptionDay(trx, ctx, request.params.id, request.body.appealId),
    );
  });
};

/** `/public/reception-days`: what residents see of the reception days (no login). */
export const publicReceptionDaysRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.ctx;
  route(app, receptionDaysApi.publicList, { public: true }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return { items: await listPublicReceptionDays(db, request.query.areaCode, clock.now()) };
  });
};
