import { PassThrough, type Writable } from 'node:stream';
import {
  Assessment,
  AssessmentConfig,
  AssessmentQuery,
  AssessmentScore,
  type CadreIndicator,
  cadreIndicatorDefinitions,
  cohorts,
  Dashboard,
  DashboardQuery,
  ScoreCommentBody,
  Work,
  YearParams,
} from '@lianxin/common';
import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.service';
import { actorOf, authOf } from '../../platform/context';
import { attachmentDisposition } from '../../platform/http';
import { areaContextOf } from '../../platform/request-context';
import {
  assessment,
  commentScore,
  computeAssessment,
  finalizeAssessment,
  ownScore,
  saveConfig,
} from './assessment.service';
import { DashboardCache, dashboard } from './dashboard.service';
import { work } from './work.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const cohortNames = {
  village_cadres: '村干部',
  town_staff: '镇干部',
  town_heads: '镇主要负责人',
  leaders: '联系点领导',
};

/** The year's scores as a workbook: one sheet per cohort, in rank order, with every indicator. */
async function writeAssessmentWorkbook(data: Assessment, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  for (const cohort of cohorts) {
    const indicators = Object.keys(data.config[cohort].weights) as CadreIndicator[];
    const sheet = workbook.addWorksheet(cohortNames[cohort]);
    sheet.columns = [
      { header: '排名', width: 8 },
      { header: '姓名', width: 12 },
      { header: '单位', width: 16 },
      { header: '得分', width: 10 },
      ...indicators.map((i) => ({
        header: `${cadreIndicatorDefinitions[i]['zh-CN'][0]}（${data.config[cohort].weights[i]}%）`,
        width: 18,
      })),
      { header: '点评', width: 30 },
    ];
    for (const s of data.scores.filter((x) => x.cohort === cohort)) {
      const value = (i: string) => s.breakdown.find((b) => b.indicator === i)?.value;
      sheet
        .addRow([
          s.rank ?? '—',
          s.cadreName,
          s.areaName,
          s.score ?? '暂无数据',
          ...indicators.map((i) => {
            const v = value(i);
            return v === null || v === undefined ? '暂无数据' : `${(v * 100).toFixed(1)}%`;
          }),
          s.comment ?? '',
        ])
        .commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, writes } = app.ctx;
  const cache = new DashboardCache(writes);

  app.get(
    '/dashboard',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags: ['assessment'],
        summary:
          'The figures of the caller’s area (or one inside it) for a period, with a row per child area',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (request) => dashboard(db, { scope: areaContextOf(request).scope, clock }, request.query, cache),
  );

  app.get(
    '/dashboard/work',
    {
      config: { permission: 'dashboard.read' },
      schema: {
        tags: ['assessment'],
        summary:
          'The work of the area’s cadres in a period, one row per cadre, and households visited as often as their tier asks',
        querystring: DashboardQuery,
        response: { 200: Work },
      },
    },
    async (request) => work(db, { scope: areaContextOf(request).scope }, request.query),
  );

  app.get(
    '/assessments/:year',
    {
      config: { permission: 'assessment.read' },
      schema: {
        tags: ['assessment'],
        summary:
          'A year’s configuration, state and the scores of cadres in the caller’s area, ranked per cohort',
        params: YearParams,
        querystring: AssessmentQuery,
        response: { 200: Assessment },
      },
    },
    async (request) =>
      assessment(db, areaContextOf(request).scope, request.params.year, request.query.cohort),
  );

  app.get(
    '/assessments/:year/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['assessment'], params: YearParams, response: { 200: AssessmentScore } },
    },
    async (request) => ownScore(db, authOf(request).caller.id, request.params.year),
  );

  app.put(
    '/assessments/:year/config',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags: ['assessment'],
        params: YearParams,
        body: AssessmentConfig,
        response: { 200: AssessmentConfig },
      },
    },
    async (request) => {
      await db
        .transaction()
        .execute((trx) => saveConfig(trx, clock, actorOf(request), request.params.year, request.body));
      return request.body;
    },
  );

  app.post(
    '/assessments/:year/compute',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags: ['assessment'],
        summary: 'Compute every cadre’s score for the year (a finalized year cannot be computed again)',
        params: YearParams,
        response: { 200: z.object({ cadres: z.number() }) },
      },
    },
    async (request) => ({
      cadres: await db
        .transaction()
        .execute((trx) => computeAssessment(trx, clock, actorOf(request), request.params.year)),
    }),
  );

  app.patch(
    '/assessments/:year/scores/:cadreId',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags: ['assessment'],
        params: YearParams.extend({ cadreId: z.uuid() }),
        body: ScoreCommentBody,
        response: { 200: AssessmentScore },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          commentScore(
            trx,
            { clock, actor: actorOf(request), scope: areaContextOf(request).scope },
            request.params.year,
            request.params.cadreId,
            request.body.comment,
          ),
        ),
  );

  app.post(
    '/assessments/:year/finalize',
    {
      config: { permission: 'assessment.manage' },
      schema: { tags: ['assessment'], params: YearParams },
    },
    async (request, reply) => {
      await db
        .transaction()
        .execute((trx) => finalizeAssessment(trx, clock, actorOf(request), request.params.year));
      return reply.status(204).send();
    },
  );

  app.get(
    '/assessments/:year/export',
    {
      config: { permission: 'assessment.read' },
      schema: {
        tags: ['assessment'],
        summary: 'The year’s scores as an .xlsx (audited)',
        params: YearParams,
      },
    },
    async (request, reply) => {
      const data = await assessment(db, areaContextOf(request).scope, request.params.year);
      await db.transaction().execute((trx) =>
        recordAudit(trx, clock, actorOf(request), {
          action: 'assessment.export',
          objectType: 'assessment',
          objectId: String(request.params.year),
          after: { scores: data.scores.length },
        }),
      );
      const out = new PassThrough();
      void writeAssessmentWorkbook(data, out).catch((err: unknown) => {
        request.log.error({ err }, 'assessment export failed');
        out.destroy(err as Error);
      });
      return reply
        .type(XLSX)
        .header('content-disposition', attachmentDisposition(`年度考核-${request.params.year}.xlsx`))
        .send(out);
    },
  );
};
