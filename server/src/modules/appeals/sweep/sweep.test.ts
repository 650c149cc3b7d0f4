import { appealsApi, notificationsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session, signInAs } from '../../../../test/harness';
import type { World } from '../../../../test/world';
import { deliverDue } from '../../../platform/notifications/notifications.service';
import { appealsWorld, create, HOUR } from '../appeals.fixtures';
import { sweepAppeals } from '../sweep/sweep';

describe('the overdue sweep', () => {
  let t: World;
  let cadre: Session;
  let townHead: Session;
  let admin: Session;

  const get = async (id: string, session = admin) =>
    (await session.call(appealsApi.get, { params: { id } })).data;

  beforeAll(async () => {
    ({ t, cadre, townHead, admin } = await appealsWorld());
  });
  afterAll(() => t.close());

  // Last: it moves the clock a day on, past every session.
  it('escalates overdue appeals automatically, once, and warns before deadlines pass', async () => {
    const appeal = await create(cadre, { urgency: 'urgent', title: '老人独居断电' });
    t.clock.advance(20 * HOUR);
    admin = await signInAs(t, 'district_admin', AREAS.district);
    const warned = await sweepAppeals(t.database.db, t.clock);
    expect(warned.warned).toBeGreaterThanOrEqual(2);
    expect((await get(appeal.id)).timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['warn_response', 'warn_resolution']),
    );
    t.clock.advance(5 * HOUR);
    // A day has passed: sign in anew.
    admin = await signInAs(t, 'district_admin', AREAS.district);
    townHead = await signInAs(t, 'town_head', AREAS.townA);
    const first = await sweepAppeals(t.database.db, t.clock);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const again = await sweepAppeals(t.database.db, t.clock);
    expect(again.escalated).toBe(0);
    const after = await get(appeal.id);
    expect(after).toMatchObject({ level: 'town', holderAreaCode: AREAS.townA, overdue: false });
    expect(after.timeline.filter((e) => e.kind === 'auto_escalate')).toHaveLength(1);
    const notices = await townHead.call(notificationsApi.list, {});
    expect(notices.data.items.some((n) => n.kind === 'appeal.escalated')).toBe(true);
    // The log driver marks the outbox sent.
    const sent = await deliverDue(t.database.db, t.clock, async () => undefined);
    expect(sent).toBeGreaterThan(0);
    const pending = await admin.call(notificationsApi.list, { query: { status: 'pending' } });
    expect(pending.data.items).toEqual([]);
  });
});
