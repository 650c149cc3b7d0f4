import { indicatorsApi, todosApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestContextOf } from '../request-context';
import { route } from '../routes';
import { todosOf } from './todos';

/** `/indicators`: what the modules registered, for the console's pickers and weight editor. */
export const indicatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, indicatorsApi.list, { permission: 'dashboard.read' }, async () =>
    app.ctx.indicators.list().map((indicator) => app.ctx.indicators.info(indicator)),
  );
};

/** `/todos`: the caller's to-dos, each counted in their reach. */
export const todosRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, todosApi.list, { permission: 'authenticated' }, async (request) =>
    todosOf(app.ctx.todos, requestContextOf(request)),
  );
};
