import {
  type AnyContract,
  type ContractInput,
  type ContractOutput,
  defaultLocale,
  type Locale,
  pathOf,
  queryString,
} from '@lianxin/common';
import { z } from 'zod';

/** A failed API call: the server's stable code and its message, already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Codes that mean "sign in again": the console drops the session and shows the login page. */
const SIGNED_OUT_CODES = new Set(['AUTH_REQUIRED', 'SESSION_EXPIRED']);

export function isSignedOutError(error: unknown): error is ApiError {
  return error instanceof ApiError && SIGNED_OUT_CODES.has(error.code);
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

// Request state shared by every call. The CSRF token comes with the session (login, /auth/me);
// the language follows the UI so that server messages come back in it.
const state: {
  csrfToken: string | null;
  locale: Locale;
  fallbackMessages: { network: string; badResponse: string };
  onSignedOut: ((error: ApiError) => void) | null;
} = {
  csrfToken: null,
  locale: defaultLocale,
  fallbackMessages: { network: 'Network error', badResponse: 'Bad response' },
  onSignedOut: null,
};

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setApiLocale(locale: Locale, messages: { network: string; badResponse: string }): void {
  state.locale = locale;
  state.fallbackMessages = messages;
}

export function onSignedOut(handler: ((error: ApiError) => void) | null): void {
  state.onSignedOut = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

function urlOf(path: string, query?: Record<string, QueryValue>): string {
  return `/api/v1${path}${queryString(query)}`;
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Whether a 401 should sign the console out (not for the login call or the session probe). */
  signOutOn401?: boolean;
  accept?: string;
  signal?: AbortSignal;
  /** Extra request headers, e.g. an Idempotency-Key on a creating POST. */
  headers?: Record<string, string>;
}

function headersFor(method: string, accept: string, contentType?: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': state.locale };
  if (contentType) headers['Content-Type'] = contentType;
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  return headers;
}

/** The error an unsuccessful answer stands for; a 401 also signs the console out unless told not to. */
function errorOf(status: number, body: unknown, signOutOn401 = true): ApiError {
  const parsed = ErrorResponse.safeParse(body);
  const error = parsed.success
    ? new ApiError(status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details)
    : new ApiError(status, 'INTERNAL', state.fallbackMessages.badResponse);
  if (signOutOn401 && isSignedOutError(error)) state.onSignedOut?.(error);
  return error;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const contentType = options.body === undefined ? undefined : 'application/json';
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers: {
        ...headersFor(method, options.accept ?? 'application/json', contentType),
        ...options.headers,
      },
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', state.fallbackMessages.network);
  }
  if (response.ok) return response;
  throw errorOf(response.status, await response.json().catch(() => null), options.signOutOn401 !== false);
}

async function parse<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  const result = schema.safeParse(await response.json().catch(() => undefined));
  if (!result.success) {
    console.error('Unexpected API response', result.error.issues);
    throw new ApiError(response.status, 'BAD_RESPONSE', state.fallbackMessages.badResponse);
  }
  return result.data;
}

export interface CallOptions {
  /** Whether a 401 should sign the console out (not for the login call or the session probe). */
  signOutOn401?: boolean;
  signal?: AbortSignal;
  /** Extra request headers, e.g. an Idempotency-Key on a creating POST. */
  headers?: Record<string, string>;
}

/**
 * Calls the endpoint a contract declares: the path filled from `params`, the query and the JSON
 * body as the contract types them, and the answer checked against its response schema.
 */
export async function api<C extends AnyContract>(
  contract: C,
  input: ContractInput<C>,
  options: CallOptions = {},
): Promise<ContractOutput<C>> {
  const response = await send(contract.method, pathOf(contract, input.params), {
    query: input.query as Record<string, QueryValue> | undefined,
    body: input.body,
    ...options,
  });
  if (contract.response === undefined) return undefined as ContractOutput<C>;
  return (await parse(response, contract.response)) as ContractOutput<C>;
}

/** The address of a contract's endpoint, for what the browser fetches by itself (a photo, a download link). */
export function apiUrlOf<C extends AnyContract>(
  contract: C,
  input: Pick<ContractInput<C>, 'params' | 'query'>,
): string {
  return urlOf(pathOf(contract, input.params), input.query as Record<string, QueryValue> | undefined);
}

export interface TransferProgress {
  /** Bytes sent or received so far. */
  loaded: number;
  /** All the bytes, when the other side said how many. */
  total: number | null;
}

/**
 * Uploads a file as the raw request body (application/octet-stream unless told, e.g. image/jpeg)
 * and checks the answer against its schema. XMLHttpRequest, because fetch cannot report upload progress.
 */
function uploadTo<S extends z.ZodType>(
  path: string,
  query: Record<string, QueryValue>,
  file: Blob,
  schema: S,
  onProgress?: (progress: TransferProgress) => void,
  contentType = 'application/octet-stream',
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', urlOf(path, query));
    for (const [name, value] of Object.entries(headersFor('POST', 'application/json', contentType))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) =>
      onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', state.fallbackMessages.network));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: reported below as a bad response.
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(errorOf(xhr.status, body));
        return;
      }
      const result = schema.safeParse(body);
      if (result.success) resolve(result.data);
      else reject(new ApiError(xhr.status, 'BAD_RESPONSE', state.fallbackMessages.badResponse));
    };
    xhr.send(file);
  });
}

export interface Download {
  blob: Blob;
  /** From Content-Disposition, when the server named the file. */
  fileName: string | null;
}

// RFC 6266: `filename*=UTF-8''%E6%88%B7.xlsx` wins over the plain `filename="..."`.
function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Badly encoded: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/** A file download (GET), read chunk by chunk so the caller can show how much has arrived. */
async function downloadFrom(
  path: string,
  query: Record<string, QueryValue> | undefined,
  onProgress?: (progress: TransferProgress) => void,
  signal?: AbortSignal,
): Promise<Download> {
  const response = await send('GET', path, { query, accept: '*/*', signal });
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  const fileName = fileNameOf(response.headers.get('Content-Disposition'));
  const reader = response.body?.getReader();
  if (!reader) return { blob: await response.blob(), fileName };
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress?.({ loaded, total });
  }
  return { blob: new Blob(chunks, { type }), fileName };
}

/** Uploads a file to the endpoint a contract declares (`bodyKind: 'binary'`), with progress. */
export function upload<C extends AnyContract>(
  contract: C,
  input: Pick<ContractInput<C>, 'params' | 'query'>,
  file: Blob,
  options: { onProgress?: (progress: TransferProgress) => void; contentType?: string } = {},
): Promise<ContractOutput<C>> {
  if (contract.response === undefined) throw new Error(`${contract.path} answers no JSON`);
  return uploadTo(
    pathOf(contract, input.params),
    (input.query ?? {}) as Record<string, QueryValue>,
    file,
    contract.response,
    options.onProgress,
    options.contentType,
  ) as Promise<ContractOutput<C>>;
}

/** Downloads the file the endpoint a contract declares answers (`responseKind: 'file'`), with progress. */
export function download<C extends AnyContract>(
  contract: C,
  input: Pick<ContractInput<C>, 'params' | 'query'>,
  options: { onProgress?: (progress: TransferProgress) => void; signal?: AbortSignal } = {},
): Promise<Download> {
  return downloadFrom(
    pathOf(contract, input.params),
    input.query as Record<string, QueryValue> | undefined,
    options.onProgress,
    options.signal,
  );
}
