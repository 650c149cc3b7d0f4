import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  appealsApi,
  areasApi,
  auditApi,
  householdsApi,
  integrationKeysApi,
  integrationsApi,
  tokensApi,
  webhooksApi,
} from '@lianxin/common';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AREAS, anonymous, bearerSession, login, type Session } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';
import { withTransaction } from '../request-context';
import { addWebhook, buildIntegration, integrationSession, issueKey } from './integrations.fixtures';
import { emitEvent } from './webhook-delivery';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 answering each request with the next status of `statuses` (then 200). */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/lianxin`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function verify(secret: string, r: Received): boolean {
  const timestamp = String(r.headers['x-lianxin-timestamp']);
  const expected = createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex');
  return r.headers['x-lianxin-signature'] === `sha256=${expected}`;
}

// The tests move the clock by days; the admin signs in afresh so the session's idle timeout does not end it.
describe('integration accounts', () => {
  let w: World;
  let admin: Session;
  beforeAll(async () => {
    w = await buildWorld();
  });
  beforeEach(async () => {
    admin = await login(w.app, w.admin.username);
  });
  afterAll(() => w.close());

  it('authenticates a key as the integration, within the area it acts for', async () => {
    const { integration, session } = await integrationSession(w.app, admin, AREAS.townA, {
      scopes: ['areas.read', 'appeals.read'],
    });
    const areas = await session.call(areasApi.list, { query: {} });
    expect(areas.statusCode).toBe(200);
    const codes = areas.data.items.map((a) => a.code);
    expect(codes).toContain(AREAS.villageA1);
    expect(codes).not.toContain(AREAS.villageB1);
    const detail = await admin.call(integrationsApi.get, { params: { id: integration.id } });
    expect(detail.data.keys[0]?.lastUsedAt).toBe(w.clock.now().toISOString());
    expect(detail.data.keys[0]?.prefix).toMatch(/^lxi_.{8}$/);
  });

  it('takes in an appeal as the integration’s system account, audited under its name', async () => {
    const { integration, session } = await integrationSession(w.app, admin, AREAS.townA, {
      name: '12345 市民热线',
      scopes: ['appeals.create', 'appeals.read'],
    });
    const body = {
      channel: 'hotline' as const,
      categoryCode: 'roads_water',
      villageCode: AREAS.villageA1,
      title: '村口道路塌陷',
      description: '村口主路塌陷一个大坑，雨天积水，车辆无法通行，请尽快修复。',
      reporterKind: 'person' as const,
      reporterName: '王大爷',
      reporterPhone: '13812345678',
    };
    const created = await session.call(appealsApi.create, { body }, { 'idempotency-key': 'hotline-0001' });
    expect(created.statusCode, created.response.body).toBe(201);
    // Outside its town, the same system is told the village is unknown to it.
    const outside = await session.call(appealsApi.create, {
      body: { ...body, villageCode: AREAS.villageB1 },
    });
    expect(outside.error.code).toBe('AREA_UNKNOWN');
    const audit = await admin.call(auditApi.list, { query: { objectId: created.data.id } });
    expect(audit.data.items.map((e) => [e.action, e.actorName])).toContainEqual([
      'appeal.create',
      '12345 市民热线',
    ]);
    const made = await admin.call(auditApi.list, { query: { objectId: integration.id } });
    expect(made.data.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['integration.create', 'integration.key_create']),
    );
  });

  it('refuses a scope outside the account’s scopes, routes its role never has, and personal routes', async () => {
    const { session } = await integrationSession(w.app, admin, AREAS.townA, {
      scopes: ['areas.read'],
    });
    const appeals = await session.call(appealsApi.list, { query: {} });
    expect(appeals.statusCode).toBe(403);
    expect(appeals.error.code).toBe('FORBIDDEN');
    expect((await session.call(householdsApi.list, { query: {} })).statusCode).toBe(403);
    const token = await session.call(tokensApi.create, { body: { name: 'self', expiresInDays: 30 } });
    expect(token.statusCode).toBe(403);
  });

  it('never lets the integration’s account sign in', async () => {
    const integration = await buildIntegration(admin, AREAS.district);
    const row = await w.database.db
      .selectFrom('users')
      .select(['username', 'password_hash', 'role'])
      .where('id', '=', integration.userId)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('integration');
    for (const password of ['', row.password_hash, 'correct-horse-battery']) {
      const response = await anonymous(w.app).request('POST', '/api/v1/auth/login', {
        username: row.username,
        password: password || 'x',
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
  });

  it('keeps a rotated key working through the grace period only, and refuses a revoked one at once', async () => {
    const integration = await buildIntegration(admin, AREAS.townA);
    const first = await issueKey(admin, integration.id);
    const rotated = await admin.call(integrationKeysApi.rotate, {
      params: { id: integration.id, keyId: first.key.id },
      body: { graceDays: 7 },
    });
    expect(rotated.statusCode).toBe(201);
    const second = rotated.data;
    expect(second.secret).not.toBe(first.secret);
    const oldSession = bearerSession(w.app, first.secret);
    const newSession = bearerSession(w.app, second.secret);
    expect((await oldSession.call(areasApi.list, { query: {} })).statusCode).toBe(200);
    w.clock.advance(7 * 86_400_000 + 1000);
    admin = await login(w.app, w.admin.username);
    const late = await oldSession.call(areasApi.list, { query: {} });
    expect(late.statusCode).toBe(401);
    expect(late.error.code).toBe('TOKEN_INVALID');
    expect((await newSession.call(areasApi.list, { query: {} })).statusCode).toBe(200);

    const revoked = await admin.call(integrationKeysApi.revoke, {
      params: { id: integration.id, keyId: second.key.id },
    });
    expect(revoked.data.active).toBe(false);
    expect((await newSession.call(areasApi.list, { query: {} })).error.code).toBe('TOKEN_INVALID');
    const detail = await admin.call(integrationsApi.get, { params: { id: integration.id } });
    expect(detail.data.keys.map((k) => k.active)).toEqual([false, false]);
  });

  it('refuses every key of an integration that is switched off, and takes them again when it is back', async () => {
    const { integration, session } = await integrationSession(w.app, admin, AREAS.townB);
    const off = await admin.call(integrationsApi.update, {
      params: { id: integration.id },
      body: { active: false, version: integration.version },
    });
    expect(off.data.active).toBe(false);
    expect((await session.call(areasApi.list, { query: {} })).error.code).toBe('TOKEN_INVALID');
    await admin.call(integrationsApi.update, {
      params: { id: integration.id },
      body: { active: true, version: off.data.version },
    });
    expect((await session.call(areasApi.list, { query: {} })).statusCode).toBe(200);
  });

  it('answers 429 with Retry-After past the integration’s rate limit', async () => {
    const { session } = await integrationSession(w.app, admin, AREAS.townA, {
      rateLimitPerMinute: 3,
    });
    for (let i = 0; i < 3; i++)
      expect((await session.call(areasApi.list, { query: {} })).statusCode).toBe(200);
    const limited = await session.call(areasApi.list, { query: {} });
    expect(limited.statusCode).toBe(429);
    expect(limited.error.code).toBe('RATE_LIMITED');
    // Three a minute: one more every 20 seconds.
    expect(limited.response.headers['retry-after']).toBe('20');
    w.clock.advance(20_000);
    expect((await session.call(areasApi.list, { query: {} })).statusCode).toBe(200);
    expect((await session.call(areasApi.list, { query: {} })).statusCode).toBe(429);
  });

  it('refuses a webhook URL that is neither HTTPS nor this machine', async () => {
    const integration = await buildIntegration(admin, AREAS.townA);
    const response = await admin.call(webhooksApi.create, {
      params: { id: integration.id },
      body: { url: 'http://receiver.example.org/hook', events: ['appeal.created'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.error.code).toBe('WEBHOOK_URL_NOT_ALLOWED');
  });
});

describe('outgoing webhooks', () => {
  let w: World;
  let admin: Session;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  beforeAll(async () => {
    w = await buildWorld();
  });
  beforeEach(async () => {
    admin = await login(w.app, w.admin.username);
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });
  afterAll(() => w.close());

  const emit = (type: 'appeal.created' | 'appeal.status_changed', areaCode: string, payload = {}) =>
    withTransaction({ db: w.database.db }, (trx) => emitEvent(trx, w.clock, { type, areaCode, payload }));

  it('delivers a subscribed event of its area, signed, and logs it', async () => {
    receiver = await startReceiver();
    const integration = await buildIntegration(admin, AREAS.townA);
    const { webhook, secret } = await addWebhook(admin, integration.id, receiver.url);
    expect(secret).toMatch(/^whsec_/);

    expect(await emit('appeal.created', AREAS.villageA1, { appealId: 'a-1', title: '道路塌陷' })).toBe(1);
    // Another town's event and an event it did not subscribe to are not sent to it.
    expect(await emit('appeal.created', AREAS.villageB1)).toBe(0);
    expect(await emit('appeal.status_changed', AREAS.villageA1)).toBe(0);
    await w.app.ctx.jobs.drain();

    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    if (!got) throw new Error('nothing received');
    expect(verify(secret, got)).toBe(true);
    expect(verify('whsec_wrong', got)).toBe(false);
    expect(got.headers['x-lianxin-event']).toBe('appeal.created');
    const body = JSON.parse(got.body);
    expect(body).toMatchObject({
      event: 'appeal.created',
      areaCode: AREAS.villageA1,
      data: { appealId: 'a-1', title: '道路塌陷' },
    });
    expect(got.headers['x-lianxin-delivery']).toBe(body.id);

    const log = await admin.call(webhooksApi.deliveries, {
      params: { id: integration.id },
      query: {},
    });
    expect(log.data.items).toHaveLength(1);
    expect(log.data.items[0]).toMatchObject({
      id: body.id,
      webhookId: webhook.id,
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      deliveredAt: w.clock.now().toISOString(),
    });
  });

  it('retries a failing receiver with backoff until it takes the delivery', async () => {
    receiver = await startReceiver([500, 503]);
    const integration = await buildIntegration(admin, AREAS.district);
    await addWebhook(admin, integration.id, receiver.url, ['appeal.status_changed']);
    await emit('appeal.status_changed', AREAS.groupA1, { status: 'resolved' });
    const log = async () =>
      (await admin.call(webhooksApi.deliveries, { params: { id: integration.id }, query: {} })).data.items[0];

    await w.app.ctx.jobs.drain();
    expect(await log()).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect((await log())?.nextAttemptAt).toBe(new Date(w.clock.now().getTime() + 30_000).toISOString());
    // Not before its time.
    await w.app.ctx.jobs.drain();
    expect(receiver.received).toHaveLength(1);

    w.clock.advance(30_000);
    await w.app.ctx.jobs.drain();
    expect(await log()).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503 });
    w.clock.advance(120_000);
    await w.app.ctx.jobs.drain();
    expect(receiver.received).toHaveLength(3);
    expect(await log()).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastStatusCode: 200,
      lastError: null,
    });
    // Each attempt is signed anew, and all carry the same delivery id.
    expect(new Set(receiver.received.map((r) => r.headers['x-lianxin-delivery'])).size).toBe(1);
  });

  it('gives up after the last attempt, and sends again from the console', async () => {
    receiver = await startReceiver(Array(8).fill(500));
    const integration = await buildIntegration(admin, AREAS.townB);
    await addWebhook(admin, integration.id, receiver.url);
    await emit('appeal.created', AREAS.villageB1);
    for (let i = 0; i < 8; i++) {
      await w.app.ctx.jobs.drain();
      w.clock.advance(3 * 3_600_000);
    }
    admin = await login(w.app, w.admin.username);
    const failedLog = await admin.call(webhooksApi.deliveries, {
      params: { id: integration.id },
      query: { status: 'failed' },
    });
    expect(failedLog.data.items).toHaveLength(1);
    const failed = failedLog.data.items[0];
    expect(failed).toMatchObject({ attempts: 8, lastStatusCode: 500, nextAttemptAt: null });
    if (!failed) return;

    const again = await admin.call(webhooksApi.redeliver, {
      params: { id: integration.id, deliveryId: failed.id },
    });
    expect(again.statusCode).toBe(202);
    expect(again.data.status).toBe('pending');
    await w.app.ctx.jobs.drain();
    expect(receiver.received).toHaveLength(9);
    const after = await admin.call(webhooksApi.deliveries, {
      params: { id: integration.id },
      query: { status: 'delivered' },
    });
    expect(after.data.items[0]).toMatchObject({ id: failed.id, attempts: 9, status: 'delivered' });
  });

  it('pages the delivery log newest first', async () => {
    const integration = await buildIntegration(admin, AREAS.townA);
    await addWebhook(admin, integration.id, 'https://receiver.example.org/x');
    for (let i = 0; i < 3; i++) await emit('appeal.created', AREAS.villageA2, { n: i });
    const first = await admin.call(webhooksApi.deliveries, {
      params: { id: integration.id },
      query: { limit: 2 },
    });
    expect(first.data.items.map((d) => d.payload)).toEqual([{ n: 2 }, { n: 1 }]);
    const next = await admin.call(webhooksApi.deliveries, {
      params: { id: integration.id },
      query: { limit: 2, before: first.data.nextBefore ?? undefined },
    });
    expect(next.data.items.map((d) => d.payload)).toEqual([{ n: 0 }]);
    expect(next.data.nextBefore).toBeNull();
  });
});
