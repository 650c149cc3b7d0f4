import { maskPhone, type NoticeComment, type NoticeCommentKind } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaContext } from '../../platform/request-context';
import { codeInScope, scopeOf } from '../../platform/scope';
import type { Secrets } from '../../platform/secrets';
import { verifiedPhone } from '../../platform/verification';
import { submitAppeal } from '../appeals';
import { isPeriodOpen } from './notice-period';
import {
  areaKindInScope,
  commentRows,
  countCommentsFromIp,
  findComment,
  findNotice,
  findPublicNotice,
  insertComment,
  setCommentAnswer,
  setCommentAppeal,
} from './notices.repository';
import { toComment } from './notices.views';

/** Comments one address may send in an hour, over every notice. */
export const COMMENTS_PER_IP_PER_HOUR = 10;

async function commentOf(db: Db, ctx: Pick<AreaContext, 'scope'>, noticeId: string, commentId: string) {
  const notice = await findNotice(db, ctx.scope, noticeId);
  if (!notice) throw notFound();
  const comment = await findComment(db, noticeId, commentId);
  if (!comment) throw notFound();
  return { notice, comment };
}

async function viewOf(db: Db, noticeId: string, commentId: string): Promise<NoticeComment> {
  const row = (await commentRows(db, noticeId)).find((r) => r.id === commentId);
  if (!row) throw new Error(`comment ${commentId} not stored`);
  return toComment(row);
}

/** Answers a comment or an objection once; the answer shows on the public page. */
export async function answerComment(
  db: Db,
  ctx: AreaContext,
  noticeId: string,
  commentId: string,
  answer: string,
): Promise<NoticeComment> {
  const { notice } = await commentOf(db, ctx, noticeId, commentId);
  if (notice.status !== 'published') throw new AppError('NOTICE_STATE_INVALID');
  const stored = await setCommentAnswer(db, commentId, {
    answer,
    answered_by: ctx.caller.id,
    answered_at: ctx.clock.now().toISOString(),
  });
  if (!stored) throw new AppError('NOTICE_COMMENT_HANDLED');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'notice.answer',
    objectType: 'notice',
    objectId: noticeId,
    areaCode: notice.area_code,
    after: { commentId },
  });
  return viewOf(db, noticeId, commentId);
}

/**
 * Turns an objection into an appeal through the appeals module's one way in (`submitAppeal`): the
 * appeal's source names the objection and the objection keeps the appeal's id. The appeal is the
 * objector's, in the notice's village (or the village the caller names for a town's or the
 * district's notice).
 */
export async function objectionToAppeal(
  db: Db,
  ctx: AreaContext,
  noticeId: string,
  commentId: string,
  body: { categoryCode: string; villageCode: string | null },
) {
  const { notice, comment } = await commentOf(db, ctx, noticeId, commentId);
  if (notice.status !== 'published') throw new AppError('NOTICE_STATE_INVALID');
  if (comment.kind !== 'objection' || comment.appeal_id !== null)
    throw new AppError('NOTICE_COMMENT_HANDLED');
  const villageCode = body.villageCode ?? notice.area_code;
  const noticeArea = await areaKindInScope(db, ctx.scope, notice.area_code);
  // A village of the notice's own area: a town's notice raises appeals in that town only.
  const withinNotice =
    noticeArea !== undefined &&
    codeInScope(villageCode, scopeOf({ code: notice.area_code, kind: noticeArea }));
  if (!withinNotice || (await areaKindInScope(db, ctx.scope, villageCode)) !== 'village') {
    throw new AppError('AREA_UNKNOWN', { code: villageCode });
  }
  const phone = comment.phone_enc === null ? null : ctx.secrets.decrypt(comment.phone_enc);
  const named = comment.author_name !== null && phone !== null;
  const appeal = await submitAppeal(db, ctx, {
    appeal: {
      channel: 'public_page',
      categoryCode: body.categoryCode,
      villageCode,
      address: '',
      latitude: null,
      longitude: null,
      title: `对公示“${notice.title}”的异议`.slice(0, 60),
      description: comment.body,
      reporterKind: named ? 'person' : 'anonymous',
      reporterResidentId: null,
      householdId: null,
      reporterName: named ? comment.author_name : null,
      reporterPhone: named ? phone : null,
    },
    source: { kind: 'notice_objection', id: comment.id },
    createdBy: ctx.caller.id,
  });
  if (!(await setCommentAppeal(db, commentId, appeal.id))) throw new AppError('NOTICE_COMMENT_HANDLED');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'notice.objection_to_appeal',
    objectType: 'notice',
    objectId: noticeId,
    areaCode: notice.area_code,
    after: { commentId, appealId: appeal.id },
  });
  return {
    comment: await viewOf(db, noticeId, commentId),
    appealId: appeal.id,
    trackingCode: appeal.trackingCode,
  };
}

/**
 * A resident's comment or objection while the period is open. An objection, and any comment on a
 * notice that is not anonymous, carries a name and a verified phone; an anonymous comment does not,
 * and every address is limited per hour.
 */
export async function postPublicComment(
  db: Db,
  ctx: { clock: Clock; secrets: Secrets; ip: string },
  noticeId: string,
  body: { kind: NoticeCommentKind; body: string; name: string | null; proof: string | null },
) {
  const notice = await findPublicNotice(db, noticeId);
  if (!notice) throw notFound();
  const now = ctx.clock.now();
  if (notice.comment_mode === 'closed') throw new AppError('NOTICE_COMMENTS_CLOSED');
  if (!isPeriodOpen(notice, now)) throw new AppError('NOTICE_NOT_OPEN');
  const signed = body.kind === 'objection' || notice.comment_mode === 'named' || body.name !== null;
  if (signed && (body.name === null || body.proof === null)) throw new AppError('NOTICE_NAME_REQUIRED');
  const phone = signed && body.proof !== null ? verifiedPhone(ctx, body.proof, 'notice_comment') : null;
  const ipHash = ctx.secrets.lookupHash(`ip:${ctx.ip}`);
  const since = new Date(now.getTime() - 3_600_000).toISOString();
  if ((await countCommentsFromIp(db, ipHash, since)) >= COMMENTS_PER_IP_PER_HOUR)
    throw new AppError('RATE_LIMITED');
  const id = newId();
  await insertComment(db, {
    id,
    notice_id: noticeId,
    kind: body.kind,
    body: body.body,
    author_name: signed ? body.name : null,
    phone_enc: phone === null ? null : ctx.secrets.encrypt(phone),
    phone_hash: phone === null ? null : ctx.secrets.lookupHash(phone),
    phone_masked: phone === null ? null : maskPhone(phone),
    ip_hash: ipHash,
    answer: null,
    answered_by: null,
    answered_at: null,
    appeal_id: null,
    created_at: now.toISOString(),
  });
  return { id, kind: body.kind, createdAt: now.toISOString() };
}
