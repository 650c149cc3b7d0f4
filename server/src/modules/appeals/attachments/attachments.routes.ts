import { ATTACHMENT_MAX_BYTES, appealAttachmentsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptFileBodies, sendFile, uploadedFile } from '../../../platform/files';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { addAttachment, readAttachment } from './attachments.service';

/** `/appeals/:id/attachments`: photos and documents of an appeal. */
export const appealAttachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  acceptFileBodies(app);

  route(
    app,
    appealAttachmentsApi.create,
    { permission: 'appeals.handle', bodyLimit: ATTACHMENT_MAX_BYTES },
    async (request) => {
      const ctx = areaContextOf(request);
      const { contentType, content } = uploadedFile(request);
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
    return sendFile(reply, file);
  });
};
