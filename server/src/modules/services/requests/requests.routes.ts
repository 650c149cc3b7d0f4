import { PassThrough } from 'node:stream';
import { ATTACHMENT_MAX_BYTES, proxyRequestsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../../../platform/audit/audit.service';
import { calendarOf } from '../../../platform/calendar';
import { AppError } from '../../../platform/errors';
import { acceptFileBodies, sendFile, uploadedFile } from '../../../platform/files';
import { attachmentDisposition } from '../../../platform/http';
import { areaContextOf, requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { codeInScope, seatOf } from '../../../platform/scope';
import { XLSX } from '../../../platform/spreadsheet-writer';
import { addFile, readFile } from './files.service';
import { serviceSettings } from './requests.model';
import { authorisationPdf, receiptPdf } from './requests.pdf';
import { findResidentIn } from './requests.repository';
import { getRequest, listRequestsInReach, recordRequest, requestsBoard } from './requests.service';
import { writeRequestsWorkbook } from './requests.xlsx';
import {
  assignRequest,
  authoriseRequest,
  cancelRequest,
  closeRequest,
  collectMaterials,
  deliverRequest,
  lodgeRequest,
  recordResult,
} from './steps.service';
import { requestToAppeal } from './to-appeal.command';

/**
 * `/proxy-requests` (代办): cadres record requests, the station head (or the town) assigns them, the
 * agent takes each through its steps; the queue, the board, the export, the printable papers.
 */
export const proxyRequestsRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptFileBodies(app);

  route(app, proxyRequestsApi.list, { permission: 'services.read' }, async (request) => {
    const ctx = requestContextOf(request);
    if (request.query.areaCode !== undefined && !codeInScope(request.query.areaCode, seatOf(ctx.scope))) {
      throw new AppError('AREA_UNKNOWN');
    }
    return listRequestsInReach(ctx.db, ctx, request.query);
  });

  route(app, proxyRequestsApi.board, { permission: 'services.read' }, async (request) => {
    const ctx = requestContextOf(request);
    const settings = await serviceSettings(ctx.db);
    const calendar = await calendarOf(ctx);
    return requestsBoard(
      ctx.db,
      ctx,
      calendar,
      settings.warnWorkingDaysBefore,
      request.query.stationId ?? null,
    );
  });

  // The area's workbook, for the town and district offices: an area caller, an area in its reach.
  route(app, proxyRequestsApi.export, { permission: 'services.read' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    if (request.query.areaCode !== undefined && !codeInScope(request.query.areaCode, ctx.scope)) {
      throw new AppError('AREA_UNKNOWN');
    }
    await withTransaction(ctx, (trx) =>
      recordAudit(trx, ctx.clock, ctx.actor, {
        action: 'proxy_request.export',
        objectType: 'proxy_request',
        areaCode: request.query.areaCode ?? ctx.scope.areaCode,
        after: { query: request.query },
      }),
    );
    const out = new PassThrough();
    const who = { scope: ctx.scope, userId: ctx.actor.id ?? '', locale: ctx.locale };
    void writeRequestsWorkbook(ctx.db, who, request.query, ctx.clock.now(), out).catch((err: unknown) => {
      request.log.error({ err }, 'proxy requests export failed');
      out.destroy(err as Error);
    });
    return reply.type(XLSX).header('content-disposition', attachmentDisposition('代办件.xlsx')).send(out);
  });

  route(app, proxyRequestsApi.get, { permission: 'services.read' }, async (request) => {
    const ctx = requestContextOf(request);
    return getRequest(ctx.db, ctx, request.params.id);
  });

  // By a cadre of the area (on a visit, or staffing the station's counter): an area caller.
  route(app, proxyRequestsApi.create, { permission: 'services.proxy' }, async (request) => {
    const ctx = areaContextOf(request);
    const body = request.body;
    const seat = ctx.scope;
    if (!codeInScope(body.areaCode, seat)) throw new AppError('AREA_UNKNOWN');
    const calendar = await calendarOf(ctx);
    return withTransaction(ctx, async (trx) => {
      let name = body.applicantName;
      let phone = body.phone;
      if (body.residentId !== undefined) {
        const resident = await findResidentIn(trx, body.residentId, body.areaCode.slice(0, 12));
        if (resident?.status !== 'active' || !codeInScope(resident.area_code, seat)) {
          throw new AppError('PROXY_RESIDENT_INVALID');
        }
        name ??= resident.name;
        phone ??= resident.phone ?? undefined;
      }
      if (name === undefined || phone === undefined) {
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.phone', message: 'phone' }]);
      }
      const created = await recordRequest(trx, ctx, calendar, {
        itemId: body.itemId,
        channel: body.channel,
        areaCode: body.areaCode,
        residentId: body.residentId ?? null,
        applicantName: name,
        phone,
        description: body.description,
      });
      return getRequest(trx, ctx, created.id);
    });
  });

  route(app, proxyRequestsApi.assign, { permission: 'services.supervise' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => assignRequest(trx, ctx, request.params.id, request.body));
  });

  const steps = [
    [proxyRequestsApi.authorise, authoriseRequest],
    [proxyRequestsApi.collect, collectMaterials],
    [proxyRequestsApi.lodge, lodgeRequest],
    [proxyRequestsApi.result, recordResult],
    [proxyRequestsApi.deliver, deliverRequest],
    [proxyRequestsApi.close, closeRequest],
    [proxyRequestsApi.cancel, cancelRequest],
  ] as const;
  for (const [contract, step] of steps) {
    route(app, contract, { permission: 'services.proxy' }, async (request) => {
      const ctx = requestContextOf(request);
      // biome-ignore lint/suspicious/noExplicitAny: each pair is a contract and the step taking its body.
      return withTransaction(ctx, (trx) => step(trx, ctx, request.params.id, request.body as any));
    });
  }

  route(app, proxyRequestsApi.appeal, { permission: 'services.proxy' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => requestToAppeal(trx, ctx, request.params.id, request.body));
  });

  route(app, proxyRequestsApi.authorisationPdf, { permission: 'services.proxy' }, async (request, reply) => {
    const ctx = requestContextOf(request);
    const proxy = await getRequest(ctx.db, ctx, request.params.id);
    return sendFile(reply, {
      content_type: 'application/pdf',
      content: await authorisationPdf(proxy),
      file_name: `代办委托书-${proxy.trackingCode}.pdf`,
    });
  });

  route(app, proxyRequestsApi.receiptPdf, { permission: 'services.proxy' }, async (request, reply) => {
    const ctx = requestContextOf(request);
    const proxy = await getRequest(ctx.db, ctx, request.params.id);
    return sendFile(reply, {
      content_type: 'application/pdf',
      content: await receiptPdf(proxy),
      file_name: `代办回执-${proxy.trackingCode}.pdf`,
    });
  });

  route(
    app,
    proxyRequestsApi.uploadFile,
    { permission: 'services.proxy', bodyLimit: ATTACHMENT_MAX_BYTES },
    async (request) => {
      const ctx = requestContextOf(request);
      const file = uploadedFile(request);
      return withTransaction(ctx, (trx) => addFile(trx, ctx, request.params.id, request.query, file));
    },
  );

  route(app, proxyRequestsApi.getFile, { permission: 'services.proxy' }, async (request, reply) => {
    const ctx = requestContextOf(request);
    const file = await withTransaction(ctx, (trx) =>
      readFile(trx, ctx, request.params.id, request.params.fileId),
    );
    return sendFile(reply, file);
  });
};
