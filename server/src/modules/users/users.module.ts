import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { securitySettingsRoutes } from './security-settings.routes';
import { maskAccountPhones, userPhoneRoutes } from './user-phones';
import { usersRoutes } from './users.routes';

/**
 * Cadre accounts: `/users`; their phones masked in every answer but the audited reveal. The
 * console's security settings (the screen watermark): `/security-settings`.
 */
export const usersModule: FastifyPluginAsyncZod = async function usersModule(app) {
  await app.register(async (masked) => {
    masked.addHook('preSerialization', maskAccountPhones);
    await masked.register(usersRoutes, { prefix: '/users' });
  });
  await app.register(userPhoneRoutes, { prefix: '/users' });
  await app.register(securitySettingsRoutes);
};
