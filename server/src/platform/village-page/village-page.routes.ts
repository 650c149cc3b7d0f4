import { type VillagePageResponse, villagePageApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../errors';
import { route } from '../routes';
import { findVillageOfPage } from './village-page.repository';

const CACHE_MS = 60_000;

/**
 * `GET /public/villages/:code`: the village page, its sections in the order they were
 * registered. Public and read-only like the village list: no per-address limit (the appeal pages
 * limit writes and failed tracking), but each page is computed at most once a minute per
 * language on this instance, unless it has answered a write since, and browsers keep it a minute.
 */
export const villagePageRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, writes, villageSections } = app.ctx;
  const cache = new Map<string, { at: number; writes: number; page: VillagePageResponse }>();

  route(app, villagePageApi.get, { public: true }, async (request, reply) => {
    const { code } = request.params;
    const key = `${code}:${request.locale}`;
    const now = clock.now().getTime();
    const cached = cache.get(key);
    reply.header('cache-control', 'public, max-age=60');
    if (cached && cached.writes === writes.count && now - cached.at < CACHE_MS && now >= cached.at) {
      return cached.page;
    }
    const village = await findVillageOfPage(db, code);
    if (!village) throw notFound();
    const sections = await villageSections.load(
      db,
      { code: village.code, name: village.name, townName: village.townName },
      { clock, locale: request.locale },
      request.log,
    );
    const page: VillagePageResponse = {
      village: {
        code: village.code,
        name: village.name,
        town: { code: village.townCode, name: village.townName },
      },
      sections,
    };
    // Only villages are kept, so the map is as large as the district's villages times the languages.
    cache.set(key, { at: now, writes: writes.count, page });
    return page;
  });
};
