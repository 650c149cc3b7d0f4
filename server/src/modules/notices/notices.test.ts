import {
  type AnyContract,
  appealsApi,
  type ContractInput,
  type NoticeCreateBody,
  noticeCommentsApi,
  noticesApi,
  publicNoticesApi,
  villagePageApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, anonymous, login } from '../../../test/harness';
import { buildWorld, type Member, type World } from '../../../test/world';
import { signProof } from '../../platform/verification/proof';
import { countNoticesAwaitingClose } from './notices.repository';

describe('public notices (公示): periods, objections, closing and reach', () => {
  let t: World;
  let cadre: Member;
  let sibling: Member;
  let town: Member;

  /** Moves the test clock to an instant (forwards or back), signing everyone in again at that time. */
  const at = async (iso: string) => {
    t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
    for (const member of [cadre, sibling, town, t.admin])
      member.session = await login(t.app, member.username);
  };
  const proof = (phone: string) =>
    signProof(t.app.ctx.secrets, {
      phone,
      purpose: 'notice_comment',
      expiresAt: new Date(t.clock.now().getTime() + 30 * 60_000),
    });
  // The public page's limits count per client address: the test app trusts X-Forwarded-For for it.
  const publicCall = <C extends AnyContract>(contract: C, input: ContractInput<C>, ip = '10.0.0.1') =>
    anonymous(t.app).call(contract, input, { 'x-forwarded-for': ip });

  const draft = (body: Partial<NoticeCreateBody> = {}) =>
    cadre.session.call(noticesApi.create, {
      body: {
        kind: 'project',
        title: '关于村道硬化项目的公示',
        body: '经村民代表会议决定，对二组至三组村道进行硬化。',
        areaCode: AREAS.villageA1,
        ...body,
      },
    });
  const published = async (body: Partial<NoticeCreateBody> = {}) => {
    const created = await draft(body);
    expect(created.statusCode, created.response.body).toBe(201);
    const done = await cadre.session.call(noticesApi.publish, {
      params: { id: created.data.id },
      body: { version: created.data.version },
    });
    expect(done.statusCode, done.response.body).toBe(200);
    return done.data;
  };
  const object = (id: string, ip = '10.0.0.1', name = '张建国') =>
    publicCall(
      publicNoticesApi.comment,
      {
        params: { id },
        body: {
          kind: 'objection',
          body: '名单中有一户家里有车，不符合条件。',
          name,
          proof: proof('13912345678'),
        },
      },
      ip,
    );

  beforeAll(async () => {
    t = await buildWorld({ trustProxy: true });
    cadre = await t.member('village_cadre', AREAS.villageA1, { name: '李文书' });
    sibling = await t.member('village_cadre', AREAS.villageA2);
    town = await t.member('town_staff', AREAS.townA);
  });
  afterAll(() => t.close());

  it('runs 7 calendar days after the publishing day and takes objections until its last second', async () => {
    // Monday 7 December 2026, 10:00 China time.
    await at('2026-12-07T02:00:00.000Z');
    const notice = await published();
    expect(notice).toMatchObject({ status: 'published', periodDays: 7, periodUnit: 'calendar_days' });
    expect(notice.startsAt).toBe('2026-12-07T02:00:00.000Z');
    // The publishing day is not counted: open until Monday 14 December, 24:00 China time.
    expect(notice.endsAt).toBe('2026-12-14T16:00:00.000Z');
    await at('2026-12-14T15:59:59.000Z');
    const last = await object(notice.id, '10.0.1.1');
    expect(last.statusCode, last.response.body).toBe(201);
    await at('2026-12-14T16:00:00.000Z');
    expect((await object(notice.id, '10.0.1.2')).error).toMatchObject({ code: 'NOTICE_NOT_OPEN' });
    const view = await publicCall(publicNoticesApi.get, { params: { id: notice.id } });
    expect(view.data).toMatchObject({ open: false, objections: 1 });
  });

  it('counts working days on the holiday calendar: across National Day to the make-up Saturday', async () => {
    // Wednesday 30 September 2026: 1–7 October are off, Saturday 10 October is worked (调休).
    await at('2026-09-30T02:00:00.000Z');
    const notice = await published({ kind: 'subsidy_list', periodDays: 3, periodUnit: 'working_days' });
    // The 3rd working day after the 30th is Saturday 10 October (8th, 9th, 10th).
    expect(notice.endsAt).toBe('2026-10-10T16:00:00.000Z');
    await at('2026-10-05T04:00:00.000Z');
    expect((await object(notice.id, '10.0.2.1')).statusCode).toBe(201);
    await at('2026-10-10T15:59:59.000Z');
    expect((await object(notice.id, '10.0.2.2')).statusCode).toBe(201);
    await at('2026-10-10T16:00:00.000Z');
    expect((await object(notice.id, '10.0.2.3')).error).toMatchObject({ code: 'NOTICE_NOT_OPEN' });
  });

  it('turns an objection into an appeal linked both ways, and closes only when every objection is handled', async () => {
    await at('2026-12-07T02:00:00.000Z');
    const notice = await published({ kind: 'subsidy_list', title: '2026年第四季度低保名单公示' });
    const [first, second] = [
      await object(notice.id, '10.0.3.1'),
      await object(notice.id, '10.0.3.2', '欧阳明'),
    ];
    expect(first.statusCode, first.response.body).toBe(201);
    expect(second.statusCode).toBe(201);
    const close = (outcome: 'no_objection' | 'objections_handled', version: number) =>
      cadre.session.call(noticesApi.close, { params: { id: notice.id }, body: { version, outcome } });
    // Not while the period runs.
    expect((await close('objections_handled', notice.version)).error).toMatchObject({
      code: 'NOTICE_PERIOD_RUNNING',
    });
    // An objection becomes an appeal: the appeal names the objection, the objection the appeal.
    const appealed = await cadre.session.call(noticeCommentsApi.toAppeal, {
      params: { id: notice.id, commentId: first.data.id },
      body: { categoryCode: 'neighbour_dispute' },
    });
    expect(appealed.statusCode, appealed.response.body).toBe(201);
    expect(appealed.data.comment.appealId).toBe(appealed.data.appealId);
    const appeal = await t.database.db
      .selectFrom('appeals')
      .select(['source_kind', 'source_id', 'reporter_name', 'village_code'])
      .where('id', '=', appealed.data.appealId)
      .executeTakeFirstOrThrow();
    expect(appeal).toEqual({
      source_kind: 'notice_objection',
      source_id: first.data.id,
      reporter_name: '张建国',
      village_code: AREAS.villageA1,
    });
    expect(
      (await cadre.session.call(appealsApi.get, { params: { id: appealed.data.appealId } })).statusCode,
    ).toBe(200);
    // Once only.
    const again = await cadre.session.call(noticeCommentsApi.toAppeal, {
      params: { id: notice.id, commentId: first.data.id },
      body: { categoryCode: 'neighbour_dispute' },
    });
    expect(again.error).toMatchObject({ code: 'NOTICE_COMMENT_HANDLED' });

    await at('2026-12-15T01:00:00.000Z');
    expect(
      await countNoticesAwaitingClose(
        t.database.db,
        { reach: 'area', areaCode: AREAS.villageA1, kind: 'village', prefix: AREAS.villageA1 },
        t.clock.now(),
      ),
    ).toBeGreaterThan(0);
    const current = (await cadre.session.call(noticesApi.get, { params: { id: notice.id } })).data;
    expect(current.openObjections).toBe(1);
    expect((await close('no_objection', current.version)).error).toMatchObject({
      code: 'NOTICE_OUTCOME_INVALID',
    });
    expect((await close('objections_handled', current.version)).error).toMatchObject({
      code: 'NOTICE_OBJECTIONS_PENDING',
    });
    const answered = await cadre.session.call(noticeCommentsApi.answer, {
      params: { id: notice.id, commentId: second.data.id },
      body: { answer: '经入户核查，该户车辆为营运用车，符合低保条件。' },
    });
    expect(answered.statusCode, answered.response.body).toBe(200);
    const closed = await close('objections_handled', current.version);
    expect(closed.statusCode, closed.response.body).toBe(200);
    expect(closed.data).toMatchObject({ status: 'closed', outcome: 'objections_handled', openObjections: 0 });

    // The public page shows the answers, with the objector as surname + 某 and no phone.
    const view = await publicCall(publicNoticesApi.get, { params: { id: notice.id } });
    expect(view.data.answers.map((a) => [a.authorName, a.toAppeal, a.answer !== null])).toEqual([
      ['张某', true, false],
      ['欧阳某', false, true],
    ]);
    expect(view.response.body).not.toContain('1391');
    expect(view.response.body).not.toContain('建国');
  });

  it('raises a town notice’s objection as an appeal in a village of that town only', async () => {
    await at('2026-12-07T02:00:00.000Z');
    const created = await town.session.call(noticesApi.create, {
      body: { kind: 'project', title: '镇级项目公示', body: '全镇项目安排', areaCode: AREAS.townA },
    });
    const notice = (
      await town.session.call(noticesApi.publish, { params: { id: created.data.id }, body: { version: 1 } })
    ).data;
    const objection = await object(notice.id, '10.0.5.1');
    const toAppeal = (villageCode: string | null) =>
      t.admin.session.call(noticeCommentsApi.toAppeal, {
        params: { id: notice.id, commentId: objection.data.id },
        body: { categoryCode: 'roads_water', villageCode },
      });
    // The town itself is no village, and a village of the other town is not the notice's.
    expect((await toAppeal(null)).error).toMatchObject({ code: 'AREA_UNKNOWN' });
    expect((await toAppeal(AREAS.villageB1)).error).toMatchObject({ code: 'AREA_UNKNOWN' });
    const made = await toAppeal(AREAS.villageA2);
    expect(made.statusCode, made.response.body).toBe(201);
  });

  it('closes with no objection only when nobody objected', async () => {
    await at('2026-12-07T02:00:00.000Z');
    const notice = await published({ kind: 'finance', title: '2026年第三季度财务公开' });
    await at('2026-12-15T00:00:00.000Z');
    const closed = await cadre.session.call(noticesApi.close, {
      params: { id: notice.id },
      body: { version: notice.version, outcome: 'objections_handled' },
    });
    expect(closed.error).toMatchObject({ code: 'NOTICE_OUTCOME_INVALID' });
    const done = await cadre.session.call(noticesApi.close, {
      params: { id: notice.id },
      body: { version: notice.version, outcome: 'no_objection' },
    });
    expect(done.data).toMatchObject({ status: 'closed', outcome: 'no_objection' });
  });

  it('keeps a village’s notices from a sibling village (404) and shows them to its town', async () => {
    await at('2026-12-07T02:00:00.000Z');
    const notice = (await draft()).data;
    const fromSibling = await sibling.session.call(noticesApi.get, { params: { id: notice.id } });
    expect(fromSibling.statusCode).toBe(404);
    const siblingList = (await sibling.session.call(noticesApi.list, { query: {} })).data.items;
    expect(siblingList.map((n) => n.id)).not.toContain(notice.id);
    const townList = (await town.session.call(noticesApi.list, { query: { status: 'draft' } })).data.items;
    expect(townList.map((n) => n.id)).toContain(notice.id);
    const elsewhere = await sibling.session.call(noticesApi.create, {
      body: { kind: 'other', title: '越界', body: '越界公示', areaCode: AREAS.villageA1 },
    });
    expect(elsewhere.error).toMatchObject({ code: 'AREA_UNKNOWN' });
  });

  it('shows the public neither drafts nor withdrawn notices, and a village’s list includes its town’s', async () => {
    await at('2026-12-07T02:00:00.000Z');
    const hidden = (await draft({ title: '草稿公示' })).data;
    expect((await publicCall(publicNoticesApi.get, { params: { id: hidden.id } })).statusCode).toBe(404);
    const townNotice = (
      await town.session.call(noticesApi.create, {
        body: { kind: 'village_affairs', title: '镇级公示', body: '全镇公示内容', areaCode: AREAS.townA },
      })
    ).data;
    await town.session.call(noticesApi.publish, { params: { id: townNotice.id }, body: { version: 1 } });
    const withdrawn = await published({ title: '撤回的公示' });
    await cadre.session.call(noticesApi.withdraw, {
      params: { id: withdrawn.id },
      body: { version: withdrawn.version, reason: '名单有误，重新公示' },
    });
    const list = (await publicCall(publicNoticesApi.list, { query: { villageCode: AREAS.villageA1 } })).data
      .items;
    const ids = list.map((n) => n.id);
    expect(ids).toContain(townNotice.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(withdrawn.id);
    expect((await publicCall(publicNoticesApi.get, { params: { id: withdrawn.id } })).statusCode).toBe(404);
    const otherTown = (await publicCall(publicNoticesApi.list, { query: { villageCode: AREAS.villageB1 } }))
      .data;
    expect(otherTown.items.map((n) => n.id)).not.toContain(townNotice.id);
    // The village page shows the open ones in its notices section.
    const page = await publicCall(villagePageApi.get, { params: { code: AREAS.villageA1 } });
    const section = page.data.sections.find((x) => x.key === 'notices');
    const shown = section?.key === 'notices' ? section.data.items.map((n) => n.id) : [];
    expect(shown).toContain(townNotice.id);
    expect(shown).not.toContain(withdrawn.id);
  });

  it('refuses a named comment without a verified phone, and takes an anonymous one where allowed', async () => {
    await at('2026-12-07T02:00:00.000Z');
    const named = await published({ commentMode: 'named' });
    const unsigned = await publicCall(publicNoticesApi.comment, {
      params: { id: named.id },
      body: { kind: 'comment', body: '支持修路', name: '王五' },
    });
    expect(unsigned.error).toMatchObject({ code: 'NOTICE_NAME_REQUIRED' });
    const forged = await publicCall(publicNoticesApi.comment, {
      params: { id: named.id },
      body: { kind: 'comment', body: '支持修路', name: '王五', proof: `${proof('13900000000')}x` },
    });
    expect(forged.error).toMatchObject({ code: 'PHONE_PROOF_INVALID' });
    const open = await published({ commentMode: 'anonymous' });
    const anonymousComment = await publicCall(
      publicNoticesApi.comment,
      { params: { id: open.id }, body: { kind: 'comment', body: '建议加装路灯' } },
      '10.0.4.1',
    );
    expect(anonymousComment.statusCode, anonymousComment.response.body).toBe(201);
    // An objection is always signed, even where comments may be anonymous.
    const anonymousObjection = await publicCall(publicNoticesApi.comment, {
      params: { id: open.id },
      body: { kind: 'objection', body: '反对' },
    });
    expect(anonymousObjection.error).toMatchObject({ code: 'NOTICE_NAME_REQUIRED' });
    const stored = (await cadre.session.call(noticesApi.get, { params: { id: open.id } })).data.commentsList;
    expect(stored).toEqual([
      expect.objectContaining({ kind: 'comment', authorName: null, phoneMasked: null }),
    ]);
    const closed = await published({ commentMode: 'closed' });
    const refused = await publicCall(publicNoticesApi.comment, {
      params: { id: closed.id },
      body: { kind: 'comment', body: '意见' },
    });
    expect(refused.error).toMatchObject({ code: 'NOTICE_COMMENTS_CLOSED' });
  });

  it('limits the comments of one address per hour', async () => {
    await at('2026-12-07T02:00:00.000Z');
    const notice = await published({ commentMode: 'anonymous' });
    const send = () =>
      publicCall(
        publicNoticesApi.comment,
        { params: { id: notice.id }, body: { kind: 'comment', body: '意见' } },
        '10.0.9.9',
      );
    for (let i = 0; i < 10; i++) expect((await send()).statusCode).toBe(201);
    expect((await send()).error).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
