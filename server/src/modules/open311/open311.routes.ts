import {
  defaultLocale,
  type ErrorCode,
  errorMessage,
  errorStatus,
  type IntegrationScope,
  type Locale,
  OPEN311_PREFIX,
  type Open311Errors,
  type Open311Format,
  open311Api,
  open311Formats,
} from '@lianxin/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { UnstorableTextError } from '../../db/dialect';
import { AppError } from '../../platform/errors';
import { type IntegrationCaller, integrationAuthenticator } from '../../platform/integrations';
import { type AreaScope, scopeFor, scopeOf } from '../../platform/scope';
import { open311Intake } from './open311.intake';
import { districtOf } from './open311.repository';
import { discovery, getRequest, listRequests, serviceDefinition, services } from './open311.service';
import { xmlList, xmlRecord } from './open311.xml';

const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};
// Where the spec names another status than ours: a missing or unknown key is its 403 ("api_key
// was not provided or invalid"), not our 401; an unknown service_code is its 404.
const SPEC_STATUSES: Partial<Record<ErrorCode, number>> = {
  TOKEN_INVALID: 403,
  APPEAL_CATEGORY_UNKNOWN: 404,
};
// The field an error is about, named before its description as the validation errors are.
const SPEC_FIELDS: Partial<Record<ErrorCode, string>> = {
  TOKEN_INVALID: 'api_key',
  APPEAL_CATEGORY_UNKNOWN: 'service_code',
  AREA_UNKNOWN: 'attribute[village]',
};
// The day this implementation of the spec last changed (discovery's changeset).
const CHANGESET = '2026-12-08T14:00:00+08:00';

/** The answer in the format the path asked for: JSON as is, XML under the spec's elements. */
function send(reply: FastifyReply, format: Open311Format, status: number, body: unknown, xml: () => string) {
  return reply
    .code(status)
    .type(CONTENT_TYPES[format])
    .send(format === 'json' ? JSON.stringify(body) : xml());
}

const formatOf = (request: FastifyRequest): Open311Format =>
  request.url.split('?')[0]?.endsWith('.xml') ? 'xml' : 'json';

/** The spec's error answer: `[{code, description}]`, `<errors><error>…`; the status is the code. */
function sendErrors(reply: FastifyReply, format: Open311Format, status: number, descriptions: string[]) {
  const errors: Open311Errors = descriptions.map((description) => ({ code: status, description }));
  return send(reply, format, status, errors, () => xmlList('errors', 'error', errors));
}

/**
 * Open311 GeoReport v2 at /open311/v2/ (outside /api/v1, as the spec places it): discovery and
 * services are open; requests are written and read back with an integration's key in `api_key`,
 * each integration seeing only the requests it sent. Every path answers in JSON or XML by its
 * extension, errors included.
 */
