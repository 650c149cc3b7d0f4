import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { usersRoutes } from './users.routes';

/** Cadre accounts: `/users`. */
export const usersModule: FastifyPluginAsyncZod = async function usersModule(app) {
  await app.register(usersRoutes, { prefix: '/users' });
};
