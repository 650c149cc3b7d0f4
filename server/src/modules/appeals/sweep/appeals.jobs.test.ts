import { createServer, type IncomingMessage } from 'node:http';
import {
  type Appeal,
  type AppealAction,
  type AppealActionBodies,
  appealActionsApi,
  appealsApi,
  type ContractInput,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AREAS, type Session } from '../../../../test/harness';
import { buildWorld, type World } from '../../../../test/world';
import { buildApp } from '../../../app';
import { deliverDue, webhookDriver } from '../../../platform/notifications/notifications.service';
import { sweepAppeals } from './sweep';

const DAY = 24 * 3_600_000;

/** What an action sends besides the version it read, whichever action it is. */
type ActionFields = {
  [A in AppealAction]: Omit<z.input<(typeof AppealActionBodies)[A]>, 'version'>;
}[AppealAction];
type CallbackFields = Omit<ContractInput<typeof appealsApi.recordCallback>['body'], 'version'>;

describe('appeals: reopening, callback reminders and notification delivery', () => {
  let t: World;
  let cadre: Session;
  let townHead: Session;

  const create = async (title: string) => {
    const response = await cadre.call(appealsApi.create, {
      body: {
        channel: 'visit',
        categoryCode: 'roads_water',
        villageCode: AREAS.villageA1,
        title,
        description: `${title}，请尽快处理`,
        reporterKind: 'person',
        reporterName: '刘婶',
        reporterPhone: '13700002222',
      },
    });
    expect(response.statusCode, response.response.body).toBe(201);
    return response.data;
  };
  const act = async (session: Session, appeal: Appeal, action: AppealAction, fields: ActionFields = {}) => {
    const response = await session.call(appealActionsApi[action], {
      params: { id: appeal.id },
      body: { version: appeal.version, ...fields },
    });
    expect(response.statusCode, response.response.body).toBe(200);
    return response.data;
  };
  const callBack = async (appeal: Appeal, fields: CallbackFields) => {
    const response = await townHead.call(appealsApi.recordCallback, {
      params: { id: appeal.id },
      body: { version: appeal.version, ...fields },
    });
    expect(response.statusCode, response.response.body).toBe(200);
    return response.data;
  };

  beforeAll(async () => {
    t = await buildWorld();
    cadre = (await t.member('village_cadre', AREAS.villageA1)).session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
  });
  afterAll(() => t.close());

  it('reopens on an unsatisfied callback, and the second unsatisfied one sends the appeal to the town', async () => {
    let appeal = await create('排水沟堵塞');
    appeal = await act(cadre, appeal, 'resolve', { resolution: '已疏通' });
    appeal = await callBack(appeal, { rating: 'unsatisfied', comment: '还是堵' });
    expect(appeal).toMatchObject({ status: 'reopened', reopenCount: 1, level: 'village', resolvedAt: null });
    appeal = await act(cadre, appeal, 'resolve', { resolution: '重新清淤并加盖' });
    appeal = await callBack(appeal, { rating: 'unsatisfied', comment: '仍未解决' });
    expect(appeal).toMatchObject({
      status: 'reopened',
      reopenCount: 2,
      level: 'town',
      holderAreaCode: AREAS.townA,
    });
    expect(appeal.timeline.filter((e) => e.kind === 'reopened').map((e) => e.toLevel)).toEqual([
      null,
      'town',
    ]);
  });

  it('an unreached resident leaves the callback open; an overdue callback is reminded once', async () => {
    let appeal = await create('路灯不亮');
    appeal = await act(cadre, appeal, 'resolve', { resolution: '已更换灯泡' });
    appeal = await callBack(appeal, {
      rating: 'satisfied',
      reached: false,
      comment: '电话无人接',
    });
    expect(appeal).toMatchObject({ status: 'resolved', callback: { doneAt: null } });
    t.clock.advance(4 * DAY);
    const first = await sweepAppeals(t.database.db, t.clock);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await sweepAppeals(t.database.db, t.clock)).reminded).toBe(0);
    const reminders = await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'area_code'])
      .where('kind', '=', 'callback.overdue')
      .execute();
    expect(reminders).toContainEqual({ kind: 'callback.overdue', area_code: AREAS.villageA1 });
  });

  it('the durable sweep job escalates an overdue appeal once, also when a restarted instance runs it again', async () => {
    cadre = (await t.member('village_cadre', AREAS.villageA1)).session;
    let appeal = await create('桥面破损');
    appeal = await act(cadre, appeal, 'accept');
    t.clock.advance(8 * DAY);
    await t.app.ctx.jobs.enqueue({ kind: 'appeals.sweep', payload: {} });
    await t.app.ctx.jobs.drain();
    // A second instance on the same database (a restart, or another server) runs the sweep too.
    const restarted = await buildApp({
      database: t.database,
      config: t.config,
      clock: t.clock,
      logger: false,
      webDist: '/nonexistent',
    });
    await restarted.ready();
    await restarted.ctx.jobs.enqueue({ kind: 'appeals.sweep', payload: {} });
    await restarted.ctx.jobs.drain();
    await restarted.close();
    const events = await t.database.db
      .selectFrom('appeal_events')
      .select(['kind', 'to_level'])
      .where('appeal_id', '=', appeal.id)
      .where('kind', '=', 'auto_escalate')
      .execute();
    expect(events).toEqual([{ kind: 'auto_escalate', to_level: 'town' }]);
    // At the district there is no level above: escalating by hand is refused.
    const admin = (await t.member('district_admin', AREAS.district)).session;
    let top = (await admin.call(appealsApi.get, { params: { id: appeal.id } })).data;
    top = await act(admin, top, 'escalate', { reason: '镇里协调不了' });
    expect(top.level).toBe('district');
    const again = await admin.call(appealActionsApi.escalate, {
      params: { id: top.id },
      body: { version: top.version, reason: '再上报' },
    });
    expect(again.error).toMatchObject({ code: 'APPEAL_LEVEL_TOP' });
  });

  it('delivers the outbox to a webhook with the resident’s phone, and retries a failing one with backoff', async () => {
    const received: { body: Record<string, unknown> }[] = [];
    let fail = true;
    const server = createServer((request: IncomingMessage, response) => {
      let text = '';
      request.on('data', (c) => {
        text += c;
      });
      request.on('end', () => {
        if (fail) {
          response.writeHead(503).end();
          return;
        }
        received.push({ body: JSON.parse(text) as Record<string, unknown> });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/sms`;
    try {
      const deliver = webhookDriver(url, t.app.ctx.secrets);
      await deliverDue(t.database.db, t.clock, deliver);
      const failed = await t.database.db
        .selectFrom('notifications')
        .select(['status', 'attempts', 'last_error'])
        .where('status', '=', 'pending')
        .execute();
      expect(failed.length).toBeGreaterThan(0);
      expect(failed[0]).toMatchObject({ attempts: 1, last_error: 'webhook answered 503' });
      // Not retried before its backoff has passed; then delivered.
      fail = false;
      expect(await deliverDue(t.database.db, t.clock, deliver)).toBe(0);
      t.clock.advance(60_000);
      await deliverDue(t.database.db, t.clock, deliver);
      const resolved = received.find((r) => r.body.kind === 'appeal.resolved');
      expect(resolved?.body).toMatchObject({ phone: '13700002222' });
      const left = await t.database.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      expect(Number(left.n)).toBe(0);
    } finally {
      server.close();
    }
  });
});
