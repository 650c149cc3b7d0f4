import { integrationKeysApi, integrationsApi, webhooksApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../request-context';
import { route } from '../routes';
import {
  createIntegration,
  createKey,
  getIntegration,
  listIntegrationsInScope,
  revokeKey,
  rotateKey,
  updateIntegrationInScope,
} from './integrations.service';
import {
  createWebhook,
  deleteWebhookOf,
  listDeliveriesOf,
  listWebhooksOf,
  redeliver,
  updateWebhookOf,
} from './webhooks.service';

const manage = { permission: 'integrations.manage' } as const;

/** `/integrations`: integration accounts, their keys, webhooks and delivery log. */
export const integrationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, jobs } = app.ctx;

  route(app, integrationsApi.list, manage, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await listIntegrationsInScope(ctx.db, ctx) };
  });

  route(app, integrationsApi.get, manage, async (request) => {
    const ctx = areaContextOf(request);
    return getIntegration(ctx.db, ctx, request.params.id);
  });

  route(app, integrationsApi.create, manage, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createIntegration(trx, ctx, request.body));
  });

  route(app, integrationsApi.update, manage, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => updateIntegrationInScope(trx, ctx, request.params.id, request.body));
  });

  route(app, integrationKeysApi.create, manage, async (request) => {
    const ctx = areaContextOf(request);
    return withTransaction(ctx, (trx) => createKey(trx, ctx, request.params.id, request.body));
  });

  route(app, integrationKeysApi.rotate, manage, async (request) => {
    const ctx = areaContextOf(request);
    const { id, keyId } = request.params;
    return withTransaction(ctx, (trx) => rotateKey(trx, ctx, id, keyId, request.body));
  });

  route(app, integrationKeysApi.revoke, manage, async (request) => {
    const ctx = areaContextOf(request);
    const { id, keyId } = request.params;
    return withTransaction(ctx, (trx) => revokeKey(trx, ctx, id, keyId));
  });

  route(app, webhooksApi.list, manage, async (request) => {
    const ctx = areaContextOf(request);
    return { items: await listWebhooksOf(ctx.db, ctx, request.params.id) };
  });

  route(app, webhooksApi.create, manage, async (request) => {
    const ctx = areaContextOf(request);
    const webhookCtx = { ...ctx, production: config.production };
    return withTransaction(ctx, (trx) => createWebhook(trx, webhookCtx, request.params.id, request.body));
  });

  route(app, webhooksApi.update, manage, async (request) => {
    const ctx = areaContextOf(request);
    const webhookCtx = { ...ctx, production: config.production };
    const { id, webhookId } = request.params;
    return withTransaction(ctx, (trx) => updateWebhookOf(trx, webhookCtx, id, webhookId, request.body));
  });

  route(app, webhooksApi.remove, manage, async (request) => {
    const ctx = areaContextOf(request);
    const { id, webhookId } = request.params;
    await withTransaction(ctx, (trx) => deleteWebhookOf(trx, ctx, id, webhookId));
  });

  route(app, webhooksApi.deliveries, manage, async (request) => {
    const ctx = areaContextOf(request);
    return listDeliveriesOf(ctx.db, ctx, request.params.id, request.query);
  });

  route(app, webhooksApi.redeliver, manage, async (request) => {
    const ctx = areaContextOf(request);
    const { id, deliveryId } = request.params;
    const delivery = await withTransaction(ctx, (trx) => redeliver(trx, ctx, id, deliveryId));
    jobs.wake();
    return delivery;
  });
};
