import { PassThrough } from 'node:stream';
import { BulletinParams, BulletinQuery } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit/audit.service';
import { actorOf } from '../../platform/context';
import { attachmentDisposition } from '../../platform/http';
import { areaContextOf } from '../../platform/request-context';
import { bulletinLabels } from './bulletin.labels';
import { writeBulletinPdf } from './bulletin.pdf';
import { bulletin } from './bulletin.service';
import { writeBulletinWorkbook } from './bulletin.xlsx';
import { DashboardCache } from './dashboard.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The monthly bulletin (月度通报) of an area as an .xlsx or a PDF. */
export const bulletinRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, writes } = app.ctx;
  const cache = new DashboardCache(writes);

  app.get(
    '/bulletins/:month',
    {
      config: { permission: 'assessment.read' },
      schema: {
        tags: ['assessment'],
        summary:
          'The monthly bulletin of the caller’s area (or one inside it): headline figures, child areas ranked, overdue appeals, must-visit households not visited; .xlsx or PDF (audited)',
        params: BulletinParams,
        querystring: BulletinQuery,
      },
    },
    async (request, reply) => {
      const { month } = request.params;
      const { areaCode, format } = request.query;
      const locale = request.locale;
      const data = await bulletin(
        db,
        { scope: areaContextOf(request).scope, clock, locale },
        { month, areaCode },
        cache,
      );
      await db.transaction().execute((trx) =>
        recordAudit(trx, clock, actorOf(request), {
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
    },
  );
};
