import { defineContract } from '../contract';
import {
  DeliveryParams,
  IntegrationDetail,
  IntegrationIdParams,
  IntegrationKey,
  IntegrationKeyIssued,
  IntegrationKeyParams,
  IntegrationKeysCreateBody,
  IntegrationKeysRotateBody,
  IntegrationsCreateBody,
  IntegrationsListResponse,
  IntegrationsUpdateBody,
  Webhook,
  WebhookCreated,
  WebhookDeliveriesListQuery,
  WebhookDeliveriesListResponse,
  WebhookDelivery,
  WebhookParams,
  WebhooksCreateBody,
  WebhooksListResponse,
  WebhooksUpdateBody,
} from '../integrations';

const tag = 'integrations';

/** `/integrations`: accounts of other systems (a hotline, an Open311 client, a bank) and their keys. */
export const integrationsApi = {
  list: defineContract({ method: 'GET', path: '/integrations', tag, response: IntegrationsListResponse }),
  get: defineContract({
    method: 'GET',
    path: '/integrations/:id',
    tag,
    params: IntegrationIdParams,
    response: IntegrationDetail,
  }),
  create: defineContract({
    method: 'POST',
    path: '/integrations',
    tag,
    body: IntegrationsCreateBody,
    response: IntegrationDetail,
    status: 201,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/integrations/:id',
    tag,
    params: IntegrationIdParams,
    body: IntegrationsUpdateBody,
    response: IntegrationDetail,
  }),
};

/** An integration's keys: issued (shown once), rotated with a grace period, revoked. */
export const integrationKeysApi = {
  create: defineContract({
    method: 'POST',
    path: '/integrations/:id/keys',
    tag,
    summary: 'Issues a key; the answer is the only time the key is shown',
    params: IntegrationIdParams,
    body: IntegrationKeysCreateBody,
    response: IntegrationKeyIssued,
    status: 201,
  }),
  rotate: defineContract({
    method: 'POST',
    path: '/integrations/:id/keys/:keyId/rotate',
    tag,
    summary: 'Issues a new key; the old one keeps working for the grace period',
    params: IntegrationKeyParams,
    body: IntegrationKeysRotateBody,
    response: IntegrationKeyIssued,
    status: 201,
  }),
  revoke: defineContract({
    method: 'POST',
    path: '/integrations/:id/keys/:keyId/revoke',
    tag,
    params: IntegrationKeyParams,
    response: IntegrationKey,
  }),
};

/** An integration's outgoing webhooks and their delivery log. */
export const webhooksApi = {
  list: defineContract({
    method: 'GET',
    path: '/integrations/:id/webhooks',
    tag,
    params: IntegrationIdParams,
    response: WebhooksListResponse,
  }),
  create: defineContract({
    method: 'POST',
    path: '/integrations/:id/webhooks',
    tag,
    summary: 'Adds a webhook; the answer is the only time its signing secret is shown',
    params: IntegrationIdParams,
    body: WebhooksCreateBody,
    response: WebhookCreated,
    status: 201,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/integrations/:id/webhooks/:webhookId',
    tag,
    params: WebhookParams,
    body: WebhooksUpdateBody,
    response: Webhook,
  }),
  remove: defineContract({
    method: 'DELETE',
    path: '/integrations/:id/webhooks/:webhookId',
    tag,
    params: WebhookParams,
    status: 204,
  }),
  deliveries: defineContract({
    method: 'GET',
    path: '/integrations/:id/deliveries',
    tag,
    params: IntegrationIdParams,
    query: WebhookDeliveriesListQuery,
    response: WebhookDeliveriesListResponse,
  }),
  redeliver: defineContract({
    method: 'POST',
    path: '/integrations/:id/deliveries/:deliveryId/redeliver',
    tag,
    summary: 'Sends a delivery again now (one attempt)',
    params: DeliveryParams,
    response: WebhookDelivery,
    status: 202,
  }),
};
