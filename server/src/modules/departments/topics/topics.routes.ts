import { monthlyTopicsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { topicProposals } from './topic-figures';
import {
  addMeasure,
  createTopic,
  getTopic,
  listTopicsInReach,
  reportMeasure,
  updateMeasureOf,
  updateTopicOf,
} from './topics.service';

/**
 * `/monthly-topics` (每月一题): the district reads the proposals and picks, edits and closes the
 * month's topics and their measures; an area caller reads the topics of its area, a department
 * those it leads and reports their measures done.
 */
export const topicsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, monthlyTopicsApi.list, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return { items: await listTopicsInReach(ctx.db, ctx, request.query) };
  });

  route(app, monthlyTopicsApi.proposals, { permission: 'topics.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return topicProposals(ctx.db, ctx, request.query);
  });

  route(app, monthlyTopicsApi.get, { permission: 'appeals.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return getTopic(ctx.db, ctx, request.params.id);
  });

  route(app, monthlyTopicsApi.create, { permission: 'topics.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createTopic(trx, ctx, request.body));
  });

  route(app, monthlyTopicsApi.update, { permission: 'topics.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateTopicOf(trx, ctx, request.params.id, request.body));
  });

  route(app, monthlyTopicsApi.addMeasure, { permission: 'topics.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => addMeasure(trx, ctx, request.params.id, request.body));
  });

  route(app, monthlyTopicsApi.updateMeasure, { permission: 'topics.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    const { id, measureId } = request.params;
    return withTransaction(ctx, (trx) => updateMeasureOf(trx, ctx, id, measureId, request.body));
  });

  route(app, monthlyTopicsApi.reportMeasure, { permission: 'dispatch.work' }, async (request) => {
    const ctx = requestContextOf(request);
    const { id, measureId } = request.params;
    return withTransaction(ctx, (trx) => reportMeasure(trx, ctx, id, measureId, request.body.done));
  });
};
