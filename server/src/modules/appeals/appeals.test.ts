import {
  type AnyContract,
  type AppealAction,
  type AppealActionBodies,
  appealActionsApi,
  appealAttachmentsApi,
  appealsApi,
  type ContractInput,
  callbacksApi,
  mediationsApi,
  notificationsApi,
  publicAppealsApi,
  publicVillagesApi,
  screeningsApi,
  sessionApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { jpegWithExif } from '../../../test/files.fixtures';
import { AREAS, anonymous, type Session, signInAs } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';
import { deliverDue } from '../../platform/notifications/notifications.service';
import { sweepAppeals } from './sweep/sweep';

const HOUR = 3_600_000;

type IntakeBody = ContractInput<typeof appealsApi.create>['body'];
/** What an action sends besides the version it read, whichever action it is. */
type ActionFields = {
  [A in AppealAction]: Omit<z.input<(typeof AppealActionBodies)[A]>, 'version'>;
}[AppealAction];

function staffBody(overrides: Partial<IntakeBody> = {}): IntakeBody {
  return {
    channel: 'hotline',
    categoryCode: 'roads_water',
    villageCode: AREAS.villageA1,
    title: '村口道路塌陷',
    description: '村口主路塌陷一个大坑，雨天积水，车辆无法通行，请尽快修复。',
    reporterKind: 'person',
    reporterName: '王大爷',
    reporterPhone: '13812345678',
    ...overrides,
  };
}

describe('appeals: intake, levels, callback and the public page', () => {
  let t: World;
  let cadre: Session;
  let townHead: Session;
  let townStaff: { id: string; session: Session };
  let otherTownHead: Session;
  let admin: Session;
  let siblingCadre: Session;
  let auditor: Session;

  const create = async (session: Session, overrides: Partial<IntakeBody> = {}) => {
    const response = await session.call(appealsApi.create, { body: staffBody(overrides) });
    expect(response.statusCode, response.response.body).toBe(201);
    return response.data;
  };
  const act = async (
    session: Session,
    appeal: { id: string; version: number },
    action: AppealAction,
    fields: ActionFields = {},
  ) =>
    session.call(appealActionsApi[action], {
      params: { id: appeal.id },
      body: { version: appeal.version, ...fields },
    });
  const get = async (id: string, session = admin) =>
    (await session.call(appealsApi.get, { params: { id } })).data;
  // The public page's limits count per client address: the test app trusts X-Forwarded-For for it.
  const publicCall = <C extends AnyContract>(contract: C, input: ContractInput<C>, ip = '10.0.0.1') =>
    anonymous(t.app).call(contract, input, { 'x-forwarded-for': ip });

  beforeAll(async () => {
    t = await buildWorld({ trustProxy: true });
    cadre = (await t.member('village_cadre', AREAS.villageA1)).session;
    siblingCadre = (await t.member('village_cadre', AREAS.villageA2)).session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
    townStaff = await t.member('town_staff', AREAS.townA);
    otherTownHead = (await t.member('town_head', AREAS.townB)).session;
    admin = t.admin.session;
    auditor = (await t.member('auditor', AREAS.district)).session;
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

  it('keeps photos and documents without their location data, within the caller’s area', async () => {
    const appeal = await create(cadre, { title: '危房照片' });
    // The raw file as the body, with its own content type (also the wrong ones).
    const upload = (session: Session, body: Buffer, type: string, id = appeal.id) =>
      session.request(
        'POST',
        `/api/v1/appeals/${id}/attachments?fileName=${encodeURIComponent('房屋.jpg')}`,
        body,
        {
          'content-type': type,
        },
      );
    const added = await upload(cadre, jpegWithExif(), 'image/jpeg');
    expect(added.statusCode, added.body).toBe(201);
    const { id } = appealAttachmentsApi.create.response.parse(added.json());
    const file = await cadre.call(appealAttachmentsApi.get, { params: { id: appeal.id, attachmentId: id } });
    expect(file.response.headers['content-type']).toBe('image/jpeg');
    expect(file.response.rawPayload.toString('latin1')).not.toContain('GPS');
    expect((await get(appeal.id, cadre)).attachments).toMatchObject([
      { fileName: '房屋.jpg', contentType: 'image/jpeg' },
    ]);
    expect(
      (await siblingCadre.call(appealAttachmentsApi.get, { params: { id: appeal.id, attachmentId: id } }))
        .statusCode,
    ).toBe(404);
    expect((await upload(siblingCadre, jpegWithExif(), 'image/jpeg')).statusCode).toBe(404);
    expect((await upload(cadre, Buffer.from('<script>'), 'image/png')).json()).toMatchObject({
      error: { code: 'ATTACHMENT_TYPE_INVALID' },
    });
    expect((await upload(cadre, Buffer.from('MZ'), 'application/x-msdownload')).statusCode).toBe(415);
    expect((await upload(cadre, Buffer.alloc(6 * 1024 * 1024, 1), 'image/jpeg')).statusCode).toBe(413);
  });

  it('records a mediation: sessions, then an agreement resolves the dispute', async () => {
    const dispute = await create(cadre, { categoryCode: 'neighbour_dispute', title: '宅基地边界纠纷' });
    const cadreId = (await cadre.call(sessionApi.get, {})).data.user.id;
    const opened = await cadre.call(mediationsApi.create, {
      body: { appealId: dispute.id, parties: [{ name: '张三' }, { name: '李四' }], mediatorIds: [cadreId] },
    });
    expect(opened.statusCode, opened.response.body).toBe(201);
    let mediation = opened.data;
    expect(
      (
        await cadre.call(mediationsApi.create, {
          body: { appealId: dispute.id, parties: [{ name: 'a' }, { name: 'b' }], mediatorIds: [cadreId] },
        })
      ).error,
    ).toMatchObject({ code: 'MEDIATION_EXISTS' });
    mediation = (
      await cadre.call(mediationsApi.addSession, {
        params: { id: mediation.id },
        body: { version: mediation.version, date: '2026-11-22', notes: '双方到场，各自陈述' },
      })
    ).data;
    expect(mediation.sessions).toHaveLength(1);
    const done = await cadre.call(mediationsApi.recordOutcome, {
      params: { id: mediation.id },
      body: { version: mediation.version, outcome: 'agreement', agreement: '以老界桩为准，双方各退半米' },
    });
    expect(done.statusCode, done.response.body).toBe(200);
    expect(await get(dispute.id)).toMatchObject({ status: 'resolved', mediationId: mediation.id });
    const byAppeal = await cadre.call(mediationsApi.list, { query: { appealId: dispute.id } });
    expect(byAppeal.data.items.map((m) => m.id)).toEqual([mediation.id]);
    const mediators = (await cadre.call(appealsApi.listMediators, { params: { id: dispute.id } })).data;
    expect(new Set(mediators.map((m) => m.areaCode))).toEqual(
      new Set([AREAS.villageA1, AREAS.townA, AREAS.district]),
    );
    const screening = await cadre.call(screeningsApi.create, {
      body: {
        villageCode: AREAS.villageA1,
        date: '2026-11-22',
        disputes: [
          {
            categoryCode: 'neighbour_dispute',
            title: '排水沟纠纷',
            description: '两户因排水沟走向争执',
            parties: [{ name: '赵五' }, { name: '钱六' }],
          },
          { categoryCode: 'wage_dispute', title: '工钱拖欠', description: '包工头拖欠工钱' },
        ],
      },
    });
    expect(screening.statusCode, screening.response.body).toBe(201);
    expect(screening.data.appealIds).toHaveLength(2);
    // The screening opened a second mediation in the village; the filter by appeal still finds one.
    const again = await cadre.call(mediationsApi.list, { query: { appealId: dispute.id } });
    expect(again.data.items.map((m) => m.id)).toEqual([mediation.id]);
  });

  it('counts the rates by their definitions; a period without appeals has no data, not 0%', async () => {
    const stats = (await admin.call(appealsApi.getStats, { query: { from: '2026-11-01', to: '2026-12-31' } }))
      .data;
    const rows = await t.database.db
      .selectFrom('appeals')
      .selectAll()
      .where('status', '!=', 'merged')
      .execute();
    const resolved = rows.filter((r) => r.resolved_at !== null);
    expect(stats.received).toBe(rows.length);
    expect(stats.resolutionRate).toMatchObject({ numerator: resolved.length, denominator: rows.length });
    const rated = rows.filter((r) => r.rating !== null);
    expect(stats.satisfactionRate.denominator).toBe(rated.length);
    expect(stats.satisfactionRate.numerator).toBe(rated.filter((r) => r.rating !== 'unsatisfied').length);
    const empty = (await admin.call(appealsApi.getStats, { query: { from: '2020-01-01', to: '2020-01-31' } }))
      .data;
    expect(empty.responseRate.value).toBeNull();
    const town = await otherTownHead.call(appealsApi.getStats, {
      query: { from: '2026-11-01', to: '2026-12-31', areaCode: AREAS.townA },
    });
    expect(town.error).toMatchObject({ code: 'AREA_UNKNOWN' });
  });
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
