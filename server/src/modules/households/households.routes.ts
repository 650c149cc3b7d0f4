import { PassThrough } from 'node:stream';
import { householdsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../platform/errors';
import { attachmentDisposition } from '../../platform/http';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { addMember, changeHead, putIndicators, updateHousehold } from './household-edits.service';
import { createHousehold, getHousehold, listHouseholdsInScope } from './households.service';
import { answeringLookups } from './id-number-lookups.service';
import { auditExport, writeExport } from './import/roster-export';
import { XLSX } from './import/roster-workbook';

/** `/households`: the household files, their members and yearly indicators, and the roster export. */
export const householdsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, householdsApi.list, { permission: 'households.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return listHouseholdsInScope(ctx.db, ctx, request.query);
  });

  route(app, householdsApi.get, { permission: 'households.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getHousehold(ctx.db, ctx, request.params.id);
  });

  route(app, householdsApi.create, { permission: 'households.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return answeringLookups(ctx, () =>
      withTransaction(ctx, (trx) => createHousehold(trx, ctx, request.body)),
    );
  });

  route(app, householdsApi.update, { permission: 'households.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateHousehold(trx, ctx, request.params.id, request.body));
  });

  route(app, householdsApi.addMember, { permission: 'households.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return answeringLookups(ctx, () =>
      withTransaction(ctx, (trx) => addMember(trx, ctx, request.params.id, request.body)),
    );
  });

  route(app, householdsApi.changeHead, { permission: 'households.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => changeHead(trx, ctx, request.params.id, request.body));
  });

  route(app, householdsApi.saveIndicators, { permission: 'households.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    const { id, year } = request.params;
    return withTransaction(ctx, (trx) => putIndicators(trx, ctx, id, year, request.body));
  });

  // The workbook is streamed as it is written: a whole town's roster never sits in memory.
  route(app, householdsApi.export, { permission: 'households.export' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const households = await withTransaction(ctx, (trx) => auditExport(trx, ctx, request.query));
    if (households === null) throw notFound();
    const out = new PassThrough();
    void writeExport(ctx.db, ctx, request.query, out).catch((err: unknown) => {
      request.log.error({ err }, 'export failed');
      out.destroy(err as Error);
    });
    const stamp = ctx.clock.now().toISOString().slice(0, 10);
    return reply
      .type(XLSX)
      .header('content-disposition', attachmentDisposition(`户籍名册-${stamp}.xlsx`))
      .header('x-household-count', String(households))
      .send(out);
  });
};
