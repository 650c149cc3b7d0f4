import {
  type AnyContract,
  accountApi,
  hasPermission,
  integrationKeysApi,
  isLocale,
  localeFromAcceptLanguage,
  type TokenScope,
  tokenScopeAllows,
  tokensApi,
  usersApi,
  webhooksApi,
} from '@lianxin/common';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Config } from '../../config';
import { AppError } from '../errors';
import { type IntegrationCaller, integrationAuthenticator, isIntegrationKey } from '../integrations';
import { scopeFor } from '../scope';
import type { Secrets } from '../secrets';
import { type AuthDeps, csrfMatches, resolveApiToken, resumeSession } from './auth.service';

export const SESSION_COOKIE = 'lx_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const routeOf = (contract: AnyContract) => `${contract.method} /api/v1${contract.path}`;

/**
 * Routes that make or change a credential: a personal API token never calls them, whatever its
 * scope, so that a leaked token cannot take over the account or mint more tokens.
 */
export const CREDENTIAL_ROUTES: ReadonlySet<string> = new Set(
  [
    accountApi.changePassword,
    tokensApi.create,
    tokensApi.revoke,
    usersApi.create,
    usersApi.resetPassword,
    usersApi.enable,
    usersApi.unlock,
    // An integration's keys and a webhook's signing secret are credentials too.
    integrationKeysApi.create,
    integrationKeysApi.rotate,
    webhooksApi.create,
  ].map(routeOf),
);

export function cookieOptions(config: Config, request: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure,
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

export function languageHook(request: FastifyRequest): void {
  request.locale = localeFromAcceptLanguage(request.headers['accept-language']);
}

/**
 * The hook of the secured scope: finds the caller (session cookie, `Authorization: Bearer` API
 * token, or an integration key `lxi_…`), checks CSRF on cookie-authenticated writes, and checks the
 * route's permission (for an integration, against its scopes too, after its rate limit).
 * A route without a declared permission is refused, and only a route declared public is open to
 * anyone: access fails closed.
 */
export function authenticate(deps: AuthDeps & { secrets: Secrets }): onRequestAsyncHookHandler {
  const integrations = integrationAuthenticator(deps);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.config.public === true) return;
    const authorization = request.headers.authorization;
    let integration: IntegrationCaller | null = null;
    let tokenScope: TokenScope | null = null;
    if (authorization?.startsWith('Bearer ') && isIntegrationKey(authorization.slice(7).trim())) {
      integration = await integrations.resolve(authorization.slice(7).trim());
      integrations.admit(integration, reply);
      request.auth = { caller: integration.caller, via: 'integration', sessionId: null, csrfToken: null };
    } else if (authorization?.startsWith('Bearer ')) {
      const resolved = await resolveApiToken(deps, authorization.slice(7).trim(), request.ip);
      if (!resolved) throw new AppError('TOKEN_INVALID');
      tokenScope = resolved.scope;
      request.auth = {
        caller: resolved.caller,
        via: 'token',
        sessionId: null,
        csrfToken: null,
      };
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) throw new AppError('AUTH_REQUIRED');
      const session = await resumeSession(deps, token);
      if (session.status !== 'valid') {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        throw new AppError(session.status === 'expired' ? 'SESSION_EXPIRED' : 'AUTH_REQUIRED');
      }
      if (
        !SAFE_METHODS.has(request.method) &&
        !csrfMatches(session.csrfToken, request.headers['x-csrf-token'] as string | undefined)
      ) {
        throw new AppError('CSRF_INVALID');
      }
      request.auth = {
        caller: session.caller,
        via: 'session',
        sessionId: session.sessionId,
        csrfToken: session.csrfToken,
      };
    }
    const caller = request.auth.caller;
    if (isLocale(caller.locale)) request.locale = caller.locale;
    request.context = {
      caller,
      scope: scopeFor(caller),
      actor: { id: caller.id, name: caller.name, ip: request.ip },
      locale: request.locale,
      clock: deps.clock,
      secrets: deps.secrets,
      db: deps.db,
    };
    const permission = request.routeOptions.config.permission;
    if (permission === undefined) {
      request.log.error({ url: request.routeOptions.url }, 'route declares no permission');
      throw new AppError('FORBIDDEN');
    }
    if (permission !== 'authenticated' && !hasPermission(caller.role, permission)) {
      throw new AppError('FORBIDDEN');
    }
    if (integration && !integrations.allows(integration, permission)) throw new AppError('FORBIDDEN');
    if (tokenScope) {
      if (CREDENTIAL_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) {
        throw new AppError('TOKEN_NOT_ALLOWED');
      }
      if (!tokenScopeAllows(tokenScope, permission, request.method)) throw new AppError('TOKEN_SCOPE_DENIED');
    }
  };
}
