import {
  AccountabilityCreateBody,
  chinaDate,
  type Project,
  ProjectCreateBody,
  type ProjectSummary,
  type ProjectsListQuery,
  SpendingCreateBody,
  stageState,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { AreaContext } from '../../../platform/request-context';
import type { AreaScope } from '../../../platform/scope';
import {
  accountabilitiesOf,
  areaKindInScope,
  completeStageRow,
  findProject,
  insertAccountability,
  insertProject,
  insertSpending,
  insertStages,
  isObjectionTo,
  listProjectRows,
  type ProjectRow,
  type StageRow,
  spendingsOf,
  stagesOf,
  touchProject,
} from './projects.repository';

const yuan = (fen: number | string | null | undefined) => Number(fen ?? 0) / 100;
const fen = (amount: number) => Math.round(amount * 100);

function toSummary(r: ProjectRow, stages: readonly StageRow[], now: Date): ProjectSummary {
  const mine = stages.filter((s) => s.project_id === r.id);
  return {
    id: r.id,
    areaCode: r.area_code,
    areaName: r.area_name,
    title: r.title,
    responsiblePerson: r.responsible_person,
    responsibleUnit: r.responsible_unit,
    budget: yuan(r.budget_fen),
    spent: yuan(r.spent_fen),
    stages: Number(r.stage_count ?? 0),
    stagesDone: Number(r.done_count ?? 0),
    lateStages: mine.filter(
      (s) => stageState({ dueOn: s.due_on, completedOn: s.completed_on }, now) === 'late',
    ).length,
    noticeId: r.notice_id,
    createdAt: r.created_at,
  };
}

export async function listProjects(
  db: Db,
  ctx: Pick<AreaContext, 'scope' | 'clock'>,
  query: ProjectsListQuery,
) {
  const now = ctx.clock.now();
  const { rows, total } = await listProjectRows(
    db,
    ctx.scope,
    { areaCode: query.areaCode, lateOn: query.late === 'true' ? chinaDate(now) : undefined },
    { limit: query.limit, offset: query.offset },
  );
  const stages = await stagesOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toSummary(r, stages, now)), total };
}

/** A project of the caller's area with its stages, spending and accountability records; 404 outside. */
export async function getProject(
  db: Db,
  ctx: Pick<AreaContext, 'scope' | 'clock'>,
  id: string,
): Promise<Project> {
  const row = await findProject(db, ctx.scope, id);
  if (!row) throw notFound();
  const now = ctx.clock.now();
  const [stages, spendings, records] = await Promise.all([
    stagesOf(db, [id]),
    spendingsOf(db, id),
    accountabilitiesOf(db, id),
  ]);
  return {
    ...toSummary(row, stages, now),
    description: row.description,
    stagesList: stages.map((s) => ({
      id: s.id,
      seq: Number(s.seq),
      name: s.name,
      dueOn: s.due_on,
      completedOn: s.completed_on,
      note: s.note,
      state: stageState({ dueOn: s.due_on, completedOn: s.completed_on }, now),
      spent: yuan(s.spent_fen),
    })),
    spendings: spendings.map((s) => ({
      id: s.id,
      stageId: s.stage_id,
      spentOn: s.spent_on,
      amount: yuan(s.amount_fen),
      item: s.item,
      createdAt: s.created_at,
    })),
    accountabilities: records.map((a) => ({
      id: a.id,
      reason: a.reason,
      stageId: a.stage_id,
      objectionId: a.objection_id,
      person: a.person,
      measure: a.measure,
      decidedOn: a.decided_on,
      note: a.note,
      createdAt: a.created_at,
    })),
    version: row.version,
  };
}

/** A project in a village or town of the caller's reach, with its stages in order. */
export async function createProject(db: Db, ctx: AreaContext, input: ProjectCreateBody): Promise<Project> {
  const body = ProjectCreateBody.parse(input);
  if (body.id && (await findProject(db, ctx.scope, body.id))) return getProject(db, ctx, body.id);
  const kind = await areaKindInScope(db, ctx.scope, body.areaCode);
  if (kind !== 'village' && kind !== 'town') throw new AppError('AREA_UNKNOWN', { code: body.areaCode });
  const id = body.id ?? newId();
  const now = ctx.clock.now().toISOString();
  await insertProject(db, {
    id,
    area_code: body.areaCode,
    title: body.title,
    description: body.description,
    responsible_person: body.responsiblePerson,
    responsible_unit: body.responsibleUnit,
    budget_fen: fen(body.budget),
    notice_id: null,
    created_by: ctx.caller.id,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await insertStages(
    db,
    body.stages.map((s, i) => ({
      id: newId(),
      project_id: id,
      seq: i + 1,
      name: s.name,
      due_on: s.dueOn,
      completed_on: null,
      note: '',
    })),
  );
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'project.create',
    objectType: 'project',
    objectId: id,
    areaCode: body.areaCode,
    after: { title: body.title, budget: body.budget, responsible: body.responsiblePerson },
  });
  return getProject(db, ctx, id);
}

