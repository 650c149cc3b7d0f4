import {
  type DemocracyBody,
  defaultDemocracySettings,
  type MatterKind,
  type MatterStatus,
} from '@lianxin/common';
import { jpegWithExif } from '../../../test/files.fixtures';
import type { TestContext } from '../../../test/harness';
import { insertRow, type RouteCase, type Target, villageOf } from '../../../test/probes';
import { newId } from '../../platform/ids';

// How to call each route of village democracy on an object in a chosen area (server/test/probes.ts).

const DAY = 86_400_000;
const iso = (t: TestContext, offsetDays = 0) =>
  new Date(t.clock.now().getTime() + offsetDays * DAY).toISOString();

/** A member of the target village's bodies (on the branch committee and the villagers' committee). */
export async function memberIn(t: TestContext, target: Target): Promise<string> {
  const id = newId();
  await insertRow(t, 'democracy_members', {
    id,
    village_code: villageOf(target),
    name: '王建国',
    gender: 'male',
    resident_id: null,
    title: '党支部书记',
    branch_committee: true,
    villagers_committee: true,
    party_member: true,
    party_voting: true,
    representative: false,
    representative_basis: null,
    representative_group_code: null,
    active: true,
    created_at: iso(t, -30),
    updated_at: iso(t, -30),
    version: 1,
  });
  return id;
}

async function noticeRow(t: TestContext, village: string, kind: 'resolution' | 'result'): Promise<string> {
  const id = newId();
  await insertRow(t, 'notices', {
    id,
    kind,
    title: '矩阵公开',
    body: '矩阵测试的公开内容',
    area_code: village,
    publisher_unit_id: null,
    status: 'published',
    starts_at: iso(t, -3),
    period_days: 7,
    period_unit: 'calendar_days',
    ends_at: iso(t, 4),
    comment_mode: 'named',
    outcome: null,
    closing_note: null,
    withdraw_reason: null,
    published_at: iso(t, -3),
    closed_at: null,
    created_by: null,
    created_at: iso(t, -3),
    updated_at: iso(t, -3),
    version: 1,
  });
  return id;
}

/** A matter of the target village in the state a probe needs, written straight into the table. */
export async function matterIn(
  t: TestContext,
  target: Target,
  status: MatterStatus = 'proposing',
  kind: MatterKind = 'other',
): Promise<string> {
  const id = newId();
  const village = villageOf(target);
  const published = status === 'result_published';
  await insertRow(t, 'matters', {
    id,
    village_code: village,
    title: '矩阵议题：修缮村道',
    description: '矩阵测试的议题',
    kind,
    estimated_fen: 5_000_000,
    status,
    skipped_steps: '[]',
    resolution_notice_id: published ? await noticeRow(t, village, 'resolution') : null,
    result_notice_id: published ? await noticeRow(t, village, 'result') : null,
    withdraw_reason: null,
    closed_at: null,
    created_by: null,
    created_at: iso(t, -20),
    updated_at: iso(t, -20),
    version: 1,
  });
  return id;
}

/** A scheduled meeting on a matter of the target village, with one member on its roll. */
export async function meetingIn(
  t: TestContext,
  target: Target,
  body: DemocracyBody = 'branch_committee',
): Promise<{ id: string; rollId: string }> {
  const matterId = await matterIn(t, target);
  const id = newId();
  await insertRow(t, 'meetings', {
    id,
    village_code: villageOf(target),
    matter_id: matterId,
    body,
    step: 'propose',
    held_at: iso(t, 1),
    place: '村委会会议室',
    notice_date: iso(t, -2).slice(0, 10),
    agenda: '矩阵测试的议程',
    status: 'scheduled',
    outcome: null,
    authorisation_id: null,
    votes_for: null,
    votes_against: null,
    votes_abstain: null,
    minutes: null,
    cancel_reason: null,
    decided_at: null,
    created_by: null,
    created_at: iso(t, -2),
    updated_at: iso(t, -2),
    version: 1,
  });
  const rollId = newId();
  await insertRow(t, 'meeting_roll', {
    id: rollId,
    meeting_id: id,
    position: 0,
    member_id: null,
    resident_id: null,
    name: '王建国',
    gender: 'male',
    household_id: null,
    entitled: true,
    attendance: null,
    vote: null,
  });
  return { id, rollId };
}

