import { usersApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import {
  createUser,
  getUser,
  listUsersInScope,
  resetUserPassword,
  setUserDisabled,
  unlockUser,
  updateUserInScope,
} from './users.service';

/** `/users`: cadre accounts in the caller's subtree. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, usersApi.list, { permission: 'users.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return listUsersInScope(ctx.db, ctx.scope, request.query);
  });

  route(app, usersApi.get, { permission: 'users.read' }, async (request) => {
    const ctx = areaContextOf(request);
    return getUser(ctx.db, ctx.scope, request.params.id);
  });

  route(app, usersApi.create, { permission: 'users.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createUser(trx, ctx, request.body));
  });

  route(app, usersApi.update, { permission: 'users.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateUserInScope(trx, ctx, request.params.id, request.body));
  });

  route(app, usersApi.disable, { permission: 'users.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => setUserDisabled(trx, ctx, request.params.id, true));
  });

  route(app, usersApi.enable, { permission: 'users.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => setUserDisabled(trx, ctx, request.params.id, false));
  });

  route(app, usersApi.resetPassword, { permission: 'users.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    await withTransaction(ctx, (trx) =>
      resetUserPassword(trx, ctx, request.params.id, request.body.password),
    );
  });

  route(app, usersApi.unlock, { permission: 'users.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => unlockUser(trx, ctx, request.params.id));
  });
};
