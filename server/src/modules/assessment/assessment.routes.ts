import { PassThrough } from 'node:stream';
import { assessmentsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit/audit.service';
import { attachmentDisposition } from '../../platform/http';
import { areaContextOf, requestContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { assessment, commentScore, computeAssessment, ownScore, saveConfig } from './assessment.service';
import { writeAssessmentWorkbook, XLSX } from './assessment.xlsx';
import { finalizeAssessment } from './finalize-assessment.command';

/** `/assessments/:year`: the annual assessment of cadres, its configuration, scores and export. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, assessmentsApi.get, { permission: 'assessment.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return assessment(ctx.db, ctx.scope, request.params.year, request.query.cohort);
  });

  // Any signed-in caller may read their own score, whatever their reach.
  route(app, assessmentsApi.getOwn, { permission: 'authenticated' }, async (request) => {
    const ctx = requestContextOf(request);
    return ownScore(ctx.db, ctx.caller.id, request.params.year);
  });

  route(app, assessmentsApi.configure, { permission: 'assessment.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    await withTransaction(ctx, (trx) =>
      saveConfig(trx, { ...ctx, indicators: app.ctx.indicators }, request.params.year, request.body),
    );
    return request.body;
  });

  route(app, assessmentsApi.compute, { permission: 'assessment.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return {
      cadres: await withTransaction(ctx, (trx) =>
        computeAssessment(trx, { ...ctx, indicators: app.ctx.indicators }, request.params.year),
      ),
    };
  });

  route(app, assessmentsApi.comment, { permission: 'assessment.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) =>
      commentScore(trx, ctx, request.params.year, request.params.cadreId, request.body.comment),
    );
  });

  route(app, assessmentsApi.finalize, { permission: 'assessment.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    await withTransaction(ctx, (trx) => finalizeAssessment(ctx, trx, request.params.year));
  });

  route(app, assessmentsApi.export, { permission: 'assessment.read' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const { year } = request.params;
    const data = await assessment(ctx.db, ctx.scope, year);
    await withTransaction(ctx, (trx) =>
      recordAudit(trx, ctx.clock, ctx.actor, {
        action: 'assessment.export',
        objectType: 'assessment',
        objectId: String(year),
        after: { scores: data.scores.length },
      }),
    );
    const out = new PassThrough();
    void writeAssessmentWorkbook(data, app.ctx.indicators, out).catch((err: unknown) => {
      request.log.error({ err }, 'assessment export failed');
      out.destroy(err as Error);
    });
    return reply
      .type(XLSX)
      .header('content-disposition', attachmentDisposition(`年度考核-${year}.xlsx`))
      .send(out);
  });
};
