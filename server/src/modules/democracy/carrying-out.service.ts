import {
  chinaDate,
  type HolidayCalendar,
  MATTER_ATTACHMENTS_MAX,
  type Matter,
  type MatterAttachment,
  MatterTaskCreateBody,
  type MatterTaskUpdateBody,
} from '@lianxin/common';
import type { z } from 'zod';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { type AttachmentContentType, cleanAttachment } from '../../platform/images';
import type { AreaContext } from '../../platform/request-context';
import type { AreaScope } from '../../platform/scope';
import { publishNotice } from '../notices';
import {
  findTask,
  insertMatterAttachment,
  insertSpending,
  insertTask,
  matterAttachmentFile,
  matterAttachmentList,
  matterMeetings,
  matterSpendings,
  touchMatter,
  updateMatter,
  updateTask,
} from './matters.repository';
import { getMatter, matterRowOf, toFen, toYuan } from './matters.service';
import { getMeeting } from './meeting-views';
import { rollOf } from './meetings.repository';

// The two publicities (两公开): the adopted resolution published with its vote, the carrying out
// tracked (tasks, spending, photos), the result published; only then does a matter close.

type Ctx = Pick<AreaContext, 'clock' | 'actor' | 'scope' | 'caller'> & { calendar?: HolidayCalendar };

const bodyNames = {
  branch_committee: '党支部委员会',
  joint_committees: '村“两委”联席会议',
  party_members: '党员大会',
  representatives: '村民代表会议',
  villagers: '村民会议',
} as const;

const yuan = (amount: number) =>
  amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The vote line a resolution notice carries: the deciding meeting, attendance and the counts. */
async function voteLine(db: Db, matter: Matter): Promise<string> {
  const decision = matter.decision;
  if (!decision) return '';
  const meetings = await matterMeetings(db, matter.id);
  const meeting = meetings.find((m) => m.id === decision.meetingId);
  const roll = await rollOf(db, decision.meetingId);
  const entitled = roll.filter((r) => Boolean(r.entitled));
  const present = entitled.filter((r) => r.attendance === 'present').length;
  const day = meeting ? chinaDate(new Date(meeting.held_at)) : '';
  return `${day}${bodyNames[decision.body]}表决：应到${entitled.length}人，实到${present}人；赞成${decision.for}票，反对${decision.against}票，弃权${decision.abstain}票，决议通过。`;
}

/** Publishes the adopted resolution on the village's board (决议公开), with the vote counts. */
export async function publishResolution(
  db: Db,
  ctx: Ctx,
  id: string,
  body: { version: number; body: string },
): Promise<Matter> {
  const matter = await getMatter(db, ctx.scope, id);
  if (matter.status !== 'adopted') throw new AppError('MATTER_STATE_INVALID');
  const text = [body.body, await voteLine(db, matter)].filter((s) => s.length > 0).join('\n\n');
  const notice = await publishNotice(
    db,
    ctx,
    {
      kind: 'resolution',
      title: `决议公开：${matter.title}`,
      body: text,
      areaCode: matter.villageCode,
      commentMode: 'named',
    },
    ctx.caller.id,
  );
  const now = ctx.clock.now().toISOString();
  const changed = await updateMatter(db, id, body.version, {
    status: 'carrying_out',
    resolution_notice_id: notice.id,
    updated_at: now,
  });
  if (!changed) throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.publish_resolution',
    objectType: 'matter',
    objectId: id,
    areaCode: matter.villageCode,
    after: { noticeId: notice.id },
  });
  return getMatter(db, ctx.scope, id);
}

/** Publishes the result of carrying it out (实施结果公开), with the spending against the estimate. */
export async function publishResult(
  db: Db,
  ctx: Ctx,
  id: string,
  body: { version: number; body: string },
): Promise<Matter> {
  const matter = await getMatter(db, ctx.scope, id);
  if (matter.status !== 'carrying_out') throw new AppError('MATTER_STATE_INVALID');
  const estimate = matter.estimatedAmount === null ? '' : `预算${yuan(matter.estimatedAmount)}元，`;
  const money = `${estimate}实际支出${yuan(matter.spent)}元（${matter.spendings.length}笔）。`;
  const notice = await publishNotice(
    db,
    ctx,
    {
      kind: 'result',
      title: `实施结果公开：${matter.title}`,
      body: `${body.body}\n\n${money}`,
      areaCode: matter.villageCode,
      commentMode: 'named',
    },
    ctx.caller.id,
  );
  const changed = await updateMatter(db, id, body.version, {
    status: 'result_published',
    result_notice_id: notice.id,
    updated_at: ctx.clock.now().toISOString(),
  });
  if (!changed) throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.publish_result',
    objectType: 'matter',
    objectId: id,
    areaCode: matter.villageCode,
    after: { noticeId: notice.id, spent: matter.spent },
  });
  return getMatter(db, ctx.scope, id);
}

/** Closes a matter once its resolution and its result are both published. */
export async function closeMatter(db: Db, ctx: Ctx, id: string, version: number): Promise<Matter> {
  const row = await matterRowOf(db, ctx.scope, id);
  if (row.status === 'adopted' || row.status === 'carrying_out') throw new AppError('MATTER_NOT_PUBLISHED');
  if (row.status !== 'result_published' || !row.resolution_notice_id || !row.result_notice_id) {
    throw new AppError('MATTER_STATE_INVALID');
  }
  const now = ctx.clock.now().toISOString();
  if (!(await updateMatter(db, id, version, { status: 'closed', closed_at: now, updated_at: now }))) {
    throw new AppError('VERSION_CONFLICT');
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.close',
    objectType: 'matter',
    objectId: id,
    areaCode: row.village_code,
  });
  return getMatter(db, ctx.scope, id);
}

