import { insertRow, nextSerial, type RouteCase, type Target, townOf } from '../../../test/probes';
import { newId } from '../ids';
import { addWebhook, buildIntegration, issueKey } from './integrations.fixtures';

// A local port nobody listens on: a delivery the worker attempts fails at once, whatever the network.
const RECEIVER = 'http://127.0.0.1:9/lianxin';

/** An integration acting for the target's town (or district: integrations are bound no lower), made by the admin. */
const integrationIn = (target: Target) => buildIntegration(target.admin, townOf(target.area));

/** How to call each route of integrations on an object in a chosen area (see server/test/probes.ts). */
export const integrationsProbes: Record<string, RouteCase> = {
  'GET /api/v1/integrations': async () => ({ url: '/api/v1/integrations' }),
  'POST /api/v1/integrations': async (_t, target) => ({
    url: '/api/v1/integrations',
    body: { name: `矩阵对接${nextSerial()}`, areaCode: townOf(target.area), scopes: ['appeals.read'] },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/integrations/:id': async (_t, target) => ({
    url: `/api/v1/integrations/${(await integrationIn(target)).id}`,
  }),
  'PATCH /api/v1/integrations/:id': async (_t, target) => {
    const integration = await integrationIn(target);
    return {
      url: `/api/v1/integrations/${integration.id}`,
      body: { description: '矩阵', version: integration.version },
    };
  },
  'POST /api/v1/integrations/:id/keys': async (_t, target) => ({
    url: `/api/v1/integrations/${(await integrationIn(target)).id}/keys`,
    body: {},
  }),
  'POST /api/v1/integrations/:id/keys/:keyId/rotate': async (_t, target) => {
    const integration = await integrationIn(target);
    const { key } = await issueKey(target.admin, integration.id);
    return { url: `/api/v1/integrations/${integration.id}/keys/${key.id}/rotate`, body: {} };
  },
  'POST /api/v1/integrations/:id/keys/:keyId/revoke': async (_t, target) => {
    const integration = await integrationIn(target);
    const { key } = await issueKey(target.admin, integration.id);
    return { url: `/api/v1/integrations/${integration.id}/keys/${key.id}/revoke` };
  },
  'GET /api/v1/integrations/:id/webhooks': async (_t, target) => ({
    url: `/api/v1/integrations/${(await integrationIn(target)).id}/webhooks`,
  }),
  'POST /api/v1/integrations/:id/webhooks': async (_t, target) => ({
    url: `/api/v1/integrations/${(await integrationIn(target)).id}/webhooks`,
    body: { url: RECEIVER, events: ['appeal.created'] },
  }),
  'PATCH /api/v1/integrations/:id/webhooks/:webhookId': async (_t, target) => {
    const integration = await integrationIn(target);
    const { webhook } = await addWebhook(target.admin, integration.id, RECEIVER);
    return {
      url: `/api/v1/integrations/${integration.id}/webhooks/${webhook.id}`,
      body: { active: false, version: webhook.version },
    };
  },
  'DELETE /api/v1/integrations/:id/webhooks/:webhookId': async (_t, target) => {
    const integration = await integrationIn(target);
    const { webhook } = await addWebhook(target.admin, integration.id, RECEIVER);
    return { url: `/api/v1/integrations/${integration.id}/webhooks/${webhook.id}` };
  },
  'GET /api/v1/integrations/:id/deliveries': async (_t, target) => ({
    url: `/api/v1/integrations/${(await integrationIn(target)).id}/deliveries`,
  }),
  // A delivery given up after its last attempt, of this integration's webhook alone: an event
  // would also reach every other webhook of the area that earlier probes left behind.
  'POST /api/v1/integrations/:id/deliveries/:deliveryId/redeliver': async (t, target) => {
    const integration = await integrationIn(target);
    const { webhook } = await addWebhook(target.admin, integration.id, RECEIVER);
    const id = newId();
    const now = t.clock.now().toISOString();
    await insertRow(t, 'webhook_deliveries', {
      id,
      webhook_id: webhook.id,
      integration_id: integration.id,
      event: 'appeal.created',
      area_code: target.village,
      payload: JSON.stringify({ probe: true }),
      status: 'failed',
      attempts: 8,
      next_attempt_at: null,
      last_status_code: null,
      last_error: 'connect ECONNREFUSED',
      delivered_at: null,
      created_at: now,
    });
    return { url: `/api/v1/integrations/${integration.id}/deliveries/${id}/redeliver` };
  },
};
