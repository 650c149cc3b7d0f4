import {
  hasPermission,
  type Mediation,
  type MediationCreateBody,
  type MediationOutcomeBody,
  type MediationSessionBody,
  type Screening,
  type ScreeningBody,
} from '@lianxin/common';
import type { z } from 'zod';
import { type Db, isUniqueViolation } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaContext } from '../../platform/request-context';
import { codeInScope, inScope, scopeOf } from '../../platform/scope';
import { findArea } from '../areas';
import { actOnAppeal } from './actions/actions.service';
import { findAppeal } from './appeals.repository';
import { createAppeal } from './appeals.service';
import { bump, insertMediation, type MediationParty, mediationRows } from './mediation.repository';

async function toMediations(db: Db, rows: Awaited<ReturnType<typeof mediationRows>>): Promise<Mediation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const mediatorIds = [...new Set(rows.flatMap((r) => JSON.parse(r.mediator_ids) as string[]))];
  const [sessions, users] = await Promise.all([
    db
      .selectFrom('mediation_sessions')
      .leftJoin('users', 'users.id', 'mediation_sessions.recorded_by')
      .select([
        'mediation_sessions.mediation_id',
        'mediation_sessions.date',
        'mediation_sessions.notes',
        'users.name',
      ])
      .where('mediation_sessions.mediation_id', 'in', ids)
      .orderBy('mediation_sessions.date')
      .orderBy('mediation_sessions.created_at')
      .execute(),
    mediatorIds.length
      ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', mediatorIds).execute()
      : Promise.resolve([]),
  ]);
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    appealId: r.appeal_id,
    trackingCode: r.tracking_code,
    title: r.title,
    villageCode: r.village_code,
    parties: JSON.parse(r.parties) as MediationParty[],
    mediators: (JSON.parse(r.mediator_ids) as string[]).map((id) => ({ id, name: nameOf.get(id) ?? '' })),
    sessions: sessions
      .filter((s) => s.mediation_id === r.id)
      .map((s) => ({ date: s.date, notes: s.notes, recordedBy: s.name })),
    outcome: r.outcome,
    agreement: r.agreement,
    followUpDate: r.follow_up_date,
    createdAt: r.created_at,
    version: r.version,
  }));
}

export async function listMediations(
  db: Db,
  ctx: AreaContext,
  filter: { villageCode?: string | undefined; appealId?: string | undefined },
  limit: number,
): Promise<Mediation[]> {
  const { villageCode, appealId } = filter;
  return toMediations(
    db,
    await mediationRows(
      db,
      ctx.scope,
      { ...(villageCode ? { villageCode } : {}), ...(appealId ? { appealId } : {}) },
      limit,
    ),
  );
}

export async function getMediation(db: Db, ctx: AreaContext, id: string): Promise<Mediation> {
  const [mediation] = await toMediations(db, await mediationRows(db, ctx.scope, { id }, 1));
  if (!mediation) throw notFound();
  return mediation;
}

async function checkMediators(db: Db, villageCode: string, ids: string[]): Promise<void> {
  const users = await db
    .selectFrom('users')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .select(['users.id', 'users.area_code', 'areas.kind', 'users.role', 'users.disabled_at'])
    .where('users.id', 'in', ids)
    .execute();
  // Mediators come from the village, its town or the district.
  const ok =
    users.length === new Set(ids).size &&
    users.every(
      (u) =>
        u.disabled_at === null &&
        codeInScope(villageCode, scopeOf({ code: u.area_code, kind: u.kind })) &&
        hasPermission(u.role as AreaContext['caller']['role'], 'appeals.handle'),
    );
  if (!ok) throw new AppError('APPEAL_HANDLER_INVALID');
}

