import { ATTACHMENT_MAX_BYTES, democracyStatsApi, mattersApi, matterWorkApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarOf } from '../../platform/calendar';
import { acceptFileBodies, sendFile, uploadedFile } from '../../platform/files';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import {
  addMatterAttachment,
  addSpending,
  addTask,
  changeTask,
  closeMatter,
  publishResolution,
  publishResult,
  readMatterAttachment,
  resolutionOf,
} from './carrying-out.service';
import {
  createMatter,
  getMatter,
  listMatters,
  skipStep,
  updateMatterDetails,
  withdrawMatter,
} from './matters.service';
import { writeResolutionPdf } from './minutes.pdf';
import { democracyStats } from './stats.service';

/** `/matters`: matters through the four deliberations, the two publicities and the carrying out. */
export const mattersRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptFileBodies(app);

  route(app, mattersApi.list, { permission: 'democracy.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return listMatters(ctx.db, ctx.scope, request.query);
  });

  route(app, mattersApi.create, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createMatter(trx, ctx, request.body));
  });

  route(app, mattersApi.get, { permission: 'democracy.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getMatter(ctx.db, ctx.scope, request.params.id);
  });

  route(app, mattersApi.update, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateMatterDetails(trx, ctx, request.params.id, request.body));
  });

  route(app, mattersApi.skip, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => skipStep(trx, ctx, request.params.id, request.body));
  });

  route(app, mattersApi.withdraw, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => withdrawMatter(trx, ctx, request.params.id, request.body));
  });

  route(app, mattersApi.publishResolution, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    // The cached calendar, read through the application's database before the transaction.
    const calendar = await calendarOf(ctx);
    return withTransaction(ctx, (trx) =>
      publishResolution(trx, { ...ctx, calendar }, request.params.id, request.body),
    );
  });

  route(app, mattersApi.publishResult, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    const calendar = await calendarOf(ctx);
    return withTransaction(ctx, (trx) =>
      publishResult(trx, { ...ctx, calendar }, request.params.id, request.body),
    );
  });

  route(app, mattersApi.resolutionPdf, { permission: 'democracy.read' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const { matter, meetings } = await resolutionOf(ctx.db, ctx.scope, request.params.id);
    const content = await writeResolutionPdf(matter, meetings);
    return sendFile(reply, {
      content_type: 'application/pdf',
      content,
      file_name: `${matter.title}决议.pdf`,
    });
  });

  route(app, mattersApi.close, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => closeMatter(trx, ctx, request.params.id, request.body.version));
  });

  route(app, matterWorkApi.addTask, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => addTask(trx, ctx, request.params.id, request.body));
  });

  route(app, matterWorkApi.updateTask, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    const { id, taskId } = request.params;
    return withTransaction(ctx, (trx) => changeTask(trx, ctx, id, taskId, request.body));
  });

  route(app, matterWorkApi.addSpending, { permission: 'democracy.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => addSpending(trx, ctx, request.params.id, request.body));
  });

  route(
    app,
    matterWorkApi.addAttachment,
    { permission: 'democracy.manage', bodyLimit: ATTACHMENT_MAX_BYTES },
    async (request) => {
      const ctx = areaContextOf(request);
      const { contentType, content } = uploadedFile(request);
      const { fileName, purpose } = request.query;
      return withTransaction(ctx, (trx) =>
        addMatterAttachment(trx, ctx, request.params.id, { fileName, purpose, contentType, content }),
      );
    },
  );

  route(app, matterWorkApi.attachment, { permission: 'democracy.read' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const file = await readMatterAttachment(
      ctx.db,
      ctx.scope,
      request.params.id,
      request.params.attachmentId,
    );
    return sendFile(reply, file);
  });
};

/** `/democracy-stats`: per village or town, matters through the full 4+2, stuck matters, adjourned meetings. */
export const democracyStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, democracyStatsApi.get, { permission: 'democracy.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return democracyStats(ctx.db, ctx.scope, request.query, ctx.clock.now());
  });
};
