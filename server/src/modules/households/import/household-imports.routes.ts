import { PassThrough } from 'node:stream';
import { householdImportsApi, importLimits, type Locale } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../platform/errors';
import { attachmentDisposition } from '../../../platform/http';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import {
  commitImport,
  getImport,
  heldBackWorkbook,
  recentImports,
  relayoutImport,
  startImport,
} from './imports.service';
import { writeTemplate, XLSX } from './roster-workbook';

const RosterFile = z.instanceof(Buffer);
const zodLocales: Record<Locale, ReturnType<typeof z.locales.en>> = {
  'zh-CN': z.locales.zhCN(),
  en: z.locales.en(),
};
type ZodIssueLike = Parameters<(typeof zodLocales)['en']['localeError']>[0];

/**
 * The raw file the content-type parser kept. A binary body has no schema in the contract, so a
 * body of another kind (JSON, none at all) is refused here, as a body schema refuses it.
 */
function rosterFileOf(body: unknown, locale: Locale): Buffer {
  const parsed = RosterFile.safeParse(body);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => {
    const worded = zodLocales[locale].localeError(issue as ZodIssueLike);
    return {
      path: 'body',
      message: (typeof worded === 'string' ? worded : worded?.message) ?? issue.message,
    };
  });
  throw new AppError('VALIDATION_FAILED', {}, details);
}

/** `/household-imports`: the roster template, the upload and its check, and the commit. */
export const householdImportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { jobs } = app.ctx;

  // The roster arrives as the request body, as it is: no multipart, no base64.
  app.addContentTypeParser(
    ['application/octet-stream', XLSX, 'text/csv'],
    { parseAs: 'buffer', bodyLimit: importLimits.fileBytes },
    (_request, body, done) => done(null, body),
  );

  route(app, householdImportsApi.template, { permission: 'households.manage' }, async (_request, reply) => {
    const out = new PassThrough();
    void writeTemplate(out).catch((err: unknown) => out.destroy(err as Error));
    return reply
      .type(XLSX)
      .header('content-disposition', attachmentDisposition('户籍名册导入模板.xlsx'))
      .send(out);
  });

  route(
    app,
    householdImportsApi.upload,
    { permission: 'households.manage', bodyLimit: importLimits.fileBytes },
    async (request) => {
      // Checked before anything else, where a body schema would be.
      const file = rosterFileOf(request.body, request.locale);
      const ctx = areaContextOf(request);
      const { fileName, villageCode, sheet } = request.query;
      return withTransaction(ctx, (trx) =>
        startImport(trx, ctx, jobs, fileName, file, { villageCode, sheet }),
      );
    },
  );

  route(app, householdImportsApi.list, { permission: 'households.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await recentImports(ctx.db, ctx) };
  });

  route(app, householdImportsApi.get, { permission: 'households.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return getImport(ctx.db, ctx, request.params.id);
  });

  route(app, householdImportsApi.commit, { permission: 'households.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    const validOnly = request.query.validOnly === 'true';
    return withTransaction(ctx, (trx) => commitImport(trx, ctx, jobs, request.params.id, validOnly));
  });

  route(app, householdImportsApi.layout, { permission: 'households.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => relayoutImport(trx, ctx, jobs, request.params.id, request.body));
  });

  route(app, householdImportsApi.heldBack, { permission: 'households.manage' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const { fileName, content } = await heldBackWorkbook(ctx.db, ctx, request.params.id);
    return reply.type(XLSX).header('content-disposition', attachmentDisposition(fileName)).send(content);
  });
};
