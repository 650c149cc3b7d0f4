import { ATTACHMENT_MAX_BYTES, appealAttachmentsApi, attachmentTypes } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../platform/errors';
import { attachmentDisposition } from '../../../platform/http';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { addAttachment, readAttachment } from './attachments.service';

/** `/appeals/:id/attachments`: photos and documents of an appeal. */
export const appealAttachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Photos and documents arrive as the request body, as they are: no multipart, no base64.
  app.addContentTypeParser(
    [...attachmentTypes],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  route(
    app,
    appealAttachmentsApi.create,
    { permission: 'appeals.handle', bodyLimit: ATTACHMENT_MAX_BYTES },
    async (request) => {
      const ctx = areaContextOf(request);
      const type = request.headers['content-type']?.split(';')[0]?.trim();
      const contentType = attachmentTypes.find((t) => t === type);
      const content: unknown = request.body;
      // Only the parser above gives a file; a JSON body is not one.
      if (!contentType || !Buffer.isBuffer(content)) throw new AppError('VALIDATION_FAILED');
      return withTransaction(ctx, (trx) =>
        addAttachment(trx, ctx, request.params.id, {
          fileName: request.query.fileName,
          contentType,
          content,
        }),
      );
    },
  );

  route(app, appealAttachmentsApi.get, { permission: 'appeals.read' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const file = await readAttachment(ctx.db, ctx, request.params.id, request.params.attachmentId);
    return reply
      .type(file.content_type)
      .header('content-disposition', attachmentDisposition(file.file_name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });
};
