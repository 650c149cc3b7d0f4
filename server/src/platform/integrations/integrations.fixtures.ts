import {
  type IntegrationScope,
  integrationKeysApi,
  integrationScopes,
  integrationsApi,
  type WebhookEvent,
  webhooksApi,
} from '@lianxin/common';
import type { FastifyInstance } from 'fastify';
import { bearerSession, type Session } from '../../../test/harness';
import { nextSerial } from '../../../test/probes';

/** The integrations tests' and probes' common ground: an integration made by an admin, and its key. */

export async function buildIntegration(
  admin: Session,
  areaCode: string,
  options: { scopes?: IntegrationScope[]; rateLimitPerMinute?: number; name?: string } = {},
) {
  const body = {
    name: options.name ?? `对接系统${nextSerial()}`,
    areaCode,
    scopes: options.scopes ?? [...integrationScopes],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 10_000,
  };
  return (await admin.call(integrationsApi.create, { body })).data;
}

export async function issueKey(admin: Session, integrationId: string) {
  return (await admin.call(integrationKeysApi.create, { params: { id: integrationId }, body: {} })).data;
}

/** A new integration of `areaCode` and a session calling with its new key. */
export async function integrationSession(
  app: FastifyInstance,
  admin: Session,
  areaCode: string,
  options: Parameters<typeof buildIntegration>[2] = {},
) {
  const integration = await buildIntegration(admin, areaCode, options);
  const issued = await issueKey(admin, integration.id);
  return { integration, key: issued, session: bearerSession(app, issued.secret) };
}

export async function addWebhook(
  admin: Session,
  integrationId: string,
  url: string,
  events: WebhookEvent[] = ['appeal.created'],
) {
  return (await admin.call(webhooksApi.create, { params: { id: integrationId }, body: { url, events } }))
    .data;
}
