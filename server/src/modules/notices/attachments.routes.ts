import { ATTACHMENT_MAX_BYTES, attachmentTypes, noticeAttachmentsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors';
import { attachmentDisposition } from '../../platform/http';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { addNoticeAttachment, readNoticeAttachment } from './attachments.service';

/** `/notices/:id/attachments`: a notice's images and PDFs, each sent and read as the file it is. */
export const noticeAttachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The file is the request body, as it is: no multipart, no base64.
  app.addContentTypeParser(
    [...attachmentTypes],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  route(
    app,
    noticeAttachmentsApi.create,
    { permission: 'notices.manage', bodyLimit: ATTACHMENT_MAX_BYTES },
    async (request) => {
      const ctx = areaContextOf(request);
      const type = request.headers['content-type']?.split(';')[0]?.trim();
      const contentType = attachmentTypes.find((t) => t === type);
      const content: unknown = request.body;
      if (!contentType || !Buffer.isBuffer(content)) throw new AppError('VALIDATION_FAILED');
      return withTransaction(ctx, (trx) =>
        addNoticeAttachment(trx, ctx, request.params.id, {
          fileName: request.query.fileName,
          contentType,
          content,
        }),
      );
    },
  );

  route(app, noticeAttachmentsApi.get, { permission: 'notices.read' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const file = await readNoticeAttachment(
      ctx.db,
      ctx.scope,
      request.params.id,
      request.params.attachmentId,
    );
    return reply
      .type(file.content_type)
      .header('content-disposition', attachmentDisposition(file.file_name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });
};
