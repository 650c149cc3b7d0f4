import {
  MonthlyTopicsCreateBody as CreateBody,
  chinaDate,
  type Locale,
  type MonthlyTopic,
  type MonthlyTopicSummary,
  type MonthlyTopicsCreateBody,
  type MonthlyTopicsListQuery,
  type MonthlyTopicUpdateBody,
  shiftMonth,
  type TopicMeasureBody,
  type TopicMeasureUpdateBody,
} from '@lianxin/common';
import { type Db, isUniqueViolation } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { enqueueNotifications } from '../../../platform/notifications/notifications.service';
import type { AreaContext, RequestContext } from '../../../platform/request-context';
import { type Scope, scopeOf } from '../../../platform/scope';
import { findCategory } from '../../appeals';
import { findArea } from '../../areas';
import { unitStaff } from '../units/units.repository';
import { getUnit } from '../units/units.service';
import { topicOutcome, toTopicAppeal } from './topic-figures';
import {
  appealsToLink,
  findMeasure,
  findTopic,
  findTopicByKey,
  insertMeasure,
  insertTopic,
  listTopics,
  replaceTopicAppeals,
  type TopicRow,
  topicAppeals,
  topicMeasures,
  touchTopic,
  updateMeasure,
  updateTopic,
} from './topics.repository';

type ReadContext = Pick<RequestContext, 'scope' | 'clock' | 'locale'>;

function summaryOf(row: TopicRow, locale: Locale): MonthlyTopicSummary {
  return {
    id: row.id,
    month: row.month,
    areaCode: row.area_code,
    areaName: row.area_name,
    categoryCode: row.category_code,
    categoryName: locale === 'en' ? row.category_name_en : row.category_name_zh,
    title: row.title,
    leadUnit: { id: row.lead_unit_id, name: row.lead_unit_name },
    goalPercent: row.goal_percent,
    status: row.status,
    createdAt: row.created_at,
    version: row.version,
    appealCount: Number(row.appeal_count ?? 0),
    measureCount: Number(row.measure_count ?? 0),
    measuresDone: Number(row.measures_done ?? 0),
  };
}

export async function listTopicsInReach(
  db: Db,
  ctx: ReadContext,
  query: MonthlyTopicsListQuery,
): Promise<MonthlyTopicSummary[]> {
  return (await listTopics(db, ctx.scope, query)).map((row) => summaryOf(row, ctx.locale));
}

/** A topic in the caller's reach with its appeals, measures and outcome. */
export async function getTopic(db: Db, ctx: ReadContext, id: string): Promise<MonthlyTopic> {
  const row = await findTopic(db, ctx.scope, id);
  if (!row) throw notFound();
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const [appeals, measures, outcome] = await Promise.all([
    topicAppeals(db, id),
    topicMeasures(db, id),
    topicOutcome(
      db,
      {
        month: row.month,
        areaCode: row.area_code,
        areaKind: row.area_kind,
        categoryCode: row.category_code,
        goalPercent: row.goal_percent,
      },
      now,
    ),
  ]);
  const { appealCount: _a, measureCount: _m, measuresDone: _d, ...summary } = summaryOf(row, ctx.locale);
  return {
    ...summary,
    description: row.description,
    goalText: row.goal_text,
    createdBy: row.created_by_name,
    closedAt: row.closed_at,
    outcomeNote: row.outcome_note,
    appeals: appeals.map(toTopicAppeal),
    measures: measures.map((m) => ({
      id: m.id,
      text: m.text,
      unitId: m.unit_id,
      unitName: m.unit_name,
      dueDate: m.due_date,
      done: m.done_at !== null,
      doneAt: m.done_at,
      overdue: m.done_at === null && m.due_date < today,
    })),
    outcome,
  };
}

// The lead (牵头单位) answers for the topic: a district department or a town office.
async function assertLead(db: Db, scope: Scope, unitId: string): Promise<void> {
  const unit = await getUnit(db, scope, unitId).catch(() => null);
  if (!unit?.active || (unit.kind !== 'department' && unit.kind !== 'town_office'))
    throw new AppError('TOPIC_UNIT_INVALID');
}

// A measure's responsible unit: any active unit the district works with.
async function assertMeasureUnit(db: Db, scope: Scope, unitId: string): Promise<void> {
  const unit = await getUnit(db, scope, unitId).catch(() => null);
  if (!unit?.active) throw new AppError('TOPIC_UNIT_INVALID');
}

/** The appeals to link: each of the topic's category and inside its area, once. */
async function assertAppeals(
  db: Db,
  area: { code: string; kind: Parameters<typeof scopeOf>[0]['kind'] },
  categoryCode: string,
  ids: string[],
): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await appealsToLink(db, scopeOf(area), unique);
  if (found.length !== unique.length || found.some((a) => a.category_code !== categoryCode))
    throw new AppError('TOPIC_APPEAL_INVALID');
  return unique;
}

