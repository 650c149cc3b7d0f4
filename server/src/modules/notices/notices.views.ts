import { maskedAuthorName, type NoticeComment, type PublicNotice } from '@lianxin/common';
import type { CommentRow } from './notices.repository';

// What leaves the server of a comment: the staff see the name and the masked phone; the public
// sees surname + 某 and never a phone.

export function toComment(r: CommentRow): NoticeComment {
  return {
    id: r.id,
    kind: r.kind,
    body: r.body,
    authorName: r.author_name,
    phoneMasked: r.phone_masked,
    createdAt: r.created_at,
    answer: r.answer,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by_name,
    appealId: r.appeal_id,
    appealTrackingCode: r.appeal_tracking_code,
  };
}

/** The comments the public page shows: those answered in public or turned into an appeal. */
export function publicAnswers(rows: CommentRow[]): PublicNotice['answers'] {
  return rows
    .filter((r) => r.answer !== null || r.appeal_id !== null)
    .map((r) => ({
      kind: r.kind,
      body: r.body,
      authorName: r.author_name === null ? null : maskedAuthorName(r.author_name),
      createdAt: r.created_at,
      answer: r.answer,
      answeredAt: r.answered_at,
      toAppeal: r.appeal_id !== null,
    }));
}
