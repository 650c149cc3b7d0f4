import { appealCategoriesApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { categories, createCategory, editCategory } from './categories.service';

/** `/appeal-categories`: what appeals are about, and the level each starts at. */
export const appealCategoriesRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, appealCategoriesApi.list, { permission: 'appeals.read' }, async (request) =>
    categories(requestContextOf(request).db),
  );

  route(app, appealCategoriesApi.create, { permission: 'appeals.configure' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) => createCategory(trx, ctx.clock, ctx.actor, request.body));
  });

  route(app, appealCategoriesApi.update, { permission: 'appeals.configure' }, async (request) => {
    const ctx = requestContextOf(request);
    return withTransaction(ctx, (trx) =>
      editCategory(trx, ctx.clock, ctx.actor, request.params.code, request.body),
    );
  });
};