/**
 * Picks a topic for a month (每月一题) in an area of the caller's: the category must exist, the
 * lead be an active department or town office, the linked appeals of the category in the area;
 * one topic per month, area and category. Audited.
 */
export async function createTopic(
  trx: Db,
  ctx: AreaContext,
  input: MonthlyTopicsCreateBody,
): Promise<MonthlyTopic> {
  const body = CreateBody.parse(input);
  const now = ctx.clock.now();
  // A topic is for this month or the next; earlier months are recorded as they were picked.
  if (body.month > shiftMonth(chinaDate(now).slice(0, 7), 1))
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.month', message: 'month.future' }]);
  const area = await findArea(trx, ctx.scope, body.areaCode);
  if (!area || area.kind === 'group') throw new AppError('AREA_UNKNOWN');
  if (!(await findCategory(trx, body.categoryCode)))
    throw new AppError('APPEAL_CATEGORY_UNKNOWN', { code: body.categoryCode });
  if (await findTopicByKey(trx, body)) throw new AppError('TOPIC_DUPLICATE');
  await assertLead(trx, ctx.scope, body.leadUnitId);
  for (const m of body.measures) await assertMeasureUnit(trx, ctx.scope, m.unitId);
  const appealIds = await assertAppeals(trx, area, body.categoryCode, body.appealIds);
  const id = newId();
  const at = now.toISOString();
  // Checked above; the unique key settles a race between two districts' staff picking at once.
  await insertTopic(
    trx,
    {
      id,
      month: body.month,
      area_code: area.code,
      category_code: body.categoryCode,
      title: body.title,
      description: body.description ?? null,
      lead_unit_id: body.leadUnitId,
      goal_percent: body.goalPercent,
      goal_text: body.goalText ?? null,
      status: 'open',
      created_at: at,
      created_by: ctx.actor.id,
      closed_at: null,
      closed_by: null,
      outcome_note: null,
      version: 1,
    },
    appealIds,
    body.measures.map((m) => measureRow(id, m, at)),
  ).catch((err: unknown) => {
    throw isUniqueViolation(err) ? new AppError('TOPIC_DUPLICATE') : err;
  });
  await notifyLead(trx, ctx, { ...body, areaCode: area.code });
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'topic.create',
    objectType: 'monthly_topic',
    objectId: id,
    areaCode: area.code,
    after: {
      month: body.month,
      categoryCode: body.categoryCode,
      leadUnitId: body.leadUnitId,
      goalPercent: body.goalPercent,
      appealIds,
      measures: body.measures.length,
    },
  });
  return getTopic(trx, ctx, id);
}

/** The lead unit and its staff are told they lead the month's topic. */
async function notifyLead(
  trx: Db,
  ctx: AreaContext,
  topic: { month: string; title: string; goalPercent: number; areaCode: string; leadUnitId: string },
): Promise<void> {
  const unit = await getUnit(trx, ctx.scope, topic.leadUnitId);
  const staff = (await unitStaff(trx, unit.id)).filter((s) => s.disabled_at === null);
  const message = `【每月一题】${topic.month}「${topic.title}」由${unit.name}牵头，目标诉求量下降${topic.goalPercent}%，请制定并落实措施`;
  await enqueueNotifications(trx, ctx.clock, [
    { kind: 'topic.assigned', areaCode: topic.areaCode, recipient: unit.name, message, appealId: null },
    ...staff.map((s) => ({
      kind: 'topic.assigned' as const,
      areaCode: topic.areaCode,
      recipient: `${unit.name} ${s.name}`,
      message,
      appealId: null,
    })),
  ]);
}

function measureRow(topicId: string, m: TopicMeasureBody, at: string) {
  return {
    id: newId(),
    topic_id: topicId,
    text: m.text,
    unit_id: m.unitId,
    due_date: m.dueDate,
    done_at: null,
    done_by: null,
    created_at: at,
  };
}

