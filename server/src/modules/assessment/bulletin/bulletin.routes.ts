import { PassThrough } from 'node:stream';
import { bulletinsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../../platform/audit/audit.service';
import { attachmentDisposition } from '../../../platform/http';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { XLSX } from '../assessment.xlsx';
import { DashboardCache } from '../dashboard/dashboard.service';
import { bulletinLabels } from './bulletin.labels';
import { writeBulletinPdf } from './bulletin.pdf';
import { bulletin } from './bulletin.service';
import { writeBulletinWorkbook } from './bulletin.xlsx';

/** `/bulletins/:month`: the monthly bulletin (月度通报) of an area as an .xlsx or a PDF. */
export const bulletinRoutes: FastifyPluginAsyncZod = async (app) => {
  const cache = new DashboardCache(app.ctx.writes);

  route(app, bulletinsApi.get, { permission: 'assessment.read' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const { month } = request.params;
    const { areaCode, format } = request.query;
    const { locale } = ctx;
    const data = await bulletin(
      ctx.db,
      ctx,
      { month, areaCode },
      cache,
      app.ctx.indicators,
      app.ctx.bulletinSections,
    );
    await withTransaction(ctx, (trx) =>
      recordAudit(trx, ctx.clock, ctx.actor, {
        action: 'bulletin.export',
        objectType: 'bulletin',
        objectId: month,
        areaCode: data.area.code,
        after: { format, overdue: data.overdue.length, missing: data.missing.length },
      }),
    );
    const name = bulletinLabels(locale).fileName(data.area.name, month);
    if (format === 'pdf') {
      const pdf = await writeBulletinPdf(data, locale);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentDisposition(`${name}.pdf`))
        .send(pdf);
    }
    const out = new PassThrough();
    void writeBulletinWorkbook(data, locale, out).catch((err: unknown) => {
      request.log.error({ err }, 'bulletin export failed');
      out.destroy(err as Error);
    });
    return reply
      .type(XLSX)
      .header('content-disposition', attachmentDisposition(`${name}.xlsx`))
      .send(out);
  });
};