/** Opens a mediation (调解) for a dispute the caller's unit holds. */
export async function createMediation(
  db: Db,
  ctx: AreaContext,
  body: z.infer<typeof MediationCreateBody>,
): Promise<Mediation> {
  const appeal = await findAppeal(db, ctx.scope, body.appealId);
  if (!appeal) throw notFound();
  if (!codeInScope(appeal.holder_area_code, ctx.scope)) throw new AppError('APPEAL_NOT_HELD');
  await checkMediators(db, appeal.village_code, body.mediatorIds);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  try {
    await insertMediation(db, {
      id,
      appealId: appeal.id,
      parties: body.parties,
      mediatorIds: body.mediatorIds,
      by: ctx.caller.id,
      now,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('MEDIATION_EXISTS');
    throw err;
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'mediation.create',
    objectType: 'mediation',
    objectId: id,
    areaCode: appeal.village_code,
  });
  return getMediation(db, ctx, id);
}

async function heldMediation(db: Db, ctx: AreaContext, id: string, version: number) {
  const [row] = await mediationRows(db, ctx.scope, { id }, 1);
  if (!row) throw notFound();
  if (!codeInScope(row.holder_area_code, ctx.scope)) throw new AppError('APPEAL_NOT_HELD');
  if (row.outcome !== null) throw new AppError('MEDIATION_STATE_INVALID');
  if (row.version !== version) throw new AppError('VERSION_CONFLICT');
  return row;
}

export async function addMediationSession(
  db: Db,
  ctx: AreaContext,
  id: string,
  body: z.infer<typeof MediationSessionBody>,
): Promise<Mediation> {
  const row = await heldMediation(db, ctx, id, body.version);
  const now = ctx.clock.now().toISOString();
  await bump(db, id, row.version, {}, now);
  await db
    .insertInto('mediation_sessions')
    .values({
      id: newId(),
      mediation_id: id,
      date: body.date,
      notes: body.notes,
      recorded_by: ctx.caller.id,
      created_at: now,
    })
    .execute();
  return getMediation(db, ctx, id);
}

/**
 * Records the outcome. An agreement resolves the appeal with the agreement as its result;
 * a failed mediation refers the dispute one level up (unless it is already at the district).
 */
export async function recordMediationOutcome(
  db: Db,
  ctx: AreaContext,
  id: string,
  body: z.infer<typeof MediationOutcomeBody>,
): Promise<Mediation> {
  const row = await heldMediation(db, ctx, id, body.version);
  const now = ctx.clock.now().toISOString();
  await bump(
    db,
    id,
    row.version,
    { outcome: body.outcome, agreement: body.agreement || null, follow_up_date: body.followUpDate },
    now,
  );
  const appeal = await findAppeal(db, ctx.scope, row.appeal_id);
  if (appeal && ['received', 'accepted', 'in_progress', 'reopened', 'deferred'].includes(appeal.status)) {
    if (body.outcome === 'agreement') {
      await actOnAppeal(db, ctx, appeal.id, 'resolve', {
        version: appeal.version,
        resolution: `调解达成协议：${body.agreement || '（见调解记录）'}`,
      });
    } else if (body.outcome === 'failed' && appeal.level !== 'district' && appeal.status !== 'deferred') {
      await actOnAppeal(db, ctx, appeal.id, 'escalate', {
        version: appeal.version,
        reason: '调解未成，移交上级',
      });
    }
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'mediation.outcome',
    objectType: 'mediation',
    objectId: id,
    areaCode: row.village_code,
    after: { outcome: body.outcome },
  });
  return getMediation(db, ctx, id);
}

/**
 * A screening sweep (大排查) of a village: every dispute found becomes an appeal on the village's
 * books, with a mediation opened where the parties are named. All or nothing.
 */
export async function recordScreening(db: Db, ctx: AreaContext, body: ScreeningBody): Promise<Screening> {
  const village = await findArea(db, ctx.scope, body.villageCode);
  if (village?.kind !== 'village') throw new AppError('AREA_UNKNOWN', { code: body.villageCode });
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await db
    .insertInto('screenings')
    .values({
      id,
      village_code: village.code,
      date: body.date,
      note: body.note,
      disputes_found: body.disputes.length,
      created_by: ctx.caller.id,
      created_at: now,
    })
    .execute();
  const appealIds: string[] = [];
  for (const dispute of body.disputes) {
    const created = await createAppeal(
      db,
      ctx,
      {
        channel: 'screening',
        categoryCode: dispute.categoryCode,
        urgency: dispute.urgency,
        villageCode: village.code,
        address: '',
        latitude: null,
        longitude: null,
        title: dispute.title,
        description: dispute.description,
        reporterKind: 'anonymous',
        reporterResidentId: null,
        householdId: null,
        reporterName: null,
        reporterPhone: null,
      },
      { createdBy: ctx.caller.id, ipHash: null },
    );
    await db.updateTable('appeals').set({ screening_id: id }).where('id', '=', created.id).execute();
    appealIds.push(created.id);
    if (dispute.parties.length >= 2) {
      await insertMediation(db, {
        id: newId(),
        appealId: created.id,
        parties: dispute.parties,
        mediatorIds: [ctx.caller.id],
        by: ctx.caller.id,
        now,
      });
    }
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'screening.create',
    objectType: 'screening',
    objectId: id,
    areaCode: village.code,
    after: { disputes: body.disputes.length },
  });
  return {
    id,
    villageCode: village.code,
    villageName: village.name,
    date: body.date,
    note: body.note,
    disputesFound: body.disputes.length,
    appealIds,
    createdBy: ctx.caller.name,
  };
}

export async function listScreenings(db: Db, ctx: AreaContext, limit: number): Promise<Screening[]> {
  const rows = await db
    .selectFrom('screenings')
    .innerJoin('areas', 'areas.code', 'screenings.village_code')
    .leftJoin('users', 'users.id', 'screenings.created_by')
    .selectAll('screenings')
    .select(['areas.name as village_name', 'users.name as creator'])
    .where((eb) => inScope(eb, 'screenings.village_code', ctx.scope))
    .orderBy('screenings.date', 'desc')
    .limit(limit)
    .execute();
  const appeals = rows.length
    ? await db
        .selectFrom('appeals')
        .select(['id', 'screening_id'])
        .where(
          'screening_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    villageCode: r.village_code,
    villageName: r.village_name,
    date: r.date,
    note: r.note,
    disputesFound: r.disputes_found,
    appealIds: appeals.filter((a) => a.screening_id === r.id).map((a) => a.id),
    createdBy: r.creator,
  }));
}
