import {
  MatterCreateBody as CreateSchema,
  isArticle24,
  type Matter,
  type MatterCreateBody,
  type MatterSummary,
  type MattersListQuery,
  type MatterUpdateBody,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaContext } from '../../platform/request-context';
import { type AreaScope, scopeOf } from '../../platform/scope';
import { type SkippedStep, statusAfter, stepOf, stepsOf } from './matter-steps';
import {
  findMatter,
  insertMatter,
  listMatterRows,
  type MatterRow,
  matterAttachmentList,
  matterExists,
  matterMeetings,
  matterSpendings,
  matterTasks,
  updateMatter,
} from './matters.repository';
import { areaInScope } from './members.repository';
import { villageOf } from './members.service';

// Matters (议题): proposed in a village, taken through the four deliberations in order; an art. 24
// matter may skip none of them.

type Ctx = Pick<AreaContext, 'clock' | 'actor' | 'scope' | 'caller'>;

/** Fen to yuan and back, exactly (amounts are stored in fen). */
export const toFen = (yuan: number) => Math.round(yuan * 100);
export const toYuan = (fen: number) => fen / 100;

function summaryOf(row: MatterRow): MatterSummary {
  return {
    id: row.id,
    villageCode: row.village_code,
    villageName: row.village_name,
    title: row.title,
    kind: row.kind,
    estimatedAmount: row.estimated_fen === null ? null : toYuan(Number(row.estimated_fen)),
    status: row.status,
    step: stepOf(row.status),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

async function matterView(db: Db, row: MatterRow): Promise<Matter> {
  const [meetings, tasks, spendings, attachments] = await Promise.all([
    matterMeetings(db, row.id),
    matterTasks(db, row.id),
    matterSpendings(db, row.id),
    matterAttachmentList(db, row.id),
  ]);
  const steps = stepsOf(meetings, JSON.parse(row.skipped_steps) as SkippedStep[]);
  const deciding = meetings.find((m) => m.id === steps[3]?.meetingId);
  return {
    ...summaryOf(row),
    description: row.description,
    steps,
    decision:
      deciding && deciding.votes_for !== null
        ? {
            meetingId: deciding.id,
            body: deciding.body,
            for: deciding.votes_for,
            against: deciding.votes_against ?? 0,
            abstain: deciding.votes_abstain ?? 0,
          }
        : null,
    resolutionNoticeId: row.resolution_notice_id,
    resultNoticeId: row.result_notice_id,
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      dueOn: t.due_on,
      assignee: t.assignee,
      done: t.done_at !== null,
      doneAt: t.done_at,
    })),
    spendings: spendings.map((s) => ({
      id: s.id,
      amount: toYuan(Number(s.amount_fen)),
      spentOn: s.spent_on,
      note: s.note,
      createdAt: s.created_at,
    })),
    spent: toYuan(spendings.reduce((sum, s) => sum + Number(s.amount_fen), 0)),
    attachments: attachments.map((a) => ({
      id: a.id,
      purpose: a.purpose,
      fileName: a.file_name,
      contentType: a.content_type,
      size: a.size,
      createdAt: a.created_at,
    })),
    withdrawReason: row.withdraw_reason,
    closedAt: row.closed_at,
  };
}

/** A matter of the caller's reach, or 404. */
export async function matterRowOf(db: Db, scope: AreaScope, id: string): Promise<MatterRow> {
  const row = await findMatter(db, scope, id);
  if (!row) throw notFound();
  return row;
}

export async function getMatter(db: Db, scope: AreaScope, id: string): Promise<Matter> {
  return matterView(db, await matterRowOf(db, scope, id));
}

export async function listMatters(db: Db, scope: AreaScope, query: MattersListQuery) {
  let within: AreaScope | undefined;
  if (query.areaCode) {
    const area = await areaInScope(db, scope, query.areaCode);
    if (!area) throw new AppError('AREA_UNKNOWN', { code: query.areaCode });
    within = scopeOf(area);
  }
  const { rows, total } = await listMatterRows(
    db,
    scope,
    { within, status: query.status, kind: query.kind, q: query.q },
    { limit: query.limit, offset: query.offset },
  );
  return { items: rows.map(summaryOf), total };
}

