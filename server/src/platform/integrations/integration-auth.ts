import { INTEGRATION_KEY_PREFIX, type IntegrationScope, type Permission } from '@lianxin/common';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import type { Caller } from '../context';
import { AppError } from '../errors';
import { findKeyByHash, touchKey } from './integrations.repository';
import { keyHashOf, parseScopes } from './integrations.service';

export interface IntegrationCaller {
  caller: Caller;
  integrationId: string;
  scopes: IntegrationScope[];
  rateLimitPerMinute: number;
}

/** An `Authorization: Bearer` value that is an integration key rather than a person's API token. */
export function isIntegrationKey(token: string): boolean {
  return token.startsWith(INTEGRATION_KEY_PREFIX);
}

/**
 * A token bucket per integration, in this instance's memory: `limit` requests a minute, refilled
 * continuously, so a burst of `limit` is allowed and then one request every 60/limit seconds.
 * Kept in memory rather than in the database so a partner's traffic adds no write per request (one
 * SQLite writer serves everyone); with N instances behind a balancer a partner may get up to N×
 * the limit, which is acceptable for a guard against runaway clients (it is not billing).
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  /** Takes one request from the bucket; the seconds to wait when it is empty, else 0. */
  take(key: string, limitPerMinute: number, nowMs: number): number {
    const perMs = limitPerMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: limitPerMinute, at: nowMs };
    const tokens = Math.min(limitPerMinute, bucket.tokens + (nowMs - bucket.at) * perMs);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: nowMs });
      return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
    }
    this.#buckets.set(key, { tokens: tokens - 1, at: nowMs });
    return 0;
  }
}

/**
 * Resolves integration keys for the authentication hook: refuses unknown, revoked and expired keys
 * and inactive integrations (TOKEN_INVALID), applies the per-integration rate limit (RATE_LIMITED
 * with the seconds to wait), and checks a route's permission against the account's scopes.
 */
export function integrationAuthenticator(deps: { db: Kysely<DB>; clock: Clock }) {
  const limiter = new RateLimiter();
  return {
    async resolve(token: string): Promise<IntegrationCaller> {
      const found = await findKeyByHash(deps.db, keyHashOf(token));
      const now = deps.clock.now();
      const stamp = now.toISOString();
      if (!found || found.revokedAt || !found.active || found.disabledAt || found.role !== 'integration')
        throw new AppError('TOKEN_INVALID');
      if (found.expiresAt && found.expiresAt <= stamp) throw new AppError('TOKEN_INVALID');
      if (!found.lastUsedAt || now.getTime() - new Date(found.lastUsedAt).getTime() > 60_000) {
        await touchKey(deps.db, found.keyId, stamp);
      }
      return {
        caller: {
          id: found.userId,
          username: found.username,
          name: found.name,
          role: 'integration',
          areaCode: found.areaCode,
          areaKind: found.areaKind,
          unitId: null,
          locale: null,
        },
        integrationId: found.integrationId,
        scopes: parseScopes(found.scopes),
        rateLimitPerMinute: found.rateLimitPerMinute,
      };
    },

    /** Counts the request; over the limit, answers 429 RATE_LIMITED with `Retry-After` in seconds. */
    admit(integration: IntegrationCaller, reply: FastifyReply): void {
      const wait = limiter.take(
        integration.integrationId,
        integration.rateLimitPerMinute,
        deps.clock.now().getTime(),
      );
      if (wait === 0) return;
      reply.header('retry-after', String(wait));
      throw new AppError('RATE_LIMITED');
    },

    /**
     * The account's own scopes narrow its role. Routes open to any signed-in person (their own
     * profile, password, personal tokens) are not for a system: it could mint itself a token.
     */
    allows(integration: IntegrationCaller, permission: Permission | 'authenticated'): boolean {
      if (permission === 'authenticated') return false;
      return (integration.scopes as readonly Permission[]).includes(permission);
    },
  };
}
