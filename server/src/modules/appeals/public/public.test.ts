import {
  type AnyContract,
  appealAttachmentsApi,
  appealsApi,
  type ContractInput,
  publicAppealsApi,
  publicVillagesApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithExif } from '../../../../test/files.fixtures';
import { AREAS, anonymous, type Session } from '../../../../test/harness';
import type { World } from '../../../../test/world';
import { act, appealsWorld } from '../appeals.fixtures';

describe('appeals on the residents’ public page', () => {
  let t: World;
  let cadre: Session;
  let admin: Session;

  const get = async (id: string, session = admin) =>
    (await session.call(appealsApi.get, { params: { id } })).data;
  // The public page's limits count per client address: the test app trusts X-Forwarded-For for it.
  const publicCall = <C extends AnyContract>(contract: C, input: ContractInput<C>, ip = '10.0.0.1') =>
    anonymous(t.app).call(contract, input, { 'x-forwarded-for': ip });

  beforeAll(async () => {
    ({ t, cadre, admin } = await appealsWorld());
  });
  afterAll(() => t.close());

  it('lets a resident submit, track with code and phone digits, and rate on the public page', async () => {
    const villages = await anonymous(t.app).call(publicVillagesApi.list, {});
    expect(villages.data.length).toBeGreaterThan(0);
    const submitted = await publicCall(publicAppealsApi.create, {
      body: {
        villageCode: AREAS.villageA1,
        categoryCode: 'environment',
        title: '垃圾堆放',
        description: '村委会旁边垃圾堆放多日无人清运',
        phone: '13900001111',
        photo: { contentType: 'image/jpeg', data: jpegWithExif().toString('base64') },
      },
    });
    expect(submitted.statusCode, submitted.response.body).toBe(201);
    const { trackingCode } = submitted.data;
    const track = (phoneLast4: string, code = trackingCode) =>
      publicCall(publicAppealsApi.track, { body: { trackingCode: code, phoneLast4 } });
    const wrong = await track('0000');
    expect(wrong.error).toMatchObject({ code: 'APPEAL_TRACKING_FAILED' });
    const wrongCode = await track('1111', 'AAAAAAAAAA');
    expect(wrongCode.error.message).toBe(wrong.error.message);
    const tracked = await track('1111');
    expect(tracked.statusCode, tracked.response.body).toBe(200);
    expect(tracked.data).toMatchObject({ status: 'received', canRate: false });
    expect(tracked.response.body).not.toContain('handler');
    // Staff resolve it; the resident is unsatisfied, so it reopens; then satisfied closes it.
    const [item] = (await cadre.call(appealsApi.list, { query: { q: trackingCode } })).data.items;
    if (!item) throw new Error('submitted appeal not in the queue');
    const [photo] = (await get(item.id, cadre)).attachments;
    if (!photo) throw new Error('the photo was not kept');
    const stored = await cadre.call(appealAttachmentsApi.get, {
      params: { id: item.id, attachmentId: photo.id },
    });
    expect(stored.response.rawPayload.toString('latin1')).not.toContain('GPS');
    let appeal = (await act(cadre, item, 'accept')).data;
    appeal = (await act(cadre, appeal, 'resolve', { resolution: '已清运' })).data;
    const rate = (
      body: Omit<ContractInput<typeof publicAppealsApi.rate>['body'], 'trackingCode' | 'phoneLast4'>,
    ) => publicCall(publicAppealsApi.rate, { body: { trackingCode, phoneLast4: '1111', ...body } });
    const unhappy = await rate({ rating: 'unsatisfied', comment: '还有一堆没运走' });
    expect(unhappy.data).toMatchObject({ status: 'reopened' });
    expect((await rate({ rating: 'satisfied' })).error).toMatchObject({ code: 'APPEAL_ALREADY_RATED' });
    appeal = await get(appeal.id, cadre);
    appeal = (await act(cadre, appeal, 'resolve', { resolution: '已全部清运' })).data;
    const happy = await rate({ rating: 'satisfied' });
    expect(happy.data).toMatchObject({ status: 'closed', rating: 'satisfied', canRate: false });
    const kinds = happy.data.timeline.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['submitted', 'accept', 'resolve', 'rated', 'reopened', 'closed']),
    );
  });

  it('limits the public page per address and refuses robots', async () => {
    const body = (phone: string): ContractInput<typeof publicAppealsApi.create>['body'] => ({
      villageCode: AREAS.villageA2,
      categoryCode: 'other',
      title: '咨询',
      description: '咨询政策',
      phone,
    });
    const submit = (fields: ContractInput<typeof publicAppealsApi.create>['body'], ip: string) =>
      publicCall(publicAppealsApi.create, { body: fields }, ip);
    expect(
      (await submit({ ...body('13900002222'), website: 'http://spam' }, '10.0.0.9')).error,
    ).toMatchObject({
      code: 'PUBLIC_SUBMISSION_REFUSED',
    });
    // A retried submission (same client id) gets its code back; another phone cannot claim the id.
    const id = '0190f0a0-0000-7000-8000-000000000001';
    const first = await submit({ ...body('13900004444'), id }, '10.0.4.1');
    const retry = await submit({ ...body('13900004444'), id }, '10.0.4.1');
    expect(retry.data.trackingCode).toBe(first.data.trackingCode);
    expect((await submit({ ...body('13900005555'), id }, '10.0.4.2')).error).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    for (let i = 0; i < t.config.publicLimits.perPhonePerDay; i++) {
      expect((await submit(body('13900003333'), `10.0.1.${i}`)).statusCode).toBe(201);
    }
    expect((await submit(body('13900003333'), '10.0.2.1')).statusCode).toBe(429);
    const track = { trackingCode: 'BBBBBBBBBB', phoneLast4: '1234' };
    for (let i = 0; i < t.config.publicLimits.trackFailuresPerIp; i++) {
      await publicCall(publicAppealsApi.track, { body: track }, '10.0.3.1');
    }
    const blocked = await publicCall(publicAppealsApi.track, { body: track }, '10.0.3.1');
    expect(blocked.statusCode).toBe(429);
  });

  it('counts the per-phone and per-address limits atomically under concurrent submissions', async () => {
    const body = (phone: string): ContractInput<typeof publicAppealsApi.create>['body'] => ({
      villageCode: AREAS.villageA2,
      categoryCode: 'other',
      title: '同时提交',
      description: '同一时刻提交的诉求',
      phone,
    });
    const { perPhonePerDay, perIpPerHour } = t.config.publicLimits;
    // One phone from as many addresses as there are tries, all at once.
    const byPhone = await Promise.all(
      Array.from({ length: perPhonePerDay + 7 }, (_, i) =>
        publicCall(publicAppealsApi.create, { body: body('13900006666') }, `10.0.6.${i}`),
      ),
    );
    const phoneCodes = byPhone.map((r) => r.statusCode);
    expect(phoneCodes.filter((c) => c === 201)).toHaveLength(perPhonePerDay);
    expect(phoneCodes.filter((c) => c === 429)).toHaveLength(7);
    // One address with a different phone each time, all at once.
    const byIp = await Promise.all(
      Array.from({ length: perIpPerHour + 5 }, (_, i) =>
        publicCall(
          publicAppealsApi.create,
          { body: body(`1390007${String(i).padStart(4, '0')}`) },
          '10.0.7.1',
        ),
      ),
    );
    const ipCodes = byIp.map((r) => r.statusCode);
    expect(ipCodes.filter((c) => c === 201)).toHaveLength(perIpPerHour);
    expect(ipCodes.filter((c) => c === 429)).toHaveLength(5);
    // Exactly the accepted ones were stored.
    const stored = await admin.call(appealsApi.list, { query: { q: '同时提交', withTotal: 'true' } });
    expect(stored.data.total).toBe(perPhonePerDay + perIpPerHour);
  });
});
