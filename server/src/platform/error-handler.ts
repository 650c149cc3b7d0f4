import {
  defaultLocale,
  type ErrorBody,
  type ErrorCode,
  type ErrorParams,
  errorMessage,
  errorStatus,
  type FieldProblem,
  fieldProblems,
  type Locale,
} from '@lianxin/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnstorableTextError } from '../db/dialect';
import { AppError } from './errors';

const zodLocales: Record<Locale, ReturnType<typeof z.locales.en>> = {
  'zh-CN': z.locales.zhCN(),
  en: z.locales.en(),
};

type ZodIssueLike = Parameters<(typeof zodLocales)['en']['localeError']>[0];

function localizeIssue(issue: ZodIssueLike, locale: Locale, fallback: string): string {
  if (issue.code === 'custom' && fallback in fieldProblems)
    return fieldProblems[fallback as FieldProblem][locale];
  const result = zodLocales[locale].localeError(issue);
  if (typeof result === 'string') return result;
  return result?.message ?? fallback;
}

// Fastify's own errors for malformed requests, mapped to our codes.
function fastifyErrorCode(error: FastifyError): ErrorCode | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'INVALID_JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      break;
  }
  if (error instanceof SyntaxError) return 'INVALID_JSON';
  const status = error.statusCode ?? 500;
  if (status === 404) return 'ROUTE_NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED';
  return null;
}

export function sendError(
  reply: FastifyReply,
  locale: Locale,
  code: ErrorCode,
  params: ErrorParams = {},
  details?: ErrorBody['error']['details'],
): FastifyReply {
  const body: ErrorBody = { error: { code, message: errorMessage(code, locale, params) } };
  if (details && details.length > 0) body.error.details = details;
  return reply.status(errorStatus(code)).type('application/json; charset=utf-8').send(body);
}

/** The one place where failures become HTTP answers. Unknown errors never leak their details. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale ?? defaultLocale;
    if (error instanceof AppError) {
      const details = error.details?.map((d) =>
        d.message in fieldProblems ? { ...d, message: fieldProblems[d.message as FieldProblem][locale] } : d,
      );
      return sendError(reply, locale, error.code, error.params, details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const details = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const issue = { ...(v.params as object), code: v.keyword, path: path ? path.split('.') : [] };
        return {
          path: path ? `${where}.${path}` : where,
          message: localizeIssue(issue as ZodIssueLike, locale, v.message ?? ''),
        };
      });
      return sendError(reply, locale, 'VALIDATION_FAILED', {}, details);
    }
    if (error instanceof UnstorableTextError) return sendError(reply, locale, 'VALIDATION_FAILED');
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return sendError(reply, locale, 'INTERNAL');
    }
    const code = fastifyErrorCode(error);
    if (code) return sendError(reply, locale, code);
    request.log.error({ err: error, method: request.method, url: request.url }, 'unhandled error');
    return sendError(reply, locale, 'INTERNAL');
  });
}
