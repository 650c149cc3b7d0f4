import { defaultLocale, type Locale } from '@lianxin/common';
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
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Whether a 401 should sign the console out (not for the login call or the session probe). */
  signOutOn401?: boolean;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': state.locale };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', state.fallbackMessages.network);
  }
  if (response.ok) return response;
  const parsed = ErrorResponse.safeParse(await response.json().catch(() => null));
  const error = parsed.success
    ? new ApiError(
        response.status,
        parsed.data.error.code,
        parsed.data.error.message,
        parsed.data.error.details,
      )
    : new ApiError(response.status, 'INTERNAL', state.fallbackMessages.badResponse);
  if (options.signOutOn401 !== false && isSignedOutError(error)) state.onSignedOut?.(error);
  throw error;
}

async function parse<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  const result = schema.safeParse(await response.json().catch(() => undefined));
  if (!result.success) {
    console.error('Unexpected API response', result.error.issues);
    throw new ApiError(response.status, 'BAD_RESPONSE', state.fallbackMessages.badResponse);
  }
  return result.data;
}

/** GET, with the answer checked against its schema. */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  query?: Record<string, QueryValue>,
  options: { signOutOn401?: boolean } = {},
): Promise<z.output<S>> {
  return parse(await send('GET', path, { query, ...options }), schema);
}

/** A write that answers with a body, checked against its schema. */
export async function apiSend<S extends z.ZodType>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  schema: S,
  options: { signOutOn401?: boolean } = {},
): Promise<z.output<S>> {
  return parse(await send(method, path, { body, ...options }), schema);
}

/** A write that answers 204 No Content. */
export async function apiSendEmpty(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<void> {
  await send(method, path, { body });
}
