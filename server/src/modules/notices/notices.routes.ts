import { noticeCommentsApi, noticesApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarOf } from '../../platform/calendar';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { answerComment, objectionToAppeal } from './comments.service';
import {
  closeNotice,
  createNotice,
  getNotice,
  listNotices,
  publishDraft,
  updateDraft,
  withdrawNotice,
} from './notices.service';

/** `/notices`: the notices of the caller's area, from draft to closing, and their comments. */
export const noticesRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, noticesApi.list, { permission: 'notices.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return listNotices(ctx.db, ctx, request.query);
  });

  route(app, noticesApi.create, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createNotice(trx, ctx, request.body, ctx.caller.id));
  });

  route(app, noticesApi.get, { permission: 'notices.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getNotice(ctx.db, ctx.scope, request.params.id);
  });

  route(app, noticesApi.update, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateDraft(trx, ctx, request.params.id, request.body));
  });

  route(app, noticesApi.publish, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    // The cached calendar, read through the application's database before the transaction.
    const calendar = await calendarOf(ctx);
    return withTransaction(ctx, (trx) =>
      publishDraft(trx, { ...ctx, calendar }, request.params.id, request.body.version),
    );
  });

  route(app, noticesApi.close, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => closeNotice(trx, ctx, request.params.id, request.body));
  });

  route(app, noticesApi.withdraw, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => withdrawNotice(trx, ctx, request.params.id, request.body));
  });

  route(app, noticeCommentsApi.answer, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    const { id, commentId } = request.params;
    return withTransaction(ctx, (trx) => answerComment(trx, ctx, id, commentId, request.body.answer));
  });

  route(app, noticeCommentsApi.toAppeal, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    const { id, commentId } = request.params;
    return withTransaction(ctx, (trx) => objectionToAppeal(trx, ctx, id, commentId, request.body));
  });
};
