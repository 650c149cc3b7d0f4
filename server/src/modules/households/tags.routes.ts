import { tagsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, requestContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { createTag, tagDefinitions } from './tags.service';

/** `/tags`: the built-in tags and the district's own; they hold for every area. */
export const tagsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, tagsApi.list, { permission: 'households.read' }, async (request) =>
    tagDefinitions(requestContextOf(request).db),
  );

  route(app, tagsApi.create, { permission: 'tiers.rules' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createTag(trx, ctx, request.body));
  });
};
