import {
  hasPermission,
  type Mediation,
  type MediationCreateBody,
  type MediationOutcomeBody,
  type MediationSessionBody,
} from '@lianxin/common';
import type { z } from 'zod';
import { type Db, isUniqueViolation } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { AreaContext } from '../../../platform/request-context';
import { codeInScope, scopeOf } from '../../../platform/scope';
import { actOnAppeal } from '../actions/actions.service';
import { findAppeal } from '../appeals.repository';
import {
  accountNames,
  bump,
  insertMediation,
  insertSession,
  type MediationParty,
  mediationRows,
  mediationSessions,
  mediatorAccounts,
} from './mediation.repository';

async function toMediations(db: Db, rows: Awaited<ReturnType<typeof mediationRows>>): Promise<Mediation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const mediatorIds = [...new Set(rows.flatMap((r) => JSON.parse(r.mediator_ids) as string[]))];
  const [sessions, users] = await Promise.all([mediationSessions(db, ids), accountNames(db, mediatorIds)]);
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
  const users = await mediatorAccounts(db, ids);
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
  await insertSession(db, {
    id: newId(),
    mediation_id: id,
    date: body.date,
    notes: body.notes,
    recorded_by: ctx.caller.id,
    created_at: now,
  });
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
