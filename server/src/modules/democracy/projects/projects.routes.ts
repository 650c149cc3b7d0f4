import { projectsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarOf } from '../../../platform/calendar';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { publishProjectNotice } from './project-notice.command';
import {
  addAccountability,
  addSpending,
  completeStage,
  createProject,
  getProject,
  listProjects,
} from './projects.service';

/** `/projects`: major investment projects (重大投资项目) of the caller's area. */
export const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, projectsApi.list, { permission: 'notices.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return listProjects(ctx.db, ctx, request.query);
  });

  route(app, projectsApi.create, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createProject(trx, ctx, request.body));
  });

  route(app, projectsApi.get, { permission: 'notices.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getProject(ctx.db, ctx, request.params.id);
  });

  route(app, projectsApi.completeStage, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    const { id, stageId } = request.params;
    return withTransaction(ctx, (trx) => completeStage(trx, ctx, id, stageId, request.body));
  });

  route(app, projectsApi.addSpending, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => addSpending(trx, ctx, request.params.id, request.body));
  });

  route(app, projectsApi.addAccountability, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => addAccountability(trx, ctx, request.params.id, request.body));
  });

  route(app, projectsApi.publishNotice, { permission: 'notices.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    // The cached calendar, read through the application's database before the transaction.
    const calendar = await calendarOf(ctx);
    return withTransaction(ctx, (trx) =>
      publishProjectNotice(trx, { ...ctx, calendar }, request.params.id, request.body.note),
    );
  });
};