export async function createMatter(db: Db, ctx: Ctx, input: MatterCreateBody): Promise<Matter> {
  const body = CreateSchema.parse(input);
  if (body.id && (await matterExists(db, body.id))) return getMatter(db, ctx.scope, body.id);
  await villageOf(db, ctx.scope, body.villageCode);
  const id = body.id ?? newId();
  const now = ctx.clock.now().toISOString();
  await insertMatter(db, {
    id,
    village_code: body.villageCode,
    title: body.title,
    description: body.description,
    kind: body.kind,
    estimated_fen: body.estimatedAmount === null ? null : toFen(body.estimatedAmount),
    status: 'proposing',
    skipped_steps: '[]',
    resolution_notice_id: null,
    result_notice_id: null,
    withdraw_reason: null,
    closed_at: null,
    created_by: ctx.caller.id,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.create',
    objectType: 'matter',
    objectId: id,
    areaCode: body.villageCode,
    after: { title: body.title, kind: body.kind, estimatedAmount: body.estimatedAmount },
  });
  return getMatter(db, ctx.scope, id);
}

/** Changes a matter still waiting for the branch's proposal. */
export async function updateMatterDetails(
  db: Db,
  ctx: Ctx,
  id: string,
  patch: MatterUpdateBody,
): Promise<Matter> {
  const row = await matterRowOf(db, ctx.scope, id);
  if (row.status !== 'proposing') throw new AppError('MATTER_STATE_INVALID');
  const { version, estimatedAmount, ...rest } = patch;
  const changed = await updateMatter(db, id, version, {
    ...(rest.title === undefined ? {} : { title: rest.title }),
    ...(rest.description === undefined ? {} : { description: rest.description }),
    ...(rest.kind === undefined ? {} : { kind: rest.kind }),
    ...(estimatedAmount === undefined
      ? {}
      : { estimated_fen: estimatedAmount === null ? null : toFen(estimatedAmount) }),
    updated_at: ctx.clock.now().toISOString(),
  });
  if (!changed) throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.update',
    objectType: 'matter',
    objectId: id,
    areaCode: row.village_code,
    before: { title: row.title, kind: row.kind, estimatedFen: row.estimated_fen },
    after: patch,
  });
  return getMatter(db, ctx.scope, id);
}

/** Skips the current deliberation with a reason; never for an art. 24 matter (村民委员会组织法 art. 24). */
export async function skipStep(
  db: Db,
  ctx: Ctx,
  id: string,
  body: { version: number; reason: string },
): Promise<Matter> {
  const row = await matterRowOf(db, ctx.scope, id);
  const step = stepOf(row.status);
  if (!step) throw new AppError('MATTER_STATE_INVALID');
  if (isArticle24(row.kind)) throw new AppError('MATTER_STEP_REQUIRED');
  const now = ctx.clock.now().toISOString();
  const skipped = [
    ...(JSON.parse(row.skipped_steps) as SkippedStep[]),
    { step, reason: body.reason, at: now },
  ];
  const status = statusAfter(step);
  const changed = await updateMatter(db, id, body.version, {
    status,
    skipped_steps: JSON.stringify(skipped),
    updated_at: now,
  });
  if (!changed) throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.skip',
    objectType: 'matter',
    objectId: id,
    areaCode: row.village_code,
    before: { status: row.status },
    after: { status, step, reason: body.reason },
  });
  return getMatter(db, ctx.scope, id);
}

export async function withdrawMatter(
  db: Db,
  ctx: Ctx,
  id: string,
  body: { version: number; reason: string },
): Promise<Matter> {
  const row = await matterRowOf(db, ctx.scope, id);
  if (!stepOf(row.status) && row.status !== 'adopted') throw new AppError('MATTER_STATE_INVALID');
  const changed = await updateMatter(db, id, body.version, {
    status: 'withdrawn',
    withdraw_reason: body.reason,
    updated_at: ctx.clock.now().toISOString(),
  });
  if (!changed) throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'matter.withdraw',
    objectType: 'matter',
    objectId: id,
    areaCode: row.village_code,
    before: { status: row.status },
    after: { reason: body.reason },
  });
  return getMatter(db, ctx.scope, id);
}
