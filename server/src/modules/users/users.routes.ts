import {
  pageOf,
  User,
  UserIdParams,
  UsersCreateBody,
  UsersListQuery,
  UsersPasswordBody,
  UsersUpdateBody,
} from '@lianxin/common';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, authOf } from '../../platform/context';
import {
  createUser,
  getUser,
  listUsersInScope,
  resetUserPassword,
  setUserDisabled,
  type UserCommandContext,
  updateUserInScope,
} from './users.service';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.ctx;
  const commandContext = (request: FastifyRequest): UserCommandContext => {
    const auth = authOf(request);
    return { clock, actor: actorOf(request), caller: auth.caller, scope: auth.scope };
  };

  app.get(
    '/',
    {
      config: { permission: 'users.read' },
      schema: { tags: ['users'], querystring: UsersListQuery, response: { 200: pageOf(User) } },
    },
    async (request) => listUsersInScope(db, authOf(request).scope, request.query),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'users.read' },
      schema: { tags: ['users'], params: UserIdParams, response: { 200: User } },
    },
    async (request) => getUser(db, authOf(request).scope, request.params.id),
  );

  app.post(
    '/',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], body: UsersCreateBody, response: { 201: User } },
    },
    async (request, reply) => {
      const user = await db
        .transaction()
        .execute((trx) => createUser(trx, commandContext(request), request.body));
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], params: UserIdParams, body: UsersUpdateBody, response: { 200: User } },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) => updateUserInScope(trx, commandContext(request), request.params.id, request.body)),
  );

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/:id/${action}`,
      {
        config: { permission: 'users.manage' },
        schema: { tags: ['users'], params: UserIdParams, response: { 200: User } },
      },
      async (request) =>
        db
          .transaction()
          .execute((trx) => setUserDisabled(trx, commandContext(request), request.params.id, disabled)),
    );
  }

  app.post(
    '/:id/password',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], params: UserIdParams, body: UsersPasswordBody },
    },
    async (request, reply) => {
      await db
        .transaction()
        .execute((trx) =>
          resetUserPassword(trx, commandContext(request), request.params.id, request.body.password),
        );
      return reply.status(204).send();
    },
  );
};
