import {
  pageOf,
  User,
  UserIdParams,
  UsersCreateBody,
  UsersListQuery,
  UsersPasswordBody,
  UsersUpdateBody,
} from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf } from '../../platform/request-context';
import {
  createUser,
  getUser,
  listUsersInScope,
  resetUserPassword,
  setUserDisabled,
  updateUserInScope,
} from './users.service';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/',
    {
      config: { permission: 'users.read' },
      schema: { tags: ['users'], querystring: UsersListQuery, response: { 200: pageOf(User) } },
    },
    async (request) => listUsersInScope(db, areaContextOf(request).scope, request.query),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'users.read' },
      schema: { tags: ['users'], params: UserIdParams, response: { 200: User } },
    },
    async (request) => getUser(db, areaContextOf(request).scope, request.params.id),
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
        .execute((trx) => createUser(trx, areaContextOf(request), request.body));
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
        .execute((trx) => updateUserInScope(trx, areaContextOf(request), request.params.id, request.body)),
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
          .execute((trx) => setUserDisabled(trx, areaContextOf(request), request.params.id, disabled)),
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
          resetUserPassword(trx, areaContextOf(request), request.params.id, request.body.password),
        );
      return reply.status(204).send();
    },
  );
};
