import { ratingFollowUpsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import {
  answerFollowUp,
  decideReview,
  followUp,
  followUpsInReach,
  recordCallback,
  requestReview,
} from './follow-ups.service';

/** `/rating-follow-ups`: each 差评's call back, answer and review, in the caller's reach. */
export const followUpsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, ratingFollowUpsApi.list, { permission: 'services.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return followUpsInReach(ctx.db, ctx, request.query);
  });
  route(app, ratingFollowUpsApi.get, { permission: 'services.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return followUp(ctx.db, ctx, request.params.id);
  });
  route(app, ratingFollowUpsApi.callback, { permission: 'services.follow_up' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => recordCallback(trx, ctx, request.params.id, request.body));
  });
  route(app, ratingFollowUpsApi.answer, { permission: 'services.follow_up' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => answerFollowUp(trx, ctx, request.params.id, request.body));
  });
  route(app, ratingFollowUpsApi.requestReview, { permission: 'services.follow_up' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => requestReview(trx, ctx, request.params.id, request.body));
  });
  route(app, ratingFollowUpsApi.decideReview, { permission: 'services.supervise' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => decideReview(trx, ctx, request.params.id, request.body));
  });
};
