import type { Locale } from '@lianxin/common';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { Actor } from './audit/audit.service';
import type { Clock } from './clock';
import type { Caller } from './context';
import { AppError } from './errors';
import type { AreaScope, Scope } from './scope';
import type { Secrets } from './secrets';

/**
 * Who asks, how far they reach, in which language, and the tools a service or command needs:
 * set once per request by the secured scope's hook, and the only context a module takes.
 */
export interface RequestContext<S extends Scope = Scope> {
  caller: Caller;
  scope: S;
  actor: Actor;
  locale: Locale;
  clock: Clock;
  secrets: Secrets;
  /** The database; writes go through `withTransaction(ctx, …)`. */
  db: Kysely<DB>;
}

/** The context of a caller who reaches an area subtree: every role of the registry and appeals. */
export type AreaContext = RequestContext<AreaScope>;

/** The request's context; routes behind the secured scope always have one. */
export function requestContextOf(request: FastifyRequest): RequestContext {
  if (!request.context) throw new Error('requestContextOf() used on a route outside the secured scope');
  return request.context;
}

/**
 * The context of a route that works on area-bound records. A caller whose reach is not an area
 * (a department, a station, an office) is refused: access fails closed.
 */
export function areaContextOf(request: FastifyRequest): AreaContext {
  const context = requestContextOf(request);
  if (context.scope.reach !== 'area') throw new AppError('FORBIDDEN');
  return context as AreaContext;
}

/**
 * Runs `work` in one transaction: everything it writes is committed together or not at all.
 * Routes and commands open transactions here; services and repositories receive the transaction.
 */
export function withTransaction<T>(
  ctx: { db: Kysely<DB> },
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(work);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the secured scope's hook; null on the public routes. */
    context: RequestContext | null;
  }
}
