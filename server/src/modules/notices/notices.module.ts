import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noticeAttachmentsRoutes } from './attachments.routes';
import { noticesRoutes } from './notices.routes';
import { publicNoticesRoutes } from './public.routes';

/**
 * Public notices (公示): the staff's routes under `/notices` (drafts, publishing, answers,
 * objections turned into appeals, closing) and the residents' under `/public/notices`.
 */
export const noticesModule: FastifyPluginAsyncZod = async function noticesModule(app) {
  await app.register(noticesRoutes, { prefix: '/notices' });
  await app.register(noticeAttachmentsRoutes, { prefix: '/notices' });
  await app.register(publicNoticesRoutes, { prefix: '/public/notices' });
};
