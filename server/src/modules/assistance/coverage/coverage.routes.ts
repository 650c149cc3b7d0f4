import { PassThrough } from 'node:stream';
import { mustGoCoverageApi, mustVisitCoverageApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../../platform/audit/audit.service';
import { attachmentDisposition } from '../../../platform/http';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { assistanceSettings } from '../settings/settings.service';
import { coverageArea, mustVisitCoverage, mustVisitFacts, summarizeMustVisit } from './coverage.service';
import { mustGoCoverage } from './must-go.service';
import { writeMustVisitWorkbook } from './must-visit-workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `/coverage`: the must-visit (五必访) and must-go (五必去) coverage reports and the must-visit workbook. */
export const coverageRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, mustVisitCoverageApi.get, { permission: 'assistance.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return mustVisitCoverage(ctx.db, ctx.scope, request.query);
  });

  route(app, mustGoCoverageApi.get, { permission: 'assistance.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return mustGoCoverage(ctx.db, ctx.scope, request.query);
  });

  route(app, mustVisitCoverageApi.export, { permission: 'assistance.read' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const { db } = ctx;
    const period = request.query;
    const area = await coverageArea(db, ctx.scope, period.areaCode);
    const settings = await assistanceSettings(db);
    const facts = await mustVisitFacts(db, area.scope, period, settings);
    const summary = await summarizeMustVisit(db, area, facts);
    await withTransaction(ctx, (trx) =>
      recordAudit(trx, ctx.clock, ctx.actor, {
        action: 'coverage.export',
        objectType: 'must_visit',
        areaCode: area.scope.areaCode,
        after: { query: period, total: summary.total, missing: summary.total - summary.visited },
      }),
    );
    const out = new PassThrough();
    void writeMustVisitWorkbook(db, { area, period, summary }, facts, out).catch((err: unknown) => {
      request.log.error({ err }, 'must-visit export failed');
      out.destroy(err as Error);
    });
    return reply
      .type(XLSX)
      .header(
        'content-disposition',
        attachmentDisposition(`五必访走访情况-${area.name}-${period.from}至${period.to}.xlsx`),
      )
      .send(out);
  });
};
