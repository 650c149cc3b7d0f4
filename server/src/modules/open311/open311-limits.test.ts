import { publicAppealsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';
import { integrationSession } from '../../platform/integrations/integrations.fixtures';
import { type Fields, open311Post } from './open311.fixtures';

// An Open311 client takes in residents' reports as the residents' page does: under its limits.

describe('Open311 requests under the public submission’s limits', () => {
  let w: World;
  let key: string;
  let serial = 0;
  const nextPhone = () => `1370000${String(1000 + serial++).padStart(4, '0')}`;
  const request = (fields: Fields) =>
    open311Post(w.app, 'requests.json', {
      api_key: key,
      service_code: 'roads_water',
      'attribute[village]': AREAS.villageA1,
      address_string: '大同村村口',
      description: '村口主路塌了一个大坑',
      phone: nextPhone(),
      device_id: `device-${serial}`,
      ...fields,
    });
  const storedFor = async (phone: string) =>
    (
      await w.database.db
        .selectFrom('appeals')
        .select('id')
        .where('reporter_phone_hash', '=', w.app.ctx.secrets.lookupHash(phone))
        .execute()
    ).length;

  beforeAll(async () => {
    w = await buildWorld();
    key = (await integrationSession(w.app, w.admin.session, AREAS.district)).key.secret;
  });
  afterAll(() => w.close());

  it('counts a phone’s requests per day together with the public page’s, and lets it in again the next day', async () => {
    const phone = nextPhone();
    const perDay = w.config.publicLimits.perPhonePerDay;
    const resident = await anonymous(w.app).call(publicAppealsApi.create, {
      body: {
        villageCode: AREAS.villageA1,
        categoryCode: 'environment',
        title: '垃圾堆放',
        description: '村委会旁边垃圾堆放多日无人清运',
        phone,
      },
    });
    expect(resident.statusCode, resident.response.body).toBe(201);
    for (let i = 1; i < perDay; i++) expect((await request({ phone })).statusCode).toBe(201);
    const over = await request({ phone });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toEqual([{ code: 429, description: expect.any(String) }]);
    w.clock.advance(24 * 3_600_000 + 60_000);
    expect((await request({ phone })).statusCode).toBe(201);
  });

  it('holds one device of a client to the limit per address per hour, not its other devices', async () => {
    const perHour = w.config.publicLimits.perIpPerHour;
    for (let i = 0; i < perHour; i++) expect((await request({ device_id: 'busy' })).statusCode).toBe(201);
    expect((await request({ device_id: 'busy' })).statusCode).toBe(429);
    expect((await request({ device_id: 'quiet' })).statusCode).toBe(201);
  });

  it('stores no more than the limit of one phone’s requests sent all at once', async () => {
    const phone = nextPhone();
    const perDay = w.config.publicLimits.perPhonePerDay;
    const answers = await Promise.all(
      Array.from({ length: perDay + 4 }, (_, i) => request({ phone, device_id: `burst-${i}` })),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(perDay);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    expect(await storedFor(phone)).toBe(perDay);
  });

  it('gives the place back when a request is not stored', async () => {
    const phone = nextPhone();
    const perDay = w.config.publicLimits.perPhonePerDay;
    for (let i = 0; i < perDay; i++) {
      const refused = await request({ phone, service_code: 'no_such_service' });
      expect(refused.statusCode).toBe(404);
      const outside = await request({ phone, 'attribute[village]': '610999001001' });
      expect(outside.statusCode).toBe(400);
    }
    for (let i = 0; i < perDay; i++) expect((await request({ phone })).statusCode).toBe(201);
    expect(await storedFor(phone)).toBe(perDay);
  });
});
