import { areaImportsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../platform/errors';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { importAreas } from './area-imports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// An area list is a few thousand rows: 5 MB is generous.
const FILE_BYTES = 5 * 1024 * 1024;

/** `/area-imports`: an area list checked against the tree, and written when asked and clean. */
export const areaImportsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The file arrives as the request body, as it is: no multipart, no base64.
  app.addContentTypeParser(
    ['application/octet-stream', XLSX, 'text/csv'],
    { parseAs: 'buffer', bodyLimit: FILE_BYTES },
    (_request, body, done) => done(null, body),
  );

  route(
    app,
    areaImportsApi.upload,
    { permission: 'areas.manage', bodyLimit: FILE_BYTES },
    async (request) => {
      const file = request.body;
      if (!Buffer.isBuffer(file) || file.length === 0) {
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body', message: 'file required' }]);
      }
      const ctx = areaContextOf(request);
      const { dryRun, fileName } = request.query;
      return withTransaction(ctx, (trx) =>
        importAreas(trx, ctx.clock, ctx.actor, ctx.scope, file, {
          dryRun,
          fileName: fileName ?? null,
          locale: request.locale,
        }),
      );
    },
  );
};
