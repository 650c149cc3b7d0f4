import { z } from 'zod';
import { AttachmentUploadQuery } from '../appeals';
import { defineContract } from '../contract';
import {
  Notice,
  NoticeAnswerBody,
  NoticeAttachment,
  NoticeCloseBody,
  NoticeComment,
  NoticeCreateBody,
  NoticesListQuery,
  NoticesPage,
  NoticeToAppealBody,
  NoticeUpdateBody,
  NoticeVersionBody,
  NoticeWithdrawBody,
  PublicNotice,
  PublicNoticeCommentBody,
  PublicNoticeCommentResponse,
  PublicNoticeSummary,
  PublicNoticesQuery,
} from '../notices';

// The endpoints of public notices (公示): the staff's under /notices, the residents' under /public/notices.

const tag = 'notices';

export const NoticeIdParams = z.strictObject({ id: z.uuid() });
export const NoticeCommentParams = z.strictObject({ id: z.uuid(), commentId: z.uuid() });
export const NoticeAttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
export const PublicNoticesListResponse = z.object({ items: z.array(PublicNoticeSummary) });
export const NoticeToAppealResponse = z.object({
  comment: NoticeComment,
  appealId: z.string(),
  trackingCode: z.string(),
});

/** `/notices`: notices of the caller's area, from draft to closing. */
export const noticesApi = {
  list: defineContract({
    method: 'GET',
    path: '/notices',
    tag,
    query: NoticesListQuery,
    response: NoticesPage,
  }),
  create: defineContract({
    method: 'POST',
    path: '/notices',
    tag,
    summary: 'A draft notice; the period is counted from its publishing',
    body: NoticeCreateBody,
    response: Notice,
    status: 201,
  }),
  get: defineContract({
    method: 'GET',
    path: '/notices/:id',
    tag,
    summary: 'A notice with its attachments, comments and objections',
    params: NoticeIdParams,
    response: Notice,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/notices/:id',
    tag,
    summary: 'Change a draft',
    params: NoticeIdParams,
    body: NoticeUpdateBody,
    response: Notice,
  }),
  publish: defineContract({
    method: 'POST',
    path: '/notices/:id/publish',
    tag,
    summary: 'Publish a draft: its period begins (now, or at its set start) and its end is fixed',
    params: NoticeIdParams,
    body: NoticeVersionBody,
    response: Notice,
  }),
  close: defineContract({
    method: 'POST',
    path: '/notices/:id/close',
    tag,
    summary: 'Close a notice whose period has ended: no objection, or every objection handled',
    params: NoticeIdParams,
    body: NoticeCloseBody,
    response: Notice,
  }),
  withdraw: defineContract({
    method: 'POST',
    path: '/notices/:id/withdraw',
    tag,
    params: NoticeIdParams,
    body: NoticeWithdrawBody,
    response: Notice,
  }),
};

/** `/notices/:id/comments/:commentId`: answering in public, or an objection turned into an appeal. */
export const noticeCommentsApi = {
  answer: defineContract({
    method: 'POST',
    path: '/notices/:id/comments/:commentId/answer',
    tag,
    summary: 'Answer a comment or an objection; the answer shows on the public page',
    params: NoticeCommentParams,
    body: NoticeAnswerBody,
    response: NoticeComment,
  }),
  toAppeal: defineContract({
    method: 'POST',
    path: '/notices/:id/comments/:commentId/appeal',
    tag,
    summary: 'Turn an objection into an appeal, linked both ways',
    params: NoticeCommentParams,
    body: NoticeToAppealBody,
    response: NoticeToAppealResponse,
    status: 201,
  }),
};

/** `/notices/:id/attachments`: images and PDFs of a draft, read as the files they are. */
export const noticeAttachmentsApi = {
  create: defineContract({
    method: 'POST',
    path: '/notices/:id/attachments',
    tag,
    summary: 'Add a photo (JPG, PNG) or a PDF to a draft, the raw file as the body',
    params: NoticeIdParams,
    query: AttachmentUploadQuery,
    response: NoticeAttachment,
    status: 201,
    bodyKind: 'binary',
  }),
  get: defineContract({
    method: 'GET',
    path: '/notices/:id/attachments/:attachmentId',
    tag,
    params: NoticeAttachmentParams,
    responseKind: 'file',
  }),
};

/** `/public/notices`: what residents read and where they comment or object (no login). */
export const publicNoticesApi = {
  list: defineContract({
    method: 'GET',
    path: '/public/notices',
    tag,
    summary: 'Published notices of a village, its town and the district',
    query: PublicNoticesQuery,
    response: PublicNoticesListResponse,
  }),
  get: defineContract({
    method: 'GET',
    path: '/public/notices/:id',
    tag,
    params: NoticeIdParams,
    response: PublicNotice,
  }),
  comment: defineContract({
    method: 'POST',
    path: '/public/notices/:id/comments',
    tag,
    summary: 'A comment or an objection while the period is open; named ones need a verified phone',
    params: NoticeIdParams,
    body: PublicNoticeCommentBody,
    response: PublicNoticeCommentResponse,
    status: 201,
  }),
  attachment: defineContract({
    method: 'GET',
    path: '/public/notices/:id/attachments/:attachmentId',
    tag,
    params: NoticeAttachmentParams,
    responseKind: 'file',
  }),
};