/** Edits a topic (version checked), replaces its appeals, closes it with its outcome or reopens it. */
export async function updateTopicOf(
  trx: Db,
  ctx: AreaContext,
  id: string,
  body: MonthlyTopicUpdateBody,
): Promise<MonthlyTopic> {
  const row = await findTopic(trx, ctx.scope, id);
  if (!row) throw notFound();
  const editing = Object.keys(body).some((k) => k !== 'version' && k !== 'status' && k !== 'outcomeNote');
  if (row.status === 'done' && editing && body.status !== 'open') throw new AppError('TOPIC_DONE');
  if (body.leadUnitId !== undefined) await assertLead(trx, ctx.scope, body.leadUnitId);
  const appealIds =
    body.appealIds === undefined
      ? undefined
      : await assertAppeals(
          trx,
          { code: row.area_code, kind: row.area_kind },
          row.category_code,
          body.appealIds,
        );
  const at = ctx.clock.now().toISOString();
  const closing = body.status === 'done' && row.status !== 'done';
  const reopening = body.status === 'open' && row.status === 'done';
  const updated = await updateTopic(trx, id, body.version, {
    ...(body.title !== undefined && { title: body.title }),
    ...(body.description !== undefined && { description: body.description }),
    ...(body.leadUnitId !== undefined && { lead_unit_id: body.leadUnitId }),
    ...(body.goalPercent !== undefined && { goal_percent: body.goalPercent }),
    ...(body.goalText !== undefined && { goal_text: body.goalText }),
    ...(body.outcomeNote !== undefined && { outcome_note: body.outcomeNote }),
    ...(closing && { status: 'done' as const, closed_at: at, closed_by: ctx.actor.id }),
    ...(reopening && { status: 'open' as const, closed_at: null, closed_by: null }),
  });
  if (!updated) throw new AppError('VERSION_CONFLICT');
  if (appealIds !== undefined) await replaceTopicAppeals(trx, id, appealIds);
  if (body.leadUnitId !== undefined && body.leadUnitId !== row.lead_unit_id) {
    await notifyLead(trx, ctx, {
      month: row.month,
      title: body.title ?? row.title,
      goalPercent: body.goalPercent ?? row.goal_percent,
      areaCode: row.area_code,
      leadUnitId: body.leadUnitId,
    });
  }
  const { version: _v, ...after } = body;
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: closing ? 'topic.close' : 'topic.update',
    objectType: 'monthly_topic',
    objectId: id,
    areaCode: row.area_code,
    before: { status: row.status, leadUnitId: row.lead_unit_id, goalPercent: row.goal_percent },
    after,
  });
  return getTopic(trx, ctx, id);
}

/** Adds a measure to an open topic. */
export async function addMeasure(
  trx: Db,
  ctx: AreaContext,
  topicId: string,
  body: TopicMeasureBody,
): Promise<MonthlyTopic> {
  const row = await findTopic(trx, ctx.scope, topicId);
  if (!row) throw notFound();
  if (row.status === 'done') throw new AppError('TOPIC_DONE');
  await assertMeasureUnit(trx, ctx.scope, body.unitId);
  const measure = measureRow(topicId, body, ctx.clock.now().toISOString());
  await insertMeasure(trx, measure);
  await touchTopic(trx, topicId);
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'topic.measure.add',
    objectType: 'monthly_topic',
    objectId: topicId,
    areaCode: row.area_code,
    after: { measureId: measure.id, text: body.text, unitId: body.unitId, dueDate: body.dueDate },
  });
  return getTopic(trx, ctx, topicId);
}

/** Edits a measure of an open topic, or marks it done (or not done again): the district, or the lead unit's staff (done only). */
export async function updateMeasureOf(
  trx: Db,
  ctx: RequestContext,
  topicId: string,
  measureId: string,
  body: TopicMeasureUpdateBody,
): Promise<MonthlyTopic> {
  const row = await findTopic(trx, ctx.scope, topicId);
  if (!row) throw notFound();
  const measure = await findMeasure(trx, topicId, measureId);
  if (!measure) throw notFound();
  if (row.status === 'done') throw new AppError('TOPIC_DONE');
  if (body.unitId !== undefined) await assertMeasureUnit(trx, ctx.scope, body.unitId);
  const at = ctx.clock.now().toISOString();
  const done = body.done === undefined ? undefined : body.done ? (measure.done_at ?? at) : null;
  const changes = {
    ...(body.text !== undefined && { text: body.text }),
    ...(body.unitId !== undefined && { unit_id: body.unitId }),
    ...(body.dueDate !== undefined && { due_date: body.dueDate }),
    ...(done !== undefined && { done_at: done, done_by: done === null ? null : ctx.actor.id }),
  };
  // Nothing asked to change: the measure stays as it is, and nothing is recorded.
  if (Object.keys(changes).length === 0) return getTopic(trx, ctx, topicId);
  await updateMeasure(trx, measureId, changes);
  await touchTopic(trx, topicId);
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'topic.measure.update',
    objectType: 'monthly_topic',
    objectId: topicId,
    areaCode: row.area_code,
    before: { measureId, done: measure.done_at !== null },
    after: body,
  });
  return getTopic(trx, ctx, topicId);
}

/** The lead unit's staff report a measure of the topic their unit leads done, or not done after all. */
export async function reportMeasure(
  trx: Db,
  ctx: RequestContext,
  topicId: string,
  measureId: string,
  done: boolean,
): Promise<MonthlyTopic> {
  if (ctx.scope.reach !== 'unit') throw new AppError('FORBIDDEN');
  return updateMeasureOf(trx, ctx, topicId, measureId, { done });
}
