import { appealsApi, notificationsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../../test/harness';
import type { World } from '../../../../test/world';
import { act, appealsWorld, create, HOUR, type IntakeBody, staffBody } from '../appeals.fixtures';

describe('appeals intake: levels and deadlines, refusals, retries, similar appeals', () => {
  let t: World;
  let cadre: Session;
  let admin: Session;

  beforeAll(async () => {
    ({ t, cadre, admin } = await appealsWorld());
  });
  afterAll(() => t.close());

  it('takes in an appeal at its category’s level with deadlines, a timeline and a notice', async () => {
    const appeal = await create(cadre);
    expect(appeal).toMatchObject({
      status: 'received',
      level: 'village',
      holderAreaCode: AREAS.villageA1,
      urgency: 'normal',
      reporterPhone: '138****5678',
      overdue: false,
    });
    expect(appeal.trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(new Date(appeal.responseDueAt).getTime() - new Date(appeal.receivedAt).getTime()).toBe(24 * HOUR);
    expect(new Date(appeal.resolutionDueAt).getTime() - new Date(appeal.receivedAt).getTime()).toBe(
      7 * 24 * HOUR,
    );
    expect(appeal.timeline.map((e) => e.kind)).toEqual(['submitted']);
    expect(appeal.actions).toEqual(expect.arrayContaining(['accept', 'escalate', 'return', 'resolve']));
    const wage = await create(cadre, { categoryCode: 'wage_dispute', urgency: 'urgent' });
    expect(wage).toMatchObject({ level: 'town', holderAreaCode: AREAS.townA });
    expect(new Date(wage.resolutionDueAt).getTime() - new Date(wage.receivedAt).getTime()).toBe(24 * HOUR);
    const notices = await admin.call(notificationsApi.list, { query: { appealId: wage.id } });
    expect(notices.data).toMatchObject({ items: [{ kind: 'appeal.new', areaCode: AREAS.townA }] });
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const count = async () =>
      (await admin.call(appealsApi.list, { query: { limit: 200 } })).data.items.length;
    const before = await count();
    const cases: [Partial<IntakeBody>, string][] = [
      [{ categoryCode: 'no_such' }, 'APPEAL_CATEGORY_UNKNOWN'],
      [{ villageCode: AREAS.villageB1 }, 'AREA_UNKNOWN'],
      [{ reporterPhone: '12345' }, 'VALIDATION_FAILED'],
      [{ description: 'x'.repeat(4001) }, 'VALIDATION_FAILED'],
      [{ reporterKind: 'person', reporterName: null }, 'VALIDATION_FAILED'],
    ];
    for (const [overrides, code] of cases) {
      const response = await cadre.call(appealsApi.create, { body: staffBody(overrides) });
      expect(response.error, JSON.stringify(overrides)).toMatchObject({ code });
    }
    // A field the contract does not know: sent as it is.
    const extra = await cadre.request('POST', '/api/v1/appeals', { ...staffBody(), extra: 1 });
    expect(extra.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await count()).toBe(before);
  });

  it('counts a retried submission once (client id or Idempotency-Key)', async () => {
    const headers = { 'idempotency-key': 'visit-sync-0001' };
    const first = await cadre.call(appealsApi.create, { body: staffBody({ title: '重试一次' }) }, headers);
    const again = await cadre.call(appealsApi.create, { body: staffBody({ title: '重试一次' }) }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.data.id).toBe(first.data.id);
    const reused = await cadre.call(appealsApi.create, { body: staffBody({ title: '另一件事' }) }, headers);
    expect(reused.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    // A key too short to be one is refused like any malformed request.
    const short = await cadre.call(appealsApi.create, { body: staffBody() }, { 'idempotency-key': 'abc' });
    expect(short.error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('suggests similar open appeals and merges a duplicate into the original', async () => {
    const original = await create(cadre, {
      title: '三组饮水管道破裂',
      description: '三组饮水管道破裂，全组停水两天了',
    });
    const similar = await cadre.call(appealsApi.listSimilar, {
      query: { villageCode: AREAS.villageA1, categoryCode: 'roads_water', text: '三组的饮水管道破裂停水' },
    });
    expect(similar.statusCode, similar.response.body).toBe(200);
    expect(similar.data[0]).toMatchObject({ id: original.id });
    const duplicate = await create(cadre, { title: '停水', description: '三组饮水管道破了，停水' });
    const merged = await act(cadre, duplicate, 'merge', { intoId: original.id });
    expect(merged.data).toMatchObject({ status: 'merged', mergedIntoId: original.id });
  });
});
