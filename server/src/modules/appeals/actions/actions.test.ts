import { appealsApi, type ContractInput, callbacksApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../../test/harness';
import type { World } from '../../../../test/world';
import { act, appealsWorld, create } from '../appeals.fixtures';

describe('appeals actions: levels, assignment, callback, deferral', () => {
  let t: World;
  let cadre: Session;
  let townHead: Session;
  let townStaff: { id: string; session: Session };
  let otherTownHead: Session;
  let siblingCadre: Session;
  let auditor: Session;
  let admin: Session;

  const get = async (id: string, session = admin) =>
    (await session.call(appealsApi.get, { params: { id } })).data;

  beforeAll(async () => {
    ({ t, cadre, townHead, townStaff, otherTownHead, siblingCadre, auditor, admin } = await appealsWorld());
  });
  afterAll(() => t.close());

  it('moves through the levels: the village escalates, the town head assigns, the town resolves', async () => {
    let appeal = await create(cadre);
    // Only the holder acts; the sibling village and the other town see nothing.
    expect((await siblingCadre.call(appealsApi.get, { params: { id: appeal.id } })).statusCode).toBe(404);
    expect((await act(otherTownHead, appeal, 'accept')).statusCode).toBe(404);
    expect((await act(auditor, appeal, 'accept')).statusCode).toBe(403);
    expect((await act(cadre, appeal, 'send_down', { reason: '下派' })).error).toMatchObject({
      code: 'APPEAL_LEVEL_BOTTOM',
    });
    const accepted = await act(cadre, appeal, 'accept');
    expect(accepted.statusCode, accepted.response.body).toBe(200);
    appeal = accepted.data;
    expect(appeal).toMatchObject({ status: 'accepted', handlerName: expect.any(String) });
    // A stale version is a conflict.
    expect((await act(cadre, { ...appeal, version: 1 }, 'start')).error).toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    appeal = (await act(cadre, appeal, 'escalate', { reason: '超出村级权限，需镇里协调施工队' })).data;
    expect(appeal).toMatchObject({ level: 'town', status: 'received', handlerId: null, maxLevel: 'town' });
    // The village still sees it, but can no longer act.
    expect((await act(cadre, appeal, 'accept')).error).toMatchObject({ code: 'APPEAL_NOT_HELD' });
    expect((await get(appeal.id, cadre)).actions).toEqual([]);
    // Town staff may not assign; the town head does, to a town account only.
    expect((await act(townStaff.session, appeal, 'assign', { handlerId: townStaff.id })).statusCode).toBe(
      403,
    );
    const villageAccount = (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('area_code', '=', AREAS.villageA2)
        .executeTakeFirstOrThrow()
    ).id;
    expect((await act(townHead, appeal, 'assign', { handlerId: villageAccount })).error).toMatchObject({
      code: 'APPEAL_HANDLER_INVALID',
    });
    const queue = await townHead.call(appealsApi.list, { query: { level: 'town', queue: 'unassigned' } });
    expect(queue.data.items.map((a) => a.id)).toContain(appeal.id);
    appeal = (await act(townHead, appeal, 'assign', { handlerId: townStaff.id })).data;
    expect(appeal.handlerId).toBe(townStaff.id);
    const mine = await townStaff.session.call(appealsApi.list, { query: { queue: 'mine' } });
    expect(mine.data.items.map((a) => a.id)).toContain(appeal.id);
    appeal = (await act(townStaff.session, appeal, 'accept')).data;
    appeal = (await act(townStaff.session, appeal, 'resolve', { resolution: '已协调施工队回填并硬化路面' }))
      .data;
    expect(appeal).toMatchObject({ status: 'resolved', resolvedLevel: 'town' });
    expect(appeal.callback).toMatchObject({ doneAt: null });
    // Illegal transitions are refused.
    expect((await act(townStaff.session, appeal, 'resolve', { resolution: '再次办结' })).error).toMatchObject(
      {
        code: 'APPEAL_STATE_INVALID',
      },
    );
    const callBack = (session: Session, body: ContractInput<typeof appealsApi.recordCallback>['body']) =>
      session.call(appealsApi.recordCallback, { params: { id: appeal.id }, body });
    // The handler may not call back; someone else in the unit does.
    const byHandler = await callBack(townStaff.session, { version: appeal.version, rating: 'satisfied' });
    expect(byHandler.error).toMatchObject({ code: 'APPEAL_CALLBACK_BY_HANDLER' });
    // The caller sees the full number only by asking, and the asking is audited.
    const phone = await townHead.call(appealsApi.revealPhone, { params: { id: appeal.id } });
    expect(phone.data).toEqual({ phone: '13812345678' });
    expect((await otherTownHead.call(appealsApi.revealPhone, { params: { id: appeal.id } })).statusCode).toBe(
      404,
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', appeal.id)
      .where('action', '=', 'appeal.reveal_phone')
      .execute();
    expect(audit).toHaveLength(1);
    const unreached = await callBack(townHead, { version: appeal.version, reached: false });
    expect(unreached.data).toMatchObject({ status: 'resolved', callback: { doneAt: null } });
    appeal = unreached.data;
    expect((await callBack(townHead, { version: appeal.version })).error).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const worklist = await townHead.call(callbacksApi.list, {});
    expect(worklist.data.items.map((c) => c.appealId)).toContain(appeal.id);
    const called = await callBack(townHead, {
      version: appeal.version,
      rating: 'basically_satisfied',
      comment: '路修好了',
    });
    expect(called.statusCode, called.response.body).toBe(200);
    expect(called.data).toMatchObject({ status: 'closed', rating: 'basically_satisfied' });
    expect(called.data.timeline.map((e) => e.kind)).toEqual([
      'submitted',
      'accept',
      'escalate',
      'assign',
      'accept',
      'resolve',
      'callback',
      'callback',
      'closed',
    ]);
  });

  it('a deferral approved by the town head keeps the appeal out of overdue until the planned day', async () => {
    let appeal = await create(cadre, { title: '灌溉渠需冬季整修' });
    appeal = (await act(cadre, appeal, 'accept')).data;
    expect(
      (await act(cadre, appeal, 'defer', { reason: '需等冬季枯水期', plannedDate: '2026-11-01' })).error,
    ).toMatchObject({
      code: 'APPEAL_DEFERRAL_DATE_INVALID',
    });
    appeal = (await act(cadre, appeal, 'defer', { reason: '需等冬季枯水期', plannedDate: '2027-01-20' }))
      .data;
    expect(appeal.deferralPending).toBe(true);
    expect((await act(cadre, appeal, 'approve_deferral')).statusCode).toBe(403);
    appeal = (await act(townHead, appeal, 'approve_deferral', { note: '同意' })).data;
    expect(appeal).toMatchObject({ status: 'deferred', deferralPending: false });
    expect(appeal.resolutionDueAt.startsWith('2027-01-20')).toBe(true);
  });
});
