import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { followEvent } from '../../platform/integrations';
import { hotlineRoutes } from './hotline.routes';
import { tellHotline } from './hotline.service';

/**
 * Appeals from other systems: the 12345 hotline's work orders under `/hotline` (the API), and
 * their status changes sent back to the hotline that sent them. The Open311 paths live outside
 * the API, at /open311/v2/ as the spec places them (`open311Routes`, registered by the app).
 */
export const open311Module: FastifyPluginAsyncZod = async function open311Module(app) {
  followEvent('hotline.workOrderStatus', 'appeal.status_changed', tellHotline);
  await app.register(hotlineRoutes, { prefix: '/hotline' });
};
