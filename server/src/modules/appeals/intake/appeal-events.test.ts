import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../../test/harness';
import { buildWorld, type World } from '../../../../test/world';
import { addWebhook, buildIntegration } from '../../../platform/integrations/integrations.fixtures';
import { act, create } from '../appeals.fixtures';

describe('appeals tell subscribed integrations what happened', () => {
  let world: World;
  const deliveries = () =>
    world.database.db
      .selectFrom('webhook_deliveries')
      .select(['event', 'area_code', 'payload'])
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    world = await buildWorld();
    const hotline = await buildIntegration(world.admin.session, AREAS.townA, { name: '12345 热线' });
    // The receiver is never reached here: the deliveries are what the test reads.
    await addWebhook(world.admin.session, hotline.id, 'http://127.0.0.1:9/hook', [
      'appeal.created',
      'appeal.status_changed',
    ]);
  });
  afterAll(() => world.close());

  it('an appeal of the integration’s area is announced when taken in and when its status changes, without personal data', async () => {
    const appeal = await create(world.admin.session, { villageCode: AREAS.villageA1 });
    await create(world.admin.session, { villageCode: AREAS.villageB1 });
    const accepted = await act(world.admin.session, appeal, 'accept');
    expect(accepted.statusCode, accepted.response.body).toBe(200);

    const rows = await deliveries();
    expect(rows.map((r) => [r.event, r.area_code])).toEqual([
      ['appeal.created', AREAS.villageA1],
      ['appeal.status_changed', AREAS.villageA1],
    ]);
    expect(JSON.parse(rows[0]?.payload ?? '{}')).toMatchObject({
      appealId: appeal.id,
      trackingCode: appeal.trackingCode,
      status: 'received',
    });
    expect(JSON.parse(rows[1]?.payload ?? '{}')).toMatchObject({
      appealId: appeal.id,
      from: 'received',
      to: 'accepted',
    });
    const text = rows.map((r) => r.payload).join();
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('王大爷');
  });
});
