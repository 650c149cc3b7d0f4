import type { HelpMeasure } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { AreaContext } from '../../../platform/request-context';
import { findHousehold, putIndicators } from '../../households';
import {
  insertMeasure,
  latestMeasures,
  type MeasureRow,
  measureRow,
  updateMeasureAt,
} from './help-measures.repository';

function toMeasure(r: MeasureRow): HelpMeasure {
  return {
    id: r.id,
    householdId: r.household_id,
    householdNumber: r.household_number,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    kind: r.kind as HelpMeasure['kind'],
    status: r.status,
    description: r.description,
    outcome: r.outcome,
    startDate: r.start_date,
    finishedAt: r.finished_at,
    visitId: r.visit_id,
    version: r.version,
  };
}

export async function listMeasures(
  db: Db,
  ctx: AreaContext,
  query: { householdId?: string | undefined; cadreId?: string | undefined; limit: number },
): Promise<HelpMeasure[]> {
  return (await latestMeasures(db, ctx.scope, query)).map(toMeasure);
}

async function measureInScope(db: Db, ctx: AreaContext, id: string): Promise<HelpMeasure> {
  const row = await measureRow(db, ctx.scope, id);
  if (!row) throw notFound();
  return toMeasure(row);
}

export async function createMeasure(
  db: Db,
  ctx: AreaContext,
  body: {
    householdId: string;
    kind: string;
    status: HelpMeasure['status'];
    description: string;
    startDate: string | null;
  },
): Promise<HelpMeasure> {
  const household = await findHousehold(db, ctx.scope, body.householdId);
  if (!household) throw notFound();
  const id = newId();
  const now = ctx.clock.now().toISOString();
  const finished = body.status === 'done' || body.status === 'failed';
  await insertMeasure(db, {
    id,
    household_id: household.id,
    cadre_id: ctx.caller.id,
    area_code: household.area_code,
    kind: body.kind,
    status: body.status,
    description: body.description,
    outcome: '',
    start_date: body.startDate,
    finished_at: finished ? now : null,
    visit_id: null,
    created_at: now,
    version: 1,
    updated_at: now,
  });
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'help_measure.create',
    objectType: 'household',
    objectId: household.id,
    areaCode: household.area_code,
    after: { kind: body.kind, status: body.status },
  });
  return measureInScope(db, ctx, id);
}

/** Help given on the spot during a visit: done measures by the visiting cadre, tied to the visit. */
export async function recordMeasuresDone(
  db: Db,
  ctx: Pick<AreaContext, 'caller' | 'clock'>,
  visit: { id: string; householdId: string; areaCode: string; date: string },
  measures: { kind: string; outcome: string }[],
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (const measure of measures) {
    await insertMeasure(db, {
      id: newId(),
      household_id: visit.householdId,
      cadre_id: ctx.caller.id,
      area_code: visit.areaCode,
      kind: measure.kind,
      status: 'done',
      description: '',
      outcome: measure.outcome,
      start_date: visit.date,
      finished_at: now,
      visit_id: visit.id,
      created_at: now,
      version: 1,
      updated_at: now,
    });
  }
}

/** Moves a measure on; a completed one may bring the household's new figures (and so its tier). */
export async function updateMeasure(
  db: Db,
  ctx: AreaContext,
  id: string,
  body: {
    version: number;
    status: HelpMeasure['status'];
    outcome: string;
    indicators: ({ year: number } & Parameters<typeof putIndicators>[4]) | null;
  },
): Promise<HelpMeasure> {
  const measure = await measureInScope(db, ctx, id);
  const now = ctx.clock.now().toISOString();
  const finished = body.status === 'done' || body.status === 'failed';
  const moved = await updateMeasureAt(db, id, body.version, {
    status: body.status,
    outcome: body.outcome,
    finished_at: finished ? (measure.finishedAt ?? now) : null,
    updated_at: now,
  });
  if (!moved) throw new AppError('VERSION_CONFLICT');
  if (body.indicators && body.status === 'done') {
    const { year, ...figures } = body.indicators;
    await putIndicators(db, ctx, measure.householdId, year, figures);
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'help_measure.update',
    objectType: 'household',
    objectId: measure.householdId,
    after: { measure: id, status: body.status },
  });
  return measureInScope(db, ctx, id);
}