export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, secrets, config } = app.ctx;
  const integrations = integrationAuthenticator({ db, clock });
  const intake = open311Intake({ db, limits: config.publicLimits });
  let district: AreaScope | null = null;
  const wholeDistrict = async (): Promise<AreaScope> => {
    if (district) return district;
    const row = await districtOf(db);
    if (!row) throw new AppError('SERVICE_UNAVAILABLE');
    district = scopeOf(row);
    return district;
  };

  // The spec's POST is form-encoded; a repeated field keeps its last value, and a field sent empty
  // counts as not sent (clients send every field of their form, `lat=&long=` included).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const fields = [...new URLSearchParams(body as string)].filter(([, value]) => value.trim() !== '');
      done(null, Object.fromEntries(fields));
    },
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale: Locale = request.locale ?? defaultLocale;
    const format = formatOf(request);
    if (error instanceof AppError) {
      const status = SPEC_STATUSES[error.code] ?? errorStatus(error.code);
      const message = errorMessage(error.code, locale, error.params);
      const field = SPEC_FIELDS[error.code];
      return sendErrors(reply, format, status, [field ? `${field}: ${message}` : message]);
    }
    // Text the database cannot hold (a NUL character) is a bad request, as on the API.
    if (error instanceof UnstorableTextError) {
      return sendErrors(reply, format, 400, [errorMessage('VALIDATION_FAILED', locale)]);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return `${field || error.validationContext || 'request'}: ${v.message ?? ''}`;
      });
      return sendErrors(reply, format, 400, problems);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendErrors(reply, format, status, [error.message]);
    request.log.error({ err: error, url: request.url }, 'unhandled error');
    return sendErrors(reply, format, 500, [errorMessage('INTERNAL', locale)]);
  });
  app.setNotFoundHandler((request, reply) =>
    sendErrors(reply, formatOf(request), 404, [
      errorMessage('ROUTE_NOT_FOUND', request.locale ?? defaultLocale),
    ]),
  );

  /**
   * The integration whose key `api_key` is (in the form or the query), counted against its rate
   * limit and checked for one of `scopes` — before the fields are validated, so a caller without a
   * valid key learns nothing more than the spec's 403.
   */
  const keyHolders = new WeakMap<FastifyRequest, IntegrationCaller>();
  const keyed = (scopes: IntegrationScope[]) => ({
    preValidation: async (request: FastifyRequest, reply: FastifyReply) => {
      const apiKey = (request.method === 'GET' ? request.query : request.body) as {
        api_key?: unknown;
      } | null;
      const key = typeof apiKey?.api_key === 'string' ? apiKey.api_key.trim() : '';
      if (!key) throw new AppError('TOKEN_INVALID');
      const integration = await integrations.resolve(key);
      integrations.admit(integration, reply);
      if (!scopes.some((s) => integration.scopes.includes(s))) throw new AppError('FORBIDDEN');
      keyHolders.set(request, integration);
    },
  });
  const keyHolderOf = (request: FastifyRequest): IntegrationCaller => {
    const integration = keyHolders.get(request);
    if (!integration) throw new AppError('TOKEN_INVALID');
    return integration;
  };

  const below = (path: string, format: Open311Format) =>
    path.slice(OPEN311_PREFIX.length).replace(/\.json$/, `.${format}`);

  for (const format of open311Formats) {
    app.get(below(open311Api.discovery.path, format), async (request, reply) => {
      const base = `${request.protocol}://${request.host}${OPEN311_PREFIX}/`;
      const body = discovery(base, CHANGESET);
      return send(reply, format, 200, body, () =>
        xmlRecord('discovery', {
          ...body,
          endpoints: { endpoint: body.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) },
        }),
      );
    });

    app.get(below(open311Api.listServices.path, format), async (request, reply) => {
      const body = await services(db, request.locale);
      return send(reply, format, 200, body, () => xmlList('services', 'service', body));
    });

    app.get(
      below(open311Api.getService.path, format),
      { schema: { params: open311Api.getService.params } },
      async (request, reply) => {
        const body = await serviceDefinition(
          db,
          await wholeDistrict(),
          request.params.service_code,
          request.locale,
        );
        return send(reply, format, 200, body, () =>
          xmlRecord('service_definition', {
            service_code: body.service_code,
            attributes: {
              attribute: body.attributes.map((a) => ({ ...a, values: { value: a.values } })),
            },
          }),
        );
      },
    );

    app.post(
      below(open311Api.createRequest.path, format),
      { schema: { body: open311Api.createRequest.body }, ...keyed(['appeals.create']) },
      async (request, reply) => {
        const integration = keyHolderOf(request);
        const { caller } = integration;
        const created = await intake.create(
          {
            integrationId: integration.integrationId,
            callerId: caller.id,
            ctx: {
              clock,
              secrets,
              scope: scopeFor(caller),
              actor: { id: caller.id, name: caller.name, ip: request.ip },
            },
          },
          request.body,
          request.locale,
        );
        const body = [
          {
            service_request_id: created.serviceRequestId,
            service_notice: created.notice,
            account_id: created.accountId,
          },
        ];
        return send(reply, format, 201, body, () => xmlList('service_requests', 'request', body));
      },
    );

    app.get(
      below(open311Api.listRequests.path, format),
      {
        schema: { querystring: open311Api.listRequests.query },
        ...keyed(['appeals.create', 'appeals.read']),
      },
      async (request, reply) => {
        const integration = keyHolderOf(request);
        const body = await listRequests(db, clock, integration.integrationId, request.query, request.locale);
        return send(reply, format, 200, body, () => xmlList('service_requests', 'request', body));
      },
    );

    app.get(
      below(open311Api.getRequest.path, format),
      {
        schema: { params: open311Api.getRequest.params, querystring: open311Api.getRequest.query },
        ...keyed(['appeals.create', 'appeals.read']),
      },
      async (request, reply) => {
        const integration = keyHolderOf(request);
        const found = await getRequest(
          db,
          integration.integrationId,
          request.params.service_request_id,
          request.locale,
        );
        return send(reply, format, 200, [found], () => xmlList('service_requests', 'request', [found]));
      },
    );
  }
};
