import { ATTACHMENT_MAX_BYTES, visitPhotosApi, visitsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../platform/errors';
import { sendFile } from '../../../platform/files';
import type { AttachmentContentType } from '../../../platform/images';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { recordVisit } from './record-visit.command';
import { addVisitPhoto, getVisit, listVisits, readVisitPhoto } from './visits.service';

/** `/visits`: visits to households and villages (走访), and their photos. */
export const visitsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, visitsApi.list, { permission: 'assistance.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await listVisits(ctx.db, ctx, request.query) };
  });

  route(app, visitsApi.create, { permission: 'assistance.visit' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const { visit, created } = await withTransaction(ctx, (trx) => recordVisit(ctx, trx, request.body));
    // The same client UUID again: the visit stored the first time, as a plain success.
    if (!created) reply.code(200);
    return visit;
  });

  route(app, visitsApi.get, { permission: 'assistance.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getVisit(ctx.db, ctx, request.params.id);
  });

  // A photo comes as the raw file; any other type is refused (415) before the route.
  app.addContentTypeParser(
    ['image/jpeg', 'image/png'],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  route(
    app,
    visitPhotosApi.upload,
    { permission: 'assistance.visit', bodyLimit: ATTACHMENT_MAX_BYTES },
    async (request) => {
      const ctx = areaContextOf(request);
      const photo: unknown = request.body;
      // A JSON body is parsed as JSON, not kept as a file.
      if (!Buffer.isBuffer(photo)) throw new AppError('VALIDATION_FAILED');
      const contentType = request.headers['content-type']?.split(';')[0]?.trim() as AttachmentContentType;
      return withTransaction(ctx, (trx) => addVisitPhoto(trx, ctx, request.params.id, contentType, photo));
    },
  );

  route(app, visitPhotosApi.download, { permission: 'assistance.read' }, async (request, reply) => {
    const ctx = areaContextOf(request);
    const photo = await readVisitPhoto(ctx.db, ctx, request.params.id, request.params.photoId);
    return sendFile(reply, photo);
  });
};
