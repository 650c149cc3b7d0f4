import type { NoticeCommentKind, NoticeStatus } from '@lianxin/common';
import { jpegWithExif } from '../../../test/files.fixtures';
import type { TestContext } from '../../../test/harness';
import { insertRow, type RouteCase, type Target, villageOf } from '../../../test/probes';
import { newId } from '../../platform/ids';
import { signProof } from '../../platform/verification/proof';

const DAY = 86_400_000;

/**
 * A notice of the target's area, written straight into the table: a draft, or published with its
 * period running (`open`) or over (`ended`).
 */
export async function noticeIn(
  t: TestContext,
  target: Target,
  state: NoticeStatus | 'ended' = 'draft',
  areaCode = target.village,
): Promise<string> {
  const id = newId();
  const now = t.clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const published = state !== 'draft';
  await insertRow(t, 'notices', {
    id,
    kind: 'project',
    title: '矩阵公示',
    body: '矩阵测试的公示内容',
    area_code: areaCode,
    publisher_unit_id: null,
    status: state === 'ended' ? 'published' : state,
    starts_at: published ? iso(now - 10 * DAY) : null,
    period_days: 7,
    period_unit: 'calendar_days',
    ends_at: published ? iso(state === 'ended' ? now - DAY : now + 5 * DAY) : null,
    comment_mode: 'named',
    outcome: null,
    closing_note: null,
    withdraw_reason: null,
    published_at: published ? iso(now - 10 * DAY) : null,
    closed_at: null,
    created_by: target.user.id,
    created_at: iso(now - 11 * DAY),
    updated_at: iso(now - 10 * DAY),
    version: 1,
  });
  return id;
}

/** A resident's comment or objection on a notice, with a sealed phone. */
export async function noticeCommentIn(t: TestContext, noticeId: string, kind: NoticeCommentKind) {
  const id = newId();
  await insertRow(t, 'notice_comments', {
    id,
    notice_id: noticeId,
    kind,
    body: '矩阵测试的意见',
    author_name: '张三',
    phone_enc: t.app.ctx.secrets.encrypt('13800001234'),
    phone_hash: t.app.ctx.secrets.lookupHash('13800001234'),
    phone_masked: '138****1234',
    ip_hash: null,
    answer: null,
    answered_by: null,
    answered_at: null,
    appeal_id: null,
    created_at: t.clock.now().toISOString(),
  });
  return id;
}

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const noticesProbes: Record<string, RouteCase> = {
  'GET /api/v1/notices': async () => ({ url: '/api/v1/notices' }),
  'POST /api/v1/notices': async (_t, target) => ({
    url: '/api/v1/notices',
    body: { kind: 'project', title: '矩阵公示', body: '矩阵测试的公示内容', areaCode: target.village },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/notices/:id': async (t, target) => ({ url: `/api/v1/notices/${await noticeIn(t, target)}` }),
  'PATCH /api/v1/notices/:id': async (t, target) => ({
    url: `/api/v1/notices/${await noticeIn(t, target)}`,
    body: { version: 1, title: '改过的公示' },
  }),
  'POST /api/v1/notices/:id/publish': async (t, target) => ({
    url: `/api/v1/notices/${await noticeIn(t, target)}/publish`,
    body: { version: 1 },
  }),
  'POST /api/v1/notices/:id/close': async (t, target) => ({
    url: `/api/v1/notices/${await noticeIn(t, target, 'ended')}/close`,
    body: { version: 1, outcome: 'no_objection' },
  }),
  'POST /api/v1/notices/:id/withdraw': async (t, target) => ({
    url: `/api/v1/notices/${await noticeIn(t, target, 'published')}/withdraw`,
    body: { version: 1, reason: '内容有误' },
  }),
  'POST /api/v1/notices/:id/comments/:commentId/answer': async (t, target) => {
    const noticeId = await noticeIn(t, target, 'published');
    const commentId = await noticeCommentIn(t, noticeId, 'objection');
    return {
      url: `/api/v1/notices/${noticeId}/comments/${commentId}/answer`,
      body: { answer: '经核实，公示内容无误。' },
    };
  },
  'POST /api/v1/notices/:id/comments/:commentId/appeal': async (t, target) => {
    const noticeId = await noticeIn(t, target, 'published', villageOf(target));
    const commentId = await noticeCommentIn(t, noticeId, 'objection');
    return {
      url: `/api/v1/notices/${noticeId}/comments/${commentId}/appeal`,
      body: { categoryCode: 'neighbour_dispute' },
    };
  },
  'POST /api/v1/notices/:id/attachments': async (t, target) => ({
    url: `/api/v1/notices/${await noticeIn(t, target)}/attachments?fileName=photo.jpg`,
    body: jpegWithExif(),
    headers: { 'content-type': 'image/jpeg' },
  }),
  'GET /api/v1/notices/:id/attachments/:attachmentId': async (t, target) => {
    const noticeId = await noticeIn(t, target);
    const id = newId();
    await insertRow(t, 'notice_attachments', {
      id,
      notice_id: noticeId,
      file_name: 'a.pdf',
      content_type: 'application/pdf',
      size: 8,
      content: Buffer.from('%PDF-1.7'),
      uploaded_by: null,
      created_at: t.clock.now().toISOString(),
    });
    return { url: `/api/v1/notices/${noticeId}/attachments/${id}` };
  },
  // Public: read by the fuzz only (no caller, no area to be outside of).
  'POST /api/v1/public/notices/:id/comments': async (t, target) => ({
    url: `/api/v1/public/notices/${await noticeIn(t, target, 'published')}/comments`,
    body: {
      kind: 'comment',
      body: '支持这个项目',
      name: '张三',
      proof: signProof(t.app.ctx.secrets, {
        phone: '13800001234',
        purpose: 'notice_comment',
        expiresAt: new Date(t.clock.now().getTime() + 30 * 60_000),
      }),
    },
    noTargetArea: true,
  }),
};