async function projectInScope(db: Db, scope: AreaScope, id: string) {
  const row = await findProject(db, scope, id);
  if (!row) throw notFound();
  return row;
}

/** Records a stage as done on a China day (not in the future); a stage is completed once. */
export async function completeStage(
  db: Db,
  ctx: AreaContext,
  id: string,
  stageId: string,
  body: { completedOn: string; note: string },
): Promise<Project> {
  const project = await projectInScope(db, ctx.scope, id);
  const stage = (await stagesOf(db, [id])).find((s) => s.id === stageId);
  if (!stage) throw notFound();
  if (body.completedOn > chinaDate(ctx.clock.now())) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.completedOn', message: 'in the future' }]);
  }
  if (!(await completeStageRow(db, id, stageId, body.completedOn, body.note))) {
    throw new AppError('PROJECT_STAGE_DONE');
  }
  await touchProject(db, id, ctx.clock.now().toISOString());
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'project.stage_complete',
    objectType: 'project',
    objectId: id,
    areaCode: project.area_code,
    after: { stage: stage.name, dueOn: stage.due_on, completedOn: body.completedOn },
  });
  return getProject(db, ctx, id);
}

/** Records money spent on the project (and, if named, one of its stages). */
export async function addSpending(db: Db, ctx: AreaContext, id: string, input: SpendingCreateBody) {
  const body = SpendingCreateBody.parse(input);
  const project = await projectInScope(db, ctx.scope, id);
  if (body.stageId !== null && !(await stagesOf(db, [id])).some((s) => s.id === body.stageId)) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.stageId', message: 'unknown' }]);
  }
  const now = ctx.clock.now().toISOString();
  await insertSpending(db, {
    id: newId(),
    project_id: id,
    stage_id: body.stageId,
    spent_on: body.spentOn,
    amount_fen: fen(body.amount),
    item: body.item,
    recorded_by: ctx.caller.id,
    created_at: now,
  });
  await touchProject(db, id, now);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'project.spend',
    objectType: 'project',
    objectId: id,
    areaCode: project.area_code,
    after: { amount: body.amount, item: body.item, spentOn: body.spentOn },
  });
  return getProject(db, ctx, id);
}

/**
 * Holds someone to account (责任追究): for a stage that is late (past due and not done, or done
 * after its due day), or for an objection to the project's notice that was upheld.
 */
export async function addAccountability(
  db: Db,
  ctx: AreaContext,
  id: string,
  input: AccountabilityCreateBody,
) {
  const body = AccountabilityCreateBody.parse(input);
  const project = await projectInScope(db, ctx.scope, id);
  const now = ctx.clock.now();
  if (body.reason === 'stage_late') {
    const stage = (await stagesOf(db, [id])).find((s) => s.id === body.stageId);
    const state = stage && stageState({ dueOn: stage.due_on, completedOn: stage.completed_on }, now);
    if (state !== 'late' && state !== 'done_late') throw new AppError('PROJECT_STAGE_NOT_LATE');
  } else {
    const known =
      project.notice_id !== null &&
      body.objectionId !== null &&
      (await isObjectionTo(db, project.notice_id, body.objectionId));
    if (!known) throw new AppError('PROJECT_OBJECTION_UNKNOWN');
  }
  const recordId = newId();
  await insertAccountability(db, {
    id: recordId,
    project_id: id,
    reason: body.reason,
    stage_id: body.reason === 'stage_late' ? body.stageId : null,
    objection_id: body.reason === 'objection_upheld' ? body.objectionId : null,
    person: body.person,
    measure: body.measure,
    decided_on: body.decidedOn,
    note: body.note,
    recorded_by: ctx.caller.id,
    created_at: now.toISOString(),
  });
  await touchProject(db, id, now.toISOString());
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'project.accountability',
    objectType: 'project',
    objectId: id,
    areaCode: project.area_code,
    after: { reason: body.reason, person: body.person, measure: body.measure },
  });
  return getProject(db, ctx, id);
}
