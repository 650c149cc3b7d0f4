import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  appealActionsApi,
  appealsApi,
  type ContractInput,
  hotlineWorkOrdersApi,
  webhooksApi,
} from '@lianxin/common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, login, type Session } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';
import { addWebhook, integrationSession } from '../../platform/integrations/integrations.fixtures';

type WorkOrderBody = ContractInput<typeof hotlineWorkOrdersApi.submit>['body'];

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A hotline's receiver on 127.0.0.1, answering each request with the next of `statuses` (then 200). */
async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
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
    url: `http://127.0.0.1:${port}/12345/callback`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const signedBy = (secret: string, r: Received) =>
  r.headers['x-lianxin-signature'] ===
  `sha256=${createHmac('sha256', secret).update(`${r.headers['x-lianxin-timestamp']}.${r.body}`).digest('hex')}`;

let serial = 0;
/** A 12345 work order as the city's hotline system sends it. */
function workOrder(overrides: Partial<WorkOrderBody> = {}): WorkOrderBody {
  serial++;
  return {
    id: `GD2026120700${serial}`,
    hotlineCategory: '城乡建设/道路维修',
    categoryCode: 'roads_water',
    villageCode: AREAS.villageA1,
    title: '村口道路塌陷',
    description: '市民来电反映：村口主路塌陷一个大坑，雨天积水，车辆无法通行。',
    address: '关庙镇大同村村口',
    reporterName: '李女士',
    reporterPhone: '13712345678',
    dueAt: '2026-11-27T18:00:00+08:00',
    ...overrides,
  };
}

