import type {
  AnyContract,
  ContractBody,
  ContractOutput,
  ContractParams,
  ContractQuery,
  Permission,
} from '@lianxin/common';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { z } from 'zod';

const API_PREFIX = '/api/v1';

/** What the caller's role must allow, or that the route is open to anyone (sign-in, residents' pages). */
export type RouteOptions = ({ permission: Permission | 'authenticated' } | { public: true }) & {
  /** Bytes a request body may have when it is more than the application's default (uploads). */
  bodyLimit?: number;
};

/** A request whose params, query and body have passed the contract's schemas. */
export type ContractRequest<C extends AnyContract> = FastifyRequest<{
  Params: ContractParams<C>;
  Querystring: ContractQuery<C>;
  Body: ContractBody<C>;
}>;

/**
 * What a handler gives back: the success answer (sent with the contract's status), or the reply
 * it sent itself (a file, a status of its own).
 */
export type RouteResult<C extends AnyContract> = C['response'] extends z.ZodType
  ? ContractOutput<C> | FastifyReply
  : // biome-ignore lint/suspicious/noConfusingVoidType: a handler of a 204 or file endpoint may end without a value
    void | FastifyReply;

export type RouteHandler<C extends AnyContract> = (
  request: ContractRequest<C>,
  reply: FastifyReply,
) => Promise<RouteResult<C>>;

/** The contract's path below the plugin's prefix, which must be a leading part of it. */
function pathBelowPrefix(app: FastifyInstance, contract: AnyContract): string {
  const prefix = app.prefix.startsWith(API_PREFIX) ? app.prefix.slice(API_PREFIX.length) : app.prefix;
  if (!contract.path.startsWith(prefix)) {
    throw new Error(`${contract.method} ${contract.path} registered under the prefix ${app.prefix}`);
  }
  // '' rather than '/': the route is the prefix itself, without a second one ending in a slash.
  return contract.path.slice(prefix.length);
}

function schemaOf(contract: AnyContract): FastifySchema {
  const response: Record<number, unknown> = {};
  if (contract.response !== undefined) {
    response[contract.status] = contract.response;
    // A replayed create (same Idempotency-Key) answers 200 with the record first made.
    if (contract.status === 201) response[200] = contract.response;
  }
  return {
    tags: [contract.tag],
    ...(contract.summary === undefined ? {} : { summary: contract.summary }),
    ...(contract.params === undefined ? {} : { params: contract.params }),
    ...(contract.query === undefined ? {} : { querystring: contract.query }),
    ...(contract.body === undefined ? {} : { body: contract.body }),
    ...(contract.headers === undefined ? {} : { headers: contract.headers }),
    ...(Object.keys(response).length === 0 ? {} : { response }),
  };
}

/**
 * Registers the endpoint a contract declares: its method and path (below the plugin's prefix),
 * its schemas for validation and OpenAPI, its success status and the permission it needs.
 */
export function route<C extends AnyContract>(
  app: FastifyInstance,
  contract: C,
  options: RouteOptions,
  handler: RouteHandler<C>,
): void {
  app.route({
    method: contract.method,
    url: pathBelowPrefix(app, contract),
    schema: schemaOf(contract),
    config: 'public' in options ? { public: true } : { permission: options.permission },
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    handler: async (request, reply) => {
      reply.code(contract.status);
      const result = await handler(request as ContractRequest<C>, reply);
      if (result === reply) return reply;
      if (contract.status === 204) return reply.send();
      return result;
    },
  });
}