/** An adopted matter of the target village whose deciding meeting is recorded (for its resolution). */
async function adoptedMatterIn(t: TestContext, target: Target): Promise<string> {
  const matterId = await matterIn(t, target, 'adopted');
  await insertRow(t, 'meetings', {
    id: newId(),
    village_code: villageOf(target),
    matter_id: matterId,
    body: 'representatives',
    step: 'decide',
    held_at: iso(t, -5),
    place: '村委会会议室',
    notice_date: iso(t, -8).slice(0, 10),
    agenda: '矩阵测试的议程',
    status: 'decided',
    outcome: 'adopted',
    authorisation_id: null,
    votes_for: 11,
    votes_against: 1,
    votes_abstain: 0,
    minutes: '表决通过',
    cancel_reason: null,
    decided_at: iso(t, -5),
    created_by: null,
    created_at: iso(t, -8),
    updated_at: iso(t, -5),
    version: 2,
  });
  return matterId;
}

export const democracyProbes: Record<string, RouteCase> = {
  'GET /api/v1/democracy-bodies/:villageCode': async (_t, target) => ({
    url: `/api/v1/democracy-bodies/${villageOf(target)}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/democracy-members': async (_t, target) => ({
    url: `/api/v1/democracy-members?villageCode=${villageOf(target)}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'POST /api/v1/democracy-members': async (_t, target) => ({
    url: '/api/v1/democracy-members',
    body: { villageCode: villageOf(target), name: '李秀英', gender: 'female', villagersCommittee: true },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'PATCH /api/v1/democracy-members/:id': async (t, target) => ({
    url: `/api/v1/democracy-members/${await memberIn(t, target)}`,
    body: { version: 1, title: '村委会主任' },
  }),
  'POST /api/v1/democracy-members/:id/remove': async (t, target) => ({
    url: `/api/v1/democracy-members/${await memberIn(t, target)}/remove`,
    body: { version: 1 },
  }),
  'GET /api/v1/democracy-authorisations': async (_t, target) => ({
    url: `/api/v1/democracy-authorisations?villageCode=${villageOf(target)}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'POST /api/v1/democracy-authorisations': async (_t, target) => ({
    url: '/api/v1/democracy-authorisations',
    body: { villageCode: villageOf(target), grantedOn: '2026-01-10', reference: '村民会议纪要〔2026〕1号' },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/democracy-settings': async () => ({ url: '/api/v1/democracy-settings', noTargetArea: true }),
  'PUT /api/v1/democracy-settings': async () => ({
    url: '/api/v1/democracy-settings',
    body: defaultDemocracySettings,
    noTargetArea: true,
  }),
  'GET /api/v1/democracy-stats': async (_t, target) => ({
    url: `/api/v1/democracy-stats?areaCode=${target.area}&from=2026-01-01&to=2026-12-31`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/matters': async () => ({ url: '/api/v1/matters' }),
  'POST /api/v1/matters': async (_t, target) => ({
    url: '/api/v1/matters',
    body: {
      villageCode: villageOf(target),
      title: '修缮村道',
      description: '村道损坏，拟修缮',
      kind: 'public_welfare',
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/matters/:id': async (t, target) => ({ url: `/api/v1/matters/${await matterIn(t, target)}` }),
  'PATCH /api/v1/matters/:id': async (t, target) => ({
    url: `/api/v1/matters/${await matterIn(t, target)}`,
    body: { version: 1, title: '修缮村道（改）' },
  }),
  'POST /api/v1/matters/:id/skip': async (t, target) => ({
    url: `/api/v1/matters/${await matterIn(t, target)}/skip`,
    body: { version: 1, reason: '日常事务，两委直接商议' },
  }),
  'POST /api/v1/matters/:id/withdraw': async (t, target) => ({
    url: `/api/v1/matters/${await matterIn(t, target)}/withdraw`,
    body: { version: 1, reason: '不再需要' },
  }),
  'POST /api/v1/matters/:id/resolution': async (t, target) => ({
    url: `/api/v1/matters/${await matterIn(t, target, 'adopted')}/resolution`,
    body: { version: 1, body: '决议修缮村道。' },
  }),
  'POST /api/v1/matters/:id/result': async (t, target) => ({
    url: `/api/v1/matters/${await matterIn(t, target, 'carrying_out')}/result`,
    body: { version: 1, body: '村道已修缮完成。' },
  }),
  'GET /api/v1/matters/:id/resolution.pdf': async (t, target) => ({
    url: `/api/v1/matters/${await adoptedMatterIn(t, target)}/resolution.pdf`,
  }),
  'POST /api/v1/matters/:id/close': async (t, target) => ({
    url: `/api/v1/matters/${await matterIn(t, target, 'result_published')}/close`,
    body: { version: 1 },
  }),
  'POST /api/v1/matters/:id/tasks': async (t, target) => ({
    url: `/api/v1/matters/${await matterIn(t, target, 'carrying_out')}/tasks`,
    body: { title: '采购水泥', dueOn: '2026-12-31' },
  }),
  'PATCH /api/v1/matters/:id/tasks/:taskId': async (t, target) => {
    const matterId = await matterIn(t, target, 'carrying_out');
    const taskId = newId();
    await insertRow(t, 'matter_tasks', {
      id: taskId,
      matter_id: matterId,
      title: '采购水泥',
      due_on: null,
      assignee: '',
      done_at: null,
      created_at: iso(t, -1),
    });
    return { url: `/api/v1/matters/${matterId}/tasks/${taskId}`, body: { done: true } };
  },
  'POST /api/v1/matters/:id/spendings': async (t, target) => ({
    url: `/api/v1/matters/${await matterIn(t, target, 'carrying_out')}/spendings`,
    body: { amount: 1200.5, spentOn: '2026-12-01', note: '水泥20吨' },
  }),
  'POST /api/v1/matters/:id/attachments': async (t, target) => ({
    url: `/api/v1/matters/${await matterIn(t, target)}/attachments?fileName=plan.jpg`,
    body: jpegWithExif(),
    headers: { 'content-type': 'image/jpeg' },
  }),
  'GET /api/v1/matters/:id/attachments/:attachmentId': async (t, target) => {
    const matterId = await matterIn(t, target);
    const id = newId();
    await insertRow(t, 'matter_attachments', {
      id,
      matter_id: matterId,
      purpose: 'document',
      file_name: 'plan.pdf',
      content_type: 'application/pdf',
      size: 8,
      content: Buffer.from('%PDF-1.7'),
      uploaded_by: null,
      created_at: iso(t),
    });
    return { url: `/api/v1/matters/${matterId}/attachments/${id}` };
  },
  'GET /api/v1/meetings': async () => ({ url: '/api/v1/meetings' }),
  'POST /api/v1/meetings': async (t, target) => {
    await memberIn(t, target);
    return {
      url: '/api/v1/meetings',
      body: {
        matterId: await matterIn(t, target),
        body: 'branch_committee',
        heldAt: iso(t, 3),
        place: '村委会会议室',
        noticeDate: iso(t).slice(0, 10),
        agenda: '研究修缮村道',
      },
    };
  },
  'GET /api/v1/meetings/:id': async (t, target) => ({
    url: `/api/v1/meetings/${(await meetingIn(t, target)).id}`,
  }),
  'PUT /api/v1/meetings/:id/attendance': async (t, target) => {
    const { id, rollId } = await meetingIn(t, target);
    return {
      url: `/api/v1/meetings/${id}/attendance`,
      body: { version: 1, entries: [{ rollId, attendance: 'present' }] },
    };
  },
  'POST /api/v1/meetings/:id/decision': async (t, target) => ({
    url: `/api/v1/meetings/${(await meetingIn(t, target)).id}/decision`,
    body: { version: 1, decision: 'adjourn', minutes: '到会人数不足，会议改期。' },
  }),
  'GET /api/v1/meetings/:id/minutes.pdf': async (t, target) => ({
    url: `/api/v1/meetings/${(await meetingIn(t, target)).id}/minutes.pdf`,
  }),
  'POST /api/v1/meetings/:id/cancel': async (t, target) => ({
    url: `/api/v1/meetings/${(await meetingIn(t, target)).id}/cancel`,
    body: { version: 1, reason: '改期召开' },
  }),
};
