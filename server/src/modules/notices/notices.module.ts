import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noticeAttachmentsRoutes } from './attachments.routes';
import { registerNoticeIndicators } from './notices.indicators';
import { noticesRoutes } from './notices.routes';
import { registerNoticeTodos } from './notices.todos';
import { publicNoticesRoutes } from './public.routes';
import { openVillageNotices } from './public.service';

/**
 * Public notices (公示): the staff's routes under `/notices` (drafts, publishing, answers,
 * objections turned into appeals, closing) and the residents' under `/public/notices`.
 */
export const noticesModule: FastifyPluginAsyncZod = async function noticesModule(app) {
  registerNoticeTodos(app.ctx.todos);
  registerNoticeIndicators(app.ctx.indicators);
  // The village page: what the village, its town and the district make public now.
  app.ctx.villageSections.register({
    key: 'notices',
    order: 5,
    load: async (db, village, { clock }) => {
      const items = await openVillageNotices(db, village.code, clock.now());
      return items.length === 0 ? null : { items };
    },
  });
  await app.register(noticesRoutes, { prefix: '/notices' });
  await app.register(noticeAttachmentsRoutes, { prefix: '/notices' });
  await app.register(publicNoticesRoutes, { prefix: '/public/notices' });
};
