import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One endpoint of the API, declared once and read by the server route (validation, OpenAPI), the
 * web client (`api(contract, input)`) and the tests (`call(session, contract, input)`), so the
 * three cannot disagree. `path` is below `/api/v1`, with `:name` parameters as Fastify writes them.
 */
export interface Contract<
  Method extends HttpMethod = HttpMethod,
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Response extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: Method;
  path: string;
  /** OpenAPI tag: the domain the endpoint belongs to. */
  tag: string;
  /** One line for the API documentation, where the path does not say it all. */
  summary: string | undefined;
  params: Params;
  query: Query;
  /** A JSON body; uploads (`bodyKind: 'binary'`) leave it undefined. */
  body: Body;
  /** Request headers the endpoint reads (an Idempotency-Key on a creating POST), validated and documented. */
  headers: z.ZodType | undefined;
  /** The success answer's JSON; undefined for 204 No Content and for file downloads. */
  response: Response;
  /** Status of a success: 200 by default, 201 for a created record, 204 when nothing is answered. */
  status: 200 | 201 | 202 | 204;
  /** `binary`: the raw request body is a file (image, workbook), sent as it is. */
  bodyKind: 'json' | 'binary';
  /** `file`: the answer is a download (workbook, PDF, photo), not JSON. */
  responseKind: 'json' | 'file';
}

/** Any contract, whatever its schemas. */
export type AnyContract = Contract<
  HttpMethod,
  z.ZodType | undefined,
  z.ZodType | undefined,
  z.ZodType | undefined,
  z.ZodType | undefined
>;

interface ContractSpec<
  Method extends HttpMethod,
  Params extends z.ZodType | undefined,
  Query extends z.ZodType | undefined,
  Body extends z.ZodType | undefined,
  Response extends z.ZodType | undefined,
> {
  method: Method;
  path: string;
  tag: string;
  summary?: string;
  params?: Params;
  query?: Query;
  body?: Body;
  headers?: z.ZodType;
  response?: Response;
  status?: 200 | 201 | 202 | 204;
  bodyKind?: 'json' | 'binary';
  responseKind?: 'json' | 'file';
}

/** Declares an endpoint; what is left out is absent (no params, no body, no JSON answer). */
export function defineContract<
  Method extends HttpMethod,
  Params extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  Response extends z.ZodType | undefined = undefined,
>(
  spec: ContractSpec<Method, Params, Query, Body, Response>,
): Contract<Method, Params, Query, Body, Response> {
  return {
    method: spec.method,
    path: spec.path,
    tag: spec.tag,
    summary: spec.summary,
    params: spec.params as Params,
    query: spec.query as Query,
    body: spec.body as Body,
    headers: spec.headers,
    response: spec.response as Response,
    status: spec.status ?? (spec.response === undefined && spec.responseKind !== 'file' ? 204 : 200),
    bodyKind: spec.bodyKind ?? 'json',
    responseKind: spec.responseKind ?? 'json',
  };
}

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a caller sends: the params, query and body the contract declares, in their input form. */
export type ContractInput<C extends AnyContract> = (C['params'] extends z.ZodType
  ? { params: InputOf<C['params']> }
  : { params?: undefined }) &
  (C['query'] extends z.ZodType
    ? // biome-ignore lint/complexity/noBannedTypes: "every field optional" is exactly `{} extends T`
      {} extends InputOf<C['query']>
      ? { query?: InputOf<C['query']> }
      : { query: InputOf<C['query']> }
    : { query?: undefined }) &
  (C['body'] extends z.ZodType ? { body: InputOf<C['body']> } : { body?: undefined });

/** What a success answers: the response schema's output, or nothing. */
export type ContractOutput<C extends AnyContract> = OutputOf<C['response']>;

/** The server-side types of a request once validated. */
export type ContractParams<C extends AnyContract> = OutputOf<C['params']>;
export type ContractQuery<C extends AnyContract> = OutputOf<C['query']>;
export type ContractBody<C extends AnyContract> = OutputOf<C['body']>;

/** The path with its `:name` parameters filled in (each encoded). */
export function pathOf(contract: Pick<AnyContract, 'path'>, params?: unknown): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return contract.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) throw new Error(`${contract.path}: missing parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * A query string (`?a=1&b=x`, or empty) of the values a query holds: undefined, null and empty
 * values are left out, an array is sent as the key repeated. Used by every client of a contract.
 */
export function queryString(query: unknown): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null || item === '') continue;
      params.append(key, String(item));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
