import { PassThrough } from 'node:stream';
import { CoverageQuery, MustGoCoverage, MustVisitCoverage } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit/audit.service';
import { actorOf } from '../../platform/context';
import { attachmentDisposition } from '../../platform/http';
import { areaContextOf } from '../../platform/request-context';
import {
  coverageArea,
  mustGoCoverage,
  mustVisitCoverage,
  mustVisitFacts,
  summarizeMustVisit,
  writeMustVisitWorkbook,
} from './coverage';
import { assistanceSettings } from './pairings.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The must-visit (五必访) and must-go (五必去) coverage reports and the must-visit workbook. */
export const coverageRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.ctx;

  app.get(
    '/coverage/must-visit',
    {
      config: { permission: 'assistance.read' },
      schema: {
        tags: ['assistance'],
        summary: 'Must-visit households (五必访) in the area and how many were visited in the period',
        querystring: CoverageQuery,
        response: { 200: MustVisitCoverage },
      },
    },
    async (request) => mustVisitCoverage(db, areaContextOf(request).scope, request.query),
  );

  app.get(
    '/coverage/must-go',
    {
      config: { permission: 'assistance.read' },
      schema: {
        tags: ['assistance'],
        summary: 'Must-go villages (五必去) in the area and their village visits in the period',
        querystring: CoverageQuery,
        response: { 200: MustGoCoverage },
      },
    },
    async (request) => mustGoCoverage(db, areaContextOf(request).scope, request.query),
  );

  app.get(
    '/coverage/must-visit/export',
    {
      config: { permission: 'assistance.read' },
      schema: {
        tags: ['assistance'],
        summary:
          'The must-visit report as an .xlsx: figures by area and group, every household not visited (audited)',
        querystring: CoverageQuery,
      },
    },
    async (request, reply) => {
      const period = request.query;
      const area = await coverageArea(db, areaContextOf(request).scope, period.areaCode);
      const settings = await assistanceSettings(db);
      const facts = await mustVisitFacts(db, area.scope, period, settings);
      const summary = await summarizeMustVisit(db, area, facts);
      await db.transaction().execute((trx) =>
        recordAudit(trx, clock, actorOf(request), {
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
    },
  );
};
