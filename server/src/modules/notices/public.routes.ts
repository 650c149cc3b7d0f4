import { publicNoticesApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors';
import { sendFile } from '../../platform/files';
import { withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { readPublicAttachment } from './attachments.service';
import { postPublicComment } from './comments.service';
import { publicNotice, villageNotices } from './public.service';

/** `/public/notices`: what residents read of the notices, and where they comment or object (no login). */
export const publicNoticesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, secrets } = app.ctx;

  route(app, publicNoticesApi.list, { public: true }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return { items: await villageNotices(db, request.query.villageCode, clock.now()) };
  });

  route(app, publicNoticesApi.get, { public: true }, async (request) =>
    publicNotice(db, request.params.id, clock.now()),
  );

  route(app, publicNoticesApi.comment, { public: true }, async (request) => {
    const { website, ...body } = request.body;
    if (website) throw new AppError('PUBLIC_SUBMISSION_REFUSED');
    return withTransaction(app.ctx, (trx) =>
      postPublicComment(trx, { clock, secrets, ip: request.ip }, request.params.id, body),
    );
  });

  route(app, publicNoticesApi.attachment, { public: true }, async (request, reply) => {
    const file = await readPublicAttachment(db, request.params.id, request.params.attachmentId);
    return sendFile(reply, file, 'public');
  });
};
