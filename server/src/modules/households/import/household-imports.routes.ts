import { PassThrough } from 'node:stream';
import {
  HouseholdImport,
  HouseholdsFilter,
  ImportIdParams,
  ImportUploadQuery,
  importLimits,
} from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../platform/errors';
import { attachmentDisposition } from '../../../platform/http';
import { areaContextOf } from '../../../platform/request-context';
import { commitImport, getImport, recentImports, startImport } from './imports.service';
import { auditExport, writeExport } from './roster-export';
import { writeTemplate } from './roster-workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Roster upload and check, commit, template download, and export. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, jobs, clock } = app.ctx;

  // The roster arrives as the request body, as it is: no multipart, no base64.
  app.addContentTypeParser(
    ['application/octet-stream', XLSX, 'text/csv'],
    { parseAs: 'buffer', bodyLimit: importLimits.fileBytes },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/household-imports/template',
    {
      config: { permission: 'households.manage' },
      schema: { tags: ['imports'], summary: 'The roster template (.xlsx) with an instructions sheet' },
    },
    async (_request, reply) => {
      const out = new PassThrough();
      void writeTemplate(out).catch((err: unknown) => out.destroy(err as Error));
      return reply
        .type(XLSX)
        .header('content-disposition', attachmentDisposition('户籍名册导入模板.xlsx'))
        .send(out);
    },
  );

  app.post(
    '/household-imports',
    {
      config: { permission: 'households.manage' },
      bodyLimit: importLimits.fileBytes,
      schema: {
        tags: ['imports'],
        summary: 'Upload a roster (.xlsx or .csv, the raw file as the body); it is checked, not yet written',
        querystring: ImportUploadQuery,
        body: z.instanceof(Buffer),
        response: { 202: HouseholdImport },
      },
    },
    async (request, reply) => {
      const ctx = { ...areaContextOf(request), jobs, locale: request.locale };
      const started = await db
        .transaction()
        .execute((trx) => startImport(trx, ctx, request.query.fileName, request.body));
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/household-imports',
    {
      config: { permission: 'households.manage' },
      schema: { tags: ['imports'], response: { 200: z.object({ items: z.array(HouseholdImport) }) } },
    },
    async (request) => ({ items: await recentImports(db, areaContextOf(request), request.locale) }),
  );

  app.get(
    '/household-imports/:id',
    {
      config: { permission: 'households.manage' },
      schema: { tags: ['imports'], params: ImportIdParams, response: { 200: HouseholdImport } },
    },
    async (request) => getImport(db, areaContextOf(request), request.params.id, request.locale),
  );

  app.post(
    '/household-imports/:id/commit',
    {
      config: { permission: 'households.manage' },
      schema: {
        tags: ['imports'],
        summary: 'Write a checked roster: all of it or, if anything changed meanwhile, none of it',
        params: ImportIdParams,
        response: { 202: HouseholdImport },
      },
    },
    async (request, reply) => {
      const ctx = { ...areaContextOf(request), jobs, locale: request.locale };
      const committing = await db.transaction().execute((trx) => commitImport(trx, ctx, request.params.id));
      return reply.status(202).send(committing);
    },
  );

  app.get(
    '/households/export',
    {
      config: { permission: 'households.export' },
      schema: {
        tags: ['households'],
        summary: 'The filtered households as an .xlsx roster (audited; ID numbers masked unless permitted)',
        querystring: HouseholdsFilter,
      },
    },
    async (request, reply) => {
      const ctx = areaContextOf(request);
      const households = await db.transaction().execute((trx) => auditExport(trx, ctx, request.query));
      if (households === null) throw notFound();
      const out = new PassThrough();
      void writeExport(db, ctx, request.query, out).catch((err: unknown) => {
        request.log.error({ err }, 'export failed');
        out.destroy(err as Error);
      });
      const stamp = clock.now().toISOString().slice(0, 10);
      return reply
        .type(XLSX)
        .header('content-disposition', attachmentDisposition(`户籍名册-${stamp}.xlsx`))
        .header('x-household-count', String(households))
        .send(out);
    },
  );
};
