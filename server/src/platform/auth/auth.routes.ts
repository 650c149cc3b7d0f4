import { accountApi, hasPermission, sessionApi, tokensApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../audit/audit.service';
import { authOf } from '../context';
import { AppError, notFound } from '../errors';
import { newId, newSecret } from '../ids';
import { requestContextOf, withTransaction } from '../request-context';
import { route } from '../routes';
import { loadMe } from './accounts';
import { cookieOptions, SESSION_COOKIE } from './auth.hooks';
import { insertToken, listTokens, revokeToken, updateLocale } from './auth.repository';
import { changeOwnPassword, login, logout, parseTokenScope, tokenHashOf } from './auth.service';

/** Sign-in (`/auth/login`): the one public route of the auth domain. */
export const loginRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.ctx;
  route(app, sessionApi.login, { public: true }, async (request, reply) => {
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
  });
};

/**
 * The caller's own account, whatever their reach: the session (`/auth/me`, `/auth/logout`), the
 * profile and password (`/auth/me`, `/auth/password`) and personal API tokens (`/auth/tokens`).
 */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.ctx;

  route(app, sessionApi.get, { permission: 'authenticated' }, async (request) => {
    const ctx = requestContextOf(request);
    return { user: await loadMe(ctx.db, ctx.caller.id), csrfToken: authOf(request).csrfToken ?? '' };
  });

  route(app, sessionApi.logout, { permission: 'authenticated' }, async (request, reply) => {
    const ctx = requestContextOf(request);
    const { sessionId } = authOf(request);
    if (sessionId) await logout({ ...ctx, config }, sessionId, ctx.actor, ctx.caller.areaCode);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  route(app, accountApi.update, { permission: 'authenticated' }, async (request) => {
    const ctx = requestContextOf(request);
    await updateLocale(ctx.db, ctx.caller.id, request.body.locale, ctx.clock.now().toISOString());
    return loadMe(ctx.db, ctx.caller.id);
  });

  route(app, accountApi.changePassword, { permission: 'authenticated' }, async (request) => {
    const ctx = requestContextOf(request);
    await changeOwnPassword(
      { ...ctx, config },
      ctx.caller,
      ctx.actor,
      authOf(request).sessionId,
      request.body.currentPassword,
      request.body.newPassword,
    );
  });

  route(app, tokensApi.list, { permission: 'authenticated' }, async (request) => {
    const ctx = requestContextOf(request);
    const rows = await listTokens(ctx.db, ctx.caller.id);
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        scope: parseTokenScope(r.scope),
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        lastUsedAt: r.last_used_at,
        lastUsedIp: r.last_used_ip,
      })),
    };
  });

  route(app, tokensApi.create, { permission: 'authenticated' }, async (request) => {
    const ctx = requestContextOf(request);
    const { caller } = ctx;
    const now = ctx.clock.now();
    const token = `lx_${newSecret()}`;
    const id = newId();
    const { name, expiresInDays, scope } = request.body;
    if (expiresInDays > config.apiTokens.maxDays) {
      throw new AppError('TOKEN_LIFETIME_TOO_LONG', { days: config.apiTokens.maxDays });
    }
    // A token narrows its owner's permissions; it never adds to them.
    if (scope.kind === 'permissions' && !scope.permissions.every((p) => hasPermission(caller.role, p))) {
      throw new AppError('TOKEN_SCOPE_INVALID');
    }
    const expiresAt = new Date(now.getTime() + expiresInDays * 86_400_000).toISOString();
    await withTransaction(ctx, async (trx) => {
      await insertToken(trx, {
        id,
        userId: caller.id,
        name,
        tokenHash: tokenHashOf(token),
        scope: JSON.stringify(scope),
        now: now.toISOString(),
        expiresAt,
      });
      await recordAudit(trx, ctx.clock, ctx.actor, {
        action: 'auth.token_create',
        objectType: 'api_token',
        objectId: id,
        areaCode: caller.areaCode,
        after: { name, expiresAt, scope },
      });
    });
    return {
      id,
      name,
      scope,
      token,
      createdAt: now.toISOString(),
      expiresAt,
      lastUsedAt: null,
      lastUsedIp: null,
    };
  });

  route(app, tokensApi.revoke, { permission: 'authenticated' }, async (request) => {
    const ctx = requestContextOf(request);
    const { caller } = ctx;
    await withTransaction(ctx, async (trx) => {
      if (!(await revokeToken(trx, caller.id, request.params.id, ctx.clock.now().toISOString())))
        throw notFound();
      await recordAudit(trx, ctx.clock, ctx.actor, {
        action: 'auth.token_revoke',
        objectType: 'api_token',
        objectId: request.params.id,
        areaCode: caller.areaCode,
      });
    });
  });
};
