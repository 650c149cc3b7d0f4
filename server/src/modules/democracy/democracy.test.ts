import {
  bodiesApi,
  type ContractInput,
  defaultDemocracySettings,
  democracyAuthorisationsApi,
  democracyMembersApi,
  democracySettingsApi,
  democracyStatsApi,
  householdsApi,
  type Meeting,
  type MeetingCreateBody,
  mattersApi,
  matterWorkApi,
  meetingsApi,
  noticesApi,
  todosApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../test/harness';
import { householdBody, nextIdNumber } from '../../../test/households.fixtures';
import { readPdf } from '../../../test/pdf-text';
import { buildWorld, type Member, type World } from '../../../test/world';

type MemberInput = ContractInput<typeof democracyMembersApi.create>['body'];

describe('village democracy (四议两公开): bodies, matters, meetings and the two publicities', () => {
  let t: World;
  let cadre: Member;
  let town: Member;
  let siblingCadre: Member;
  let otherTown: Member;
  const DAY = 86_400_000;
  const at = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString();
  const today = () => at(0).slice(0, 10);

  const addMember = async (body: Partial<MemberInput> & { name: string }) => {
    const res = await cadre.session.call(democracyMembersApi.create, {
      body: { villageCode: AREAS.villageA1, gender: 'male', ...body },
    });
    expect(res.statusCode, res.response.body).toBe(201);
    return res.data;
  };

  const matter = async (kind: 'other' | 'public_welfare' = 'other', title = '修缮二组村道') => {
    const res = await cadre.session.call(mattersApi.create, {
      body: {
        villageCode: AREAS.villageA1,
        title,
        description: '二组村道破损，拟硬化300米',
        kind,
        estimatedAmount: 120_000,
      },
    });
    expect(res.statusCode, res.response.body).toBe(201);
    return res.data;
  };

  const notice = (
    matterId: string,
    body: MeetingCreateBody['body'],
    extra: Partial<MeetingCreateBody> = {},
  ) =>
    cadre.session.call(meetingsApi.create, {
      body: {
        matterId,
        body,
        heldAt: at(11),
        place: '大同村村委会会议室',
        noticeDate: today(),
        agenda: '研究二组村道硬化方案',
        ...extra,
      },
    });

  /** Marks the first `present` entitled members of the roll present, the rest absent. */
  const attend = async (
    meeting: Meeting,
    present: number,
    pick = (m: Meeting) => m.roll.filter((r) => r.entitled),
  ) => {
    const entitled = pick(meeting);
    const res = await cadre.session.call(meetingsApi.attendance, {
      params: { id: meeting.id },
      body: {
        version: meeting.version,
        entries: entitled.map((r, i) => ({
          rollId: r.id,
          attendance: i < present ? ('present' as const) : ('absent' as const),
        })),
      },
    });
    expect(res.statusCode, res.response.body).toBe(200);
    return res.data;
  };

  const vote = (meeting: Meeting, votes: { for: number; against: number; abstain: number }) =>
    cadre.session.call(meetingsApi.decide, {
      params: { id: meeting.id },
      body: { version: meeting.version, decision: 'vote', votes, minutes: '会议讨论并表决。' },
    });

  /** Holds the step's meeting with everyone present and all in favour. */
  const pass = async (matterId: string, body: MeetingCreateBody['body']) => {
    const noticed = await notice(matterId, body);
    expect(noticed.statusCode, noticed.response.body).toBe(201);
    const attended = await attend(noticed.data, noticed.data.quorum.entitled);
    const res = await vote(attended, { for: attended.quorum.present, against: 0, abstain: 0 });
    expect(res.statusCode, res.response.body).toBe(200);
    expect(res.data.outcome).toBe('adopted');
    return res.data;
  };

  beforeAll(async () => {
    t = await buildWorld();
    cadre = await t.member('village_cadre', AREAS.villageA1);
    siblingCadre = await t.member('village_cadre', AREAS.villageA2);
    town = await t.member('town_head', AREAS.townA);
    otherTown = await t.member('town_head', AREAS.townB);
    // The branch committee (3), the villagers' committee (3, the secretary in both), Party members
    // (the committee's 3 and two more entitled to vote, one probationary), 12 representatives (4 women).
    await addMember({
      name: '王建国',
      title: '党支部书记、村委会主任',
      branchCommittee: true,
      villagersCommittee: true,
      partyMember: true,
      partyVoting: true,
    });
    await addMember({
      name: '刘德胜',
      title: '党支部副书记',
      branchCommittee: true,
      partyMember: true,
      partyVoting: true,
    });
    await addMember({
      name: '陈桂兰',
      gender: 'female',
      title: '支部委员',
      branchCommittee: true,
      partyMember: true,
      partyVoting: true,
    });
    await addMember({ name: '赵志强', title: '村委委员', villagersCommittee: true });
    await addMember({ name: '孙红梅', gender: 'female', title: '村委委员', villagersCommittee: true });
    await addMember({ name: '周明', partyMember: true, partyVoting: true });
    await addMember({ name: '吴小军', partyMember: true, partyVoting: false });
    for (let i = 0; i < 12; i++) {
      await addMember({
        name: `代表${i + 1}`,
        gender: i < 4 ? 'female' : 'male',
        representative: true,
        representativeBasis: 'group',
        representativeGroupCode: AREAS.groupA1,
      });
    }
  });
  afterAll(() => t.close());

  it("shows each body's members and the representatives' meeting's composition at its floors", async () => {
    const res = await cadre.session.call(bodiesApi.get, { params: { villageCode: AREAS.villageA1 } });
    expect(res.statusCode, res.response.body).toBe(200);
    const entitled = Object.fromEntries(res.data.bodies.map((b) => [b.body, b.entitled]));
    expect(entitled).toMatchObject({
      branch_committee: 3,
      joint_committees: 5,
      party_members: 4,
      representatives: 15,
    });
    // 12 representatives of 15 is exactly four fifths; 4 women of 12 exactly one third.
    expect(res.data.composition.representativesShare).toMatchObject({ count: 12, of: 15, met: true });
    expect(res.data.composition.womenShare).toMatchObject({ count: 4, of: 12, met: true });
  });

  it('warns of a representative standing for fewer than 5 households, and refuses households of another village', async () => {
    const households = [await t.admin.session.call(householdsApi.create, { body: householdBody() })];
    const few = await addMember({
      name: '郑大海',
      representative: true,
      representativeBasis: 'households',
      representedHouseholdIds: households.map((h) => h.data.id),
    });
    expect(few.householdsWarning).toBe(true);
    const removed = await cadre.session.call(democracyMembersApi.remove, {
      params: { id: few.id },
      body: { version: few.version },
    });
    expect(removed.statusCode).toBe(204);
    const elsewhere = await t.admin.session.call(householdsApi.create, {
      body: householdBody({ areaCode: AREAS.villageA2 }),
    });
    const refused = await cadre.session.call(democracyMembersApi.create, {
      body: {
        villageCode: AREAS.villageA1,
        name: '钱多',
        gender: 'male',
        representative: true,
        representativeBasis: 'households',
        representedHouseholdIds: [elsewhere.data.id],
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.error.code).toBe('DEMOCRACY_MEMBER_INVALID');
  });

  it('takes the deliberations in order: a meeting of a later step is refused', async () => {
    const m = await matter();
    const early = await notice(m.id, 'party_members');
    expect(early.statusCode).toBe(409);
    expect(early.error.code).toBe('MATTER_STEP_ORDER');
    expect(early.error.message).toContain('党支部会提议');
    // One of three branch committee members present: no quorum, the meeting is adjourned (流会).
    const branch = await notice(m.id, 'branch_committee', { heldAt: at(30) });
    const one = await attend(branch.data, 1);
    expect(one.quorum).toMatchObject({ entitled: 3, present: 1, needed: 2, met: false });
    const adjourned = await cadre.session.call(meetingsApi.decide, {
      params: { id: one.id },
      body: { version: one.version, decision: 'adjourn', minutes: '到会委员不足半数，会议改期。' },
    });
    expect(adjourned.data.outcome).toBe('adjourned');
    expect((await cadre.session.call(mattersApi.get, { params: { id: m.id } })).data.status).toBe(
      'proposing',
    );
  });

  it('refuses to skip a step of an art. 24 matter, and lets an "other" matter skip with a reason', async () => {
    const art24 = await matter('public_welfare');
    const refused = await cadre.session.call(mattersApi.skip, {
      params: { id: art24.id },
      body: { version: art24.version, reason: '赶工期' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.error.code).toBe('MATTER_STEP_REQUIRED');
    const other = await matter('other');
    const skipped = await cadre.session.call(mattersApi.skip, {
      params: { id: other.id },
      body: { version: other.version, reason: '日常事务' },
    });
    expect(skipped.statusCode, skipped.response.body).toBe(200);
    expect(skipped.data.status).toBe('consulting');
    expect(skipped.data.steps[0]).toMatchObject({ step: 'propose', skipped: true, skipReason: '日常事务' });
  });

  it("has the representatives' meeting's quorum at exactly two thirds, not one fewer; a tie is not adopted", async () => {
    const m = await matter('other', '调整村民小组保洁员补贴');
    for (const step of ['propose', 'consult', 'review'] as const) {
      const current = (await cadre.session.call(mattersApi.get, { params: { id: m.id } })).data;
      expect(current.step).toBe(step);
      await cadre.session.call(mattersApi.skip, {
        params: { id: m.id },
        body: { version: current.version, reason: '测试' },
      });
    }
    const noticed = await notice(m.id, 'representatives');
    expect(noticed.statusCode, noticed.response.body).toBe(201);
    expect(noticed.data.quorum).toMatchObject({ entitled: 15, needed: 10 });
    const nine = await attend(noticed.data, 9);
    expect(nine.quorum.met).toBe(false);
    const refused = await vote(nine, { for: 9, against: 0, abstain: 0 });
    expect(refused.statusCode).toBe(409);
    expect(refused.error.code).toBe('MEETING_NO_QUORUM');
    const ten = await attend(nine, 10);
    expect(ten.quorum.met).toBe(true);
    const tie = await vote(ten, { for: 5, against: 5, abstain: 0 });
    expect(tie.statusCode, tie.response.body).toBe(200);
    expect(tie.data.outcome).toBe('rejected');
    const after = await cadre.session.call(mattersApi.get, { params: { id: m.id } });
    expect(after.data.status).toBe('rejected');
  });

  it('takes an optional per-member record that must match the counts and name only members present', async () => {
    const m = await matter('other', '村务监督委员会工作经费');
    const noticed = (await notice(m.id, 'branch_committee')).data;
    const two = await attend(noticed, 2);
    const [first, second, third] = two.roll;
    if (!first || !second || !third) throw new Error('the branch committee has three members');
    const decide = (body: Partial<ContractInput<typeof meetingsApi.decide>['body']>) =>
      cadre.session.call(meetingsApi.decide, {
        params: { id: two.id },
        body: { version: two.version, decision: 'vote', minutes: '表决。', ...body },
      });
    const tooMany = await decide({ votes: { for: 2, against: 1, abstain: 0 } });
    expect(tooMany.error.code).toBe('MEETING_VOTES_INVALID');
    const absentVoter = await decide({ perMember: [{ rollId: third.id, vote: 'for' }] });
    expect(absentVoter.error.code).toBe('MEETING_VOTES_INVALID');
    const mismatch = await decide({
      votes: { for: 2, against: 0, abstain: 0 },
      perMember: [
        { rollId: first.id, vote: 'for' },
        { rollId: second.id, vote: 'against' },
      ],
    });
    expect(mismatch.error.code).toBe('MEETING_VOTES_INVALID');
    const recorded = await decide({
      perMember: [
        { rollId: first.id, vote: 'for' },
        { rollId: second.id, vote: 'for' },
      ],
    });
    expect(recorded.statusCode, recorded.response.body).toBe(200);
    // Two of three members is more than half of the committee: adopted, each vote on the roll.
    expect(recorded.data).toMatchObject({ outcome: 'adopted', votes: { for: 2, against: 0, abstain: 0 } });
    expect(recorded.data.roll.map((r) => r.vote)).toEqual(['for', 'for', null]);
  });

  it("counts the Party members' majority over the members entitled to vote, not those present", async () => {
    const m = await matter('other', '发展集体经济合作社');
    await pass(m.id, 'branch_committee');
    await pass(m.id, 'joint_committees');
    const noticed = (await notice(m.id, 'party_members')).data;
    // Five Party members on the roll, four entitled to vote (the probationary member is not).
    expect(noticed.roll).toHaveLength(5);
    expect(noticed.quorum).toMatchObject({ entitled: 4, needed: 2, votesNeeded: 3 });
    const three = await attend(noticed, 3);
    // Two of three present is a majority of those present, but not more than half of the four entitled.
    const res = await vote(three, { for: 2, against: 1, abstain: 0 });
    expect(res.statusCode, res.response.body).toBe(200);
    expect(res.data.outcome).toBe('rejected');
  });

  it("fixes the villagers' meeting's roll at the notice date and needs ten days' notice to decide", async () => {
    for (let i = 0; i < 2; i++) {
      const opened = await t.admin.session.call(householdsApi.create, { body: householdBody() });
      expect(opened.statusCode, opened.response.body).toBe(201);
    }
    const m = await matter('other', '村集体林地承包');
    for (let i = 0; i < 3; i++) {
      const current = (await cadre.session.call(mattersApi.get, { params: { id: m.id } })).data;
      await cadre.session.call(mattersApi.skip, {
        params: { id: m.id },
        body: { version: current.version, reason: '测试' },
      });
    }
    const short = await notice(m.id, 'villagers', { heldAt: at(9) });
    expect(short.statusCode, short.response.body).toBe(201);
    const rollSize = short.data.roll.length;
    expect(short.data.noticeSufficient).toBe(false);
    // A household opened after the notice, with a son turning 18 the day after it: neither is on the roll.
    const tomorrow18 = `${Number(today().slice(0, 4)) - 18}${at(1).slice(4, 10)}`;
    const later = await t.admin.session.call(householdsApi.create, {
      body: householdBody({
        members: [
          { name: '马强', idNumber: nextIdNumber('1970-01-01', 'male'), relation: 'head' },
          { name: '杨秀芝', idNumber: nextIdNumber('1972-03-03'), relation: 'spouse' },
          { name: '马德福', idNumber: nextIdNumber('1945-06-06', 'male'), relation: 'parent' },
          { name: '马小龙', idNumber: nextIdNumber(tomorrow18, 'male'), relation: 'child' },
        ],
      }),
    });
    expect(later.statusCode, later.response.body).toBe(201);
    const again = await cadre.session.call(meetingsApi.get, { params: { id: short.data.id } });
    expect(again.data.roll).toHaveLength(rollSize);
    expect(again.data.roll.some((r) => r.name === '马强' || r.name === '马小龙')).toBe(false);
    const attended = await attend(again.data, rollSize);
    const refused = await vote(attended, { for: rollSize, against: 0, abstain: 0 });
    expect(refused.statusCode).toBe(409);
    expect(refused.error.code).toBe('MEETING_NOTICE_TOO_SHORT');
    const cancelled = await cadre.session.call(meetingsApi.cancel, {
      params: { id: attended.id },
      body: { version: attended.version, reason: '通知不足十天，改期' },
    });
    expect(cancelled.data.status).toBe('cancelled');
    // Noticed again ten days ahead: the new roll counts the adults of the day, the 17-year-old not.
    const proper = await notice(m.id, 'villagers', { heldAt: at(10) });
    expect(proper.data.noticeSufficient).toBe(true);
    expect(proper.data.roll.some((r) => r.name === '马强')).toBe(true);
    expect(proper.data.roll.some((r) => r.name === '马小龙')).toBe(false);
    // Four households, twelve adults: six present from two households is exactly half of the adults
    // and half of the households — no quorum; seven present is more than half.
    const entitled = proper.data.roll.length;
    expect(entitled).toBe(12);
    const byHousehold = (mt: Meeting) =>
      [...mt.roll].sort(
        (a, b) => (a.householdId ?? '').localeCompare(b.householdId ?? '') || a.id.localeCompare(b.id),
      );
    const half = await attend(proper.data, 6, byHousehold);
    expect(half.quorum).toMatchObject({ present: 6, households: 4, householdsPresent: 2, met: false });
    const more = await attend(half, 7, byHousehold);
    expect(more.quorum.met).toBe(true);
    const adopted = await vote(more, { for: 7, against: 0, abstain: 0 });
    expect(adopted.data.outcome).toBe('adopted');
  });

  it("lets the representatives' meeting decide an art. 24 matter only under a recorded authorisation", async () => {
    const m = await matter('public_welfare', '村道硬化筹资筹劳方案');
    await pass(m.id, 'branch_committee');
    await pass(m.id, 'joint_committees');
    await pass(m.id, 'party_members');
    const refused = await notice(m.id, 'representatives');
    expect(refused.statusCode).toBe(409);
    expect(refused.error.code).toBe('MATTER_AUTHORISATION_REQUIRED');
    const granted = await cadre.session.call(democracyAuthorisationsApi.create, {
      body: {
        villageCode: AREAS.villageA1,
        grantedOn: today(),
        kinds: ['public_welfare'],
        reference: '大同村村民会议决议〔2026〕1号',
      },
    });
    expect(granted.statusCode, granted.response.body).toBe(201);
    const decided = await pass(m.id, 'representatives');
    expect(decided.authorisationId).toBe(granted.data.id);

    // The resolution published with its vote; the matter does not close before the result is too.
    const adopted = (await cadre.session.call(mattersApi.get, { params: { id: m.id } })).data;
    expect(adopted.status).toBe('adopted');
    expect(adopted.steps.every((s) => s.meetingId !== null)).toBe(true);
    // The bell counts the resolutions waiting to be published: one fewer once this one is.
    const waiting = async () =>
      (await cadre.session.call(todosApi.list, {})).data.find(
        (i) => i.key === 'democracy.resolutionsToPublish',
      )?.count ?? 0;
    const before = await waiting();
    expect(before).toBeGreaterThan(0);
    const published = await cadre.session.call(mattersApi.publishResolution, {
      params: { id: m.id },
      body: { version: adopted.version, body: '决定硬化二组村道300米，每户筹劳2个工日。' },
    });
    expect(published.statusCode, published.response.body).toBe(200);
    expect(await waiting()).toBe(before - 1);
    const resolution = await cadre.session.call(noticesApi.get, {
      params: { id: published.data.resolutionNoticeId ?? '' },
    });
    expect(resolution.data).toMatchObject({
      kind: 'resolution',
      status: 'published',
      areaCode: AREAS.villageA1,
    });
    expect(resolution.data.body).toContain('赞成15票，反对0票，弃权0票');
    const early = await cadre.session.call(mattersApi.close, {
      params: { id: m.id },
      body: { version: published.data.version },
    });
    expect(early.statusCode).toBe(409);
    expect(early.error.code).toBe('MATTER_NOT_PUBLISHED');

    const task = await cadre.session.call(matterWorkApi.addTask, {
      params: { id: m.id },
      body: { title: '采购水泥', assignee: '赵志强' },
    });
    expect(task.statusCode, task.response.body).toBe(201);
    const taskId = task.data.tasks[0]?.id ?? '';
    // An edit that changes nothing answers the matter as it is; marking it done records when.
    const unchanged = await cadre.session.call(matterWorkApi.updateTask, {
      params: { id: m.id, taskId },
      body: {},
    });
    expect(unchanged.statusCode, unchanged.response.body).toBe(200);
    const done = await cadre.session.call(matterWorkApi.updateTask, {
      params: { id: m.id, taskId },
      body: { done: true },
    });
    expect(done.data.tasks[0]?.done).toBe(true);
    const spent = await cadre.session.call(matterWorkApi.addSpending, {
      params: { id: m.id },
      body: { amount: 98_500.5, spentOn: today(), note: '水泥、砂石及人工' },
    });
    expect(spent.data.spent).toBe(98_500.5);
    const result = await cadre.session.call(mattersApi.publishResult, {
      params: { id: m.id },
      body: { version: spent.data.version, body: '二组村道300米已硬化完成并验收。' },
    });
    expect(result.statusCode, result.response.body).toBe(200);
    const resultNotice = await cadre.session.call(noticesApi.get, {
      params: { id: result.data.resultNoticeId ?? '' },
    });
    expect(resultNotice.data.kind).toBe('result');
    expect(resultNotice.data.body).toContain('实际支出98,500.50元');
    const closed = await cadre.session.call(mattersApi.close, {
      params: { id: m.id },
      body: { version: result.data.version },
    });
    expect(closed.data.status).toBe('closed');

    // The resolution and the deciding meeting's minutes as A4 PDFs in Chinese.
    const resolutionPdf = await town.session.request('GET', `/api/v1/matters/${m.id}/resolution.pdf`);
    expect(resolutionPdf.statusCode).toBe(200);
    expect(resolutionPdf.headers['content-type']).toBe('application/pdf');
    const resolutionText = readPdf(resolutionPdf.rawPayload).lines.join('');
    expect(resolutionText).toContain('村道硬化筹资筹劳方案');
    expect(resolutionText).toContain('赞成15票，反对0票，弃权0票');
    const minutesPdf = await cadre.session.request('GET', `/api/v1/meetings/${decided.id}/minutes.pdf`);
    expect(minutesPdf.statusCode).toBe(200);
    const minutes = readPdf(minutesPdf.rawPayload).lines.join('');
    expect(minutes).toContain('村民代表会议会议记录');
    expect(minutes).toContain('应到：15人；实到15人');
    expect(minutes).toContain('法定人数：须10人，已达到');

    const stats = await town.session.call(democracyStatsApi.get, {
      query: { areaCode: AREAS.townA, from: today(), to: today() },
    });
    const row = stats.data.rows.find((r) => r.areaCode === AREAS.villageA1);
    // Meetings count on the day their outcome is recorded, whatever day they were set for.
    expect(row).toMatchObject({ closed: 1, fullProcess: 1, adjourned: 1 });
    expect(row?.meetings).toBeGreaterThanOrEqual(4);
  });

  it("applies the district's setting for the two committees' quorum to the meetings it counts", async () => {
    const m = await matter('other', '村级公益岗位设置');
    await pass(m.id, 'branch_committee');
    const noticed = (await notice(m.id, 'joint_committees')).data;
    const three = await attend(noticed, 3);
    // By default more than half of the five: three present is a quorum.
    expect(three.quorum).toMatchObject({ entitled: 5, present: 3, met: true });
    const stricter = {
      ...defaultDemocracySettings,
      jointCommittees: {
        ...defaultDemocracySettings.jointCommittees,
        quorum: { numerator: 4, denominator: 5, comparison: 'atLeast' as const },
      },
    };
    const refused = await cadre.session.call(democracySettingsApi.update, { body: stricter });
    expect(refused.statusCode).toBe(403);
    const set = await t.admin.session.call(democracySettingsApi.update, { body: stricter });
    expect(set.statusCode, set.response.body).toBe(200);
    const now = await cadre.session.call(meetingsApi.get, { params: { id: noticed.id } });
    expect(now.data.quorum).toMatchObject({ present: 3, needed: 4, met: false });
    await t.admin.session.call(democracySettingsApi.update, { body: defaultDemocracySettings });
  });

  it('lets the town read its villages but not write; another village or town sees nothing', async () => {
    const m = await matter();
    expect((await town.session.call(mattersApi.get, { params: { id: m.id } })).statusCode).toBe(200);
    const townWrite = await town.session.call(mattersApi.withdraw, {
      params: { id: m.id },
      body: { version: m.version, reason: '不办了' },
    });
    expect(townWrite.statusCode).toBe(403);
    expect((await siblingCadre.session.call(mattersApi.get, { params: { id: m.id } })).statusCode).toBe(404);
    expect((await otherTown.session.call(mattersApi.get, { params: { id: m.id } })).statusCode).toBe(404);
    const elsewhere = await siblingCadre.session.call(mattersApi.create, {
      body: { villageCode: AREAS.villageA1, title: '越权议题', description: '不属于本村', kind: 'other' },
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.error.code).toBe('AREA_UNKNOWN');
    const bodies = await otherTown.session.call(bodiesApi.get, { params: { villageCode: AREAS.villageA1 } });
    expect(bodies.error.code).toBe('AREA_UNKNOWN');
  });
});