describe('12345 hotline work orders', () => {
  let w: World;
  let admin: Session;
  let hotline: Session;
  let hotlineId: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;

  const submit = (body: WorkOrderBody, session = hotline) =>
    session.call(hotlineWorkOrdersApi.submit, { body });
  const appealCount = async () => (await w.database.db.selectFrom('appeals').select('id').execute()).length;

  beforeAll(async () => {
    w = await buildWorld();
    admin = w.admin.session;
    const made = await integrationSession(w.app, admin, AREAS.townA, {
      name: '12345 市民热线',
      scopes: ['appeals.create', 'appeals.read'],
    });
    hotline = made.session;
    hotlineId = made.integration.id;
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });
  afterAll(() => w.close());

  it('takes a work order in as an appeal of channel 12345, with the hotline’s id, category and deadline', async () => {
    const body = workOrder();
    const response = await submit(body);
    expect(response.statusCode, response.response.body).toBe(201);
    expect(response.data).toMatchObject({
      id: body.id,
      categoryCode: 'roads_water',
      hotlineCategory: '城乡建设/道路维修',
      dueAt: '2026-11-27T10:00:00.000Z',
      created: true,
    });
    const appeal = (await admin.call(appealsApi.get, { params: { id: response.data.appealId } })).data;
    expect(appeal).toMatchObject({
      channel: 'hotline_12345',
      source: { kind: 'hotline_12345' },
      villageCode: AREAS.villageA1,
      trackingCode: response.data.trackingCode,
      reporterName: '李女士',
      reporterPhone: '137****5678',
      // The hotline's deadline is earlier than the category's: it is the appeal's.
      resolutionDueAt: '2026-11-27T10:00:00.000Z',
    });
    expect(appeal.responseDueAt < appeal.resolutionDueAt).toBe(true);
  });

  it('keeps the category’s deadline when the hotline’s is later, and never sets one before receipt', async () => {
    const late = await submit(workOrder({ dueAt: '2027-03-01T10:00:00.000Z' }));
    const kept = (await admin.call(appealsApi.get, { params: { id: late.data.appealId } })).data;
    expect(kept.resolutionDueAt < '2027-03-01T10:00:00.000Z').toBe(true);
    const past = await submit(workOrder({ dueAt: '2026-11-20T10:00:00.000Z' }));
    const overdue = (await admin.call(appealsApi.get, { params: { id: past.data.appealId } })).data;
    expect(overdue.resolutionDueAt).toBe(overdue.receivedAt);
    expect(overdue.responseDueAt).toBe(overdue.receivedAt);
  });

  it('answers the same id with the same appeal, and refuses the same id saying something else', async () => {
    const body = workOrder();
    const first = await submit(body);
    const before = await appealCount();
    const again = await submit(body);
    expect(again.statusCode).toBe(200);
    expect(again.data).toEqual({ ...first.data, created: false });
    expect(await appealCount()).toBe(before);
    const changed = await submit({ ...body, title: '另一件事' });
    expect(changed.statusCode).toBe(422);
    expect(changed.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Another hotline system's id may be the same string: it is its own work order.
    const other = await integrationSession(w.app, admin, AREAS.townA, { scopes: ['appeals.create'] });
    const theirs = await submit(body, other.session);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.data.appealId).not.toBe(first.data.appealId);
  });

  it('makes one appeal of a work order sent several times at once', async () => {
    const body = workOrder();
    const before = await appealCount();
    const answers = await Promise.all(Array.from({ length: 6 }, () => submit(body)));
    for (const a of answers) expect([200, 201], a.response.body).toContain(a.statusCode);
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.data.appealId)).size).toBe(1);
    expect(await appealCount()).toBe(before + 1);
  });

  it('maps the hotline’s category to ours by code or name, keeps its own beside it, refuses one it cannot map', async () => {
    const unmapped = (hotlineCategory: string) => ({
      ...workOrder(),
      categoryCode: undefined,
      hotlineCategory,
    });
    expect((await submit(unmapped('道路水利'))).data).toMatchObject({
      categoryCode: 'roads_water',
      hotlineCategory: '道路水利',
    });
    expect((await submit(unmapped('Environment and sanitation'))).data.categoryCode).toBe('environment');
    expect((await submit(unmapped('environment'))).data.categoryCode).toBe('environment');
    // Ours, when the hotline sends it, wins over its own name.
    const both = await submit({ ...workOrder(), categoryCode: 'environment', hotlineCategory: '道路水利' });
    expect(both.data.categoryCode).toBe('environment');
    const unknown = await submit(unmapped('其他/咨询类'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.error.code).toBe('APPEAL_CATEGORY_UNKNOWN');
  });

  it('refuses a village outside the hotline’s area, and writes nothing', async () => {
    const before = await appealCount();
    const outside = await submit(workOrder({ villageCode: AREAS.villageB1 }));
    expect(outside.error.code).toBe('AREA_UNKNOWN');
    expect(await appealCount()).toBe(before);
  });

  it('sends each status change to that hotline’s own webhook, signed and retried, with its id and deadline', async () => {
    receiver = await startReceiver([500]);
    const { secret } = await addWebhook(admin, hotlineId, receiver.url, ['work_order.status_changed']);
    // Another system of the same town, subscribed to the same event, hears nothing of this hotline's orders.
    const bystander = await integrationSession(w.app, admin, AREAS.townA);
    await addWebhook(admin, bystander.integration.id, `${receiver.url}/bystander`, [
      'work_order.status_changed',
    ]);

    const body = workOrder();
    const taken = (await submit(body)).data;
    const cadre = (await w.member('village_cadre', AREAS.villageA1)).session;
    const appeal = (await cadre.call(appealsApi.get, { params: { id: taken.appealId } })).data;
    const accepted = await cadre.call(appealActionsApi.accept, {
      params: { id: appeal.id },
      body: { version: appeal.version },
    });
    expect(accepted.statusCode, accepted.response.body).toBe(200);

    await w.app.ctx.jobs.drain();
    expect(receiver.received).toHaveLength(1);
    w.clock.advance(30_000);
    await w.app.ctx.jobs.drain();
    expect(receiver.received).toHaveLength(2);
    const [failed, delivered] = receiver.received;
    if (!failed || !delivered) throw new Error('not delivered twice');
    expect(delivered.headers['x-lianxin-delivery']).toBe(failed.headers['x-lianxin-delivery']);
    expect(receiver.received.every((r) => r.headers['x-lianxin-event'] === 'work_order.status_changed')).toBe(
      true,
    );
    expect(signedBy(secret, delivered)).toBe(true);
    expect(JSON.parse(delivered.body)).toMatchObject({
      event: 'work_order.status_changed',
      areaCode: AREAS.villageA1,
      data: {
        workOrderId: body.id,
        dueAt: '2026-11-27T10:00:00.000Z',
        appealId: taken.appealId,
        from: 'received',
        to: 'accepted',
      },
    });
    // Nothing personal in what leaves.
    expect(delivered.body).not.toContain('13712345678');
    expect(delivered.body).not.toContain('李女士');
    admin = await login(w.app, w.admin.username);
    const log = await admin.call(webhooksApi.deliveries, { params: { id: hotlineId }, query: {} });
    expect(log.data.items[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    const theirs = await admin.call(webhooksApi.deliveries, {
      params: { id: bystander.integration.id },
      query: {},
    });
    expect(theirs.data.items).toEqual([]);
  });

  it('takes a work order keyed in by staff, as their own, and sends no webhook for it', async () => {
    const staff = (await w.member('town_staff', AREAS.townA)).session;
    const response = await submit(workOrder({ villageCode: AREAS.villageA2 }), staff);
    expect(response.statusCode, response.response.body).toBe(201);
    const row = await w.database.db
      .selectFrom('hotline_work_orders')
      .select('integration_id')
      .where('appeal_id', '=', response.data.appealId)
      .executeTakeFirstOrThrow();
    expect(row.integration_id).toBeNull();
  });
});
