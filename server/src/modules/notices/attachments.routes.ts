import { ATTACHMENT_MAX_BYTES, noticeAttachmentsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptFileBodies, sendFile, uploadedFile } from '../../platform/files';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { addNoticeAttachment, readNoticeAttachment } from './attachments.service';

/** `/notices/:id/attachments`: a notice's images and PDFs, each sent and read as the file it is. */
export const noticeAttachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptFileBodies(app);

  route(
    app,
    noticeAttachmentsApi.create,
    { permission: 'notices.manage', bodyLimit: ATTACHMENT_MAX_BYTES },
    async (request) => {
      const ctx = areaContextOf(request);
      const { contentType, content } = uploadedFile(request);
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
    return sendFile(reply, file);
  });
};