async function carryingOut(db: Db, scope: AreaScope, id: string) {
  const row = await matterRowOf(db, scope, id);
  if (row.status !== 'carrying_out') throw new AppError('MATTER_STATE_INVALID');
  return row;
}

export async function addTask(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.input<typeof MatterTaskCreateBody>,
): Promise<Matter> {
  const body = MatterTaskCreateBody.parse(input);
  const row = await carryingOut(db, ctx.scope, id);
  const now = ctx.clock.now().toISOString();
  const taskId = newId();
  await insertTask(db, {
    id: taskId,
    matter_id: id,
    title: body.title,
    due_on: body.dueOn,
    assignee: body.assignee,
    done_at: null,
    created_at: now,
  });
  await touchMatter(db, id, now);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.task_add',
    objectType: 'matter',
    objectId: id,
    areaCode: row.village_code,
    after: { taskId, title: body.title, dueOn: body.dueOn },
  });
  return getMatter(db, ctx.scope, id);
}

export async function changeTask(
  db: Db,
  ctx: Ctx,
  id: string,
  taskId: string,
  body: MatterTaskUpdateBody,
): Promise<Matter> {
  const row = await carryingOut(db, ctx.scope, id);
  const task = await findTask(db, id, taskId);
  if (!task) throw notFound();
  const now = ctx.clock.now().toISOString();
  const changes = {
    ...(body.title === undefined ? {} : { title: body.title }),
    ...(body.dueOn === undefined ? {} : { due_on: body.dueOn }),
    ...(body.assignee === undefined ? {} : { assignee: body.assignee }),
    ...(body.done === undefined ? {} : { done_at: body.done ? (task.done_at ?? now) : null }),
  };
  // An edit that asks for no change answers the matter as it is.
  if (Object.keys(changes).length === 0) return getMatter(db, ctx.scope, id);
  await updateTask(db, taskId, changes);
  await touchMatter(db, id, now);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.task_update',
    objectType: 'matter',
    objectId: id,
    areaCode: row.village_code,
    before: { taskId, title: task.title, done: task.done_at !== null },
    after: body,
  });
  return getMatter(db, ctx.scope, id);
}

export async function addSpending(
  db: Db,
  ctx: Ctx,
  id: string,
  body: { amount: number; spentOn: string; note: string },
): Promise<Matter> {
  const row = await carryingOut(db, ctx.scope, id);
  const now = ctx.clock.now().toISOString();
  await insertSpending(db, {
    id: newId(),
    matter_id: id,
    amount_fen: toFen(body.amount),
    spent_on: body.spentOn,
    note: body.note,
    created_by: ctx.caller.id,
    created_at: now,
  });
  await touchMatter(db, id, now);
  const spent = (await matterSpendings(db, id)).reduce((sum, s) => sum + Number(s.amount_fen), 0);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.spending_add',
    objectType: 'matter',
    objectId: id,
    areaCode: row.village_code,
    after: { amount: body.amount, spentOn: body.spentOn, note: body.note, spent: toYuan(spent) },
  });
  return getMatter(db, ctx.scope, id);
}

/**
 * Adds a document (while the matter is open) or a photo of the work (while it is carried out),
 * checked and cleaned as an appeal's files are.
 */
export async function addMatterAttachment(
  db: Db,
  ctx: Ctx,
  id: string,
  file: {
    fileName: string;
    purpose: 'document' | 'photo';
    contentType: AttachmentContentType;
    content: Buffer;
  },
): Promise<MatterAttachment> {
  const row = await matterRowOf(db, ctx.scope, id);
  const open = !['closed', 'rejected', 'withdrawn'].includes(row.status);
  if (!open || (file.purpose === 'photo' && row.status !== 'carrying_out')) {
    throw new AppError('MATTER_STATE_INVALID');
  }
  if ((await matterAttachmentList(db, id)).length >= MATTER_ATTACHMENTS_MAX) {
    throw new AppError('MATTER_ATTACHMENT_LIMIT', { max: MATTER_ATTACHMENTS_MAX });
  }
  const content = cleanAttachment(file.content, file.contentType);
  const now = ctx.clock.now().toISOString();
  const attachment = {
    id: newId(),
    matter_id: id,
    purpose: file.purpose,
    file_name: file.fileName,
    content_type: file.contentType,
    size: content.length,
    content,
    uploaded_by: ctx.caller.id,
    created_at: now,
  };
  await insertMatterAttachment(db, attachment);
  await touchMatter(db, id, now);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.attach',
    objectType: 'matter',
    objectId: id,
    areaCode: row.village_code,
    after: { file: file.fileName, purpose: file.purpose, type: file.contentType, size: attachment.size },
  });
  return {
    id: attachment.id,
    purpose: attachment.purpose,
    fileName: attachment.file_name,
    contentType: attachment.content_type,
    size: attachment.size,
    createdAt: now,
  };
}

export async function readMatterAttachment(db: Db, scope: AreaScope, id: string, attachmentId: string) {
  await matterRowOf(db, scope, id);
  const file = await matterAttachmentFile(db, id, attachmentId);
  if (!file) throw notFound();
  return file;
}

/** An adopted matter (or one past adoption) and the meetings that took its steps, for its resolution PDF. */
export async function resolutionOf(db: Db, scope: AreaScope, id: string) {
  const matter = await getMatter(db, scope, id);
  if (!matter.decision) throw new AppError('MATTER_STATE_INVALID');
  const ids = matter.steps.flatMap((s) => (s.meetingId ? [s.meetingId] : []));
  const meetings = await Promise.all(ids.map((meetingId) => getMeeting(db, scope, meetingId)));
  return { matter, meetings };
}
