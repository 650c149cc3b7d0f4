import {
  ApiToken,
  AuthLoginBody,
  AuthMeUpdateBody,
  AuthPasswordBody,
  AuthSession,
  Me,
  TokensCreateBody,
  TokensCreated,
} from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service';
import { actorOf, authOf } from '../context';
import { notFound } from '../errors';
import { newId, newSecret } from '../ids';
import { loadMe } from './accounts';
import { cookieOptions, SESSION_COOKIE } from './auth.hooks';
import { insertToken, listTokens, revokeToken, updateLocale } from './auth.repository';
import { changeOwnPassword, login, logout, tokenHashOf } from './auth.service';

/** Sign-in: the one public route of the auth domain. */
export const loginRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.ctx;
  app.post(
    '/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: AuthLoginBody, response: { 200: AuthSession } },
    },
    async (request, reply) => {
      const session = await login({ db, clock, config }, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE] ?? null,
      });
      reply.setCookie(
        SESSION_COOKIE,
        session.token,
        cookieOptions(config, request, config.session.absoluteHours * 3600),
      );
      return { user: await loadMe(db, session.caller.id), csrfToken: session.csrfToken };
    },
  );
};

/** The caller's own account: session, profile, password and API tokens. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.ctx;

  app.get(
    '/me',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 200: AuthSession } } },
    async (request) => {
      const auth = authOf(request);
      return {
        user: await loadMe(db, auth.caller.id),
        csrfToken: auth.csrfToken ?? '',
      };
    },
  );

  app.patch(
    '/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], body: AuthMeUpdateBody, response: { 200: Me } },
    },
    async (request) => {
      const auth = authOf(request);
      await updateLocale(db, auth.caller.id, request.body.locale, clock.now().toISOString());
      return loadMe(db, auth.caller.id);
    },
  );

  app.post(
    '/logout',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'] } },
    async (request, reply) => {
      const auth = authOf(request);
      if (auth.sessionId)
        await logout({ db, clock, config }, auth.sessionId, actorOf(request), auth.caller.areaCode);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/password',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], body: AuthPasswordBody } },
    async (request, reply) => {
      const auth = authOf(request);
      await changeOwnPassword(
        { db, clock, config },
        auth.caller,
        actorOf(request),
        auth.sessionId,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/tokens',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], response: { 200: z.object({ items: z.array(ApiToken) }) } },
    },
    async (request) => {
      const rows = await listTokens(db, authOf(request).caller.id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
          lastUsedAt: r.last_used_at,
        })),
      };
    },
  );

  app.post(
    '/tokens',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], body: TokensCreateBody, response: { 201: TokensCreated } },
    },
    async (request, reply) => {
      const caller = authOf(request).caller;
      const now = clock.now();
      const token = `lx_${newSecret()}`;
      const id = newId();
      const expiresAt =
        request.body.expiresInDays === null
          ? null
          : new Date(now.getTime() + request.body.expiresInDays * 86_400_000).toISOString();
      await db.transaction().execute(async (trx) => {
        await insertToken(trx, {
          id,
          userId: caller.id,
          name: request.body.name,
          tokenHash: tokenHashOf(token),
          now: now.toISOString(),
          expiresAt,
        });
        await recordAudit(trx, clock, actorOf(request), {
          action: 'auth.token_create',
          objectType: 'api_token',
          objectId: id,
          areaCode: caller.areaCode,
          after: { name: request.body.name, expiresAt },
        });
      });
      return reply.status(201).send({
        id,
        name: request.body.name,
        token,
        createdAt: now.toISOString(),
        expiresAt,
        lastUsedAt: null,
      });
    },
  );

  app.delete(
    '/tokens/:id',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], params: z.strictObject({ id: z.uuid() }) },
    },
    async (request, reply) => {
      const caller = authOf(request).caller;
      await db.transaction().execute(async (trx) => {
        if (!(await revokeToken(trx, caller.id, request.params.id, clock.now().toISOString())))
          throw notFound();
        await recordAudit(trx, clock, actorOf(request), {
          action: 'auth.token_revoke',
          objectType: 'api_token',
          objectId: request.params.id,
          areaCode: caller.areaCode,
        });
      });
      return reply.status(204).send();
    },
  );
};
