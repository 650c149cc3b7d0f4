import type {
  AssistanceSettings,
  Pairing,
  PairingCreateBody,
  PairingsPage,
  PairingsQuery,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { AreaContext } from '../../../platform/request-context';
import { type AreaScope, codeInScope, scopeOf } from '../../../platform/scope';
import { findArea } from '../../areas';
import { findHousehold } from '../../households';
import { activeCounts, findCadre, lockCadre } from '../cadres.repository';
import { assistanceSettings, quotaOf } from '../settings/settings.service';
import {
  countPairings,
  insertPairing,
  listMatchingPairings,
  type PairingFilter,
  type PairingRow,
  pairingRow,
  updatePairing,
} from './pairings.repository';

/** A pairing whose household has left the priority tier since it was paired or last reviewed. */
export function needsReview(row: Pick<PairingRow, 'status' | 'reviewed_tier' | 'tier'>): boolean {
  return row.status === 'active' && row.reviewed_tier === 'priority' && row.tier !== 'priority';
}

function toPairing(row: PairingRow): Pairing {
  return {
    id: row.id,
    householdId: row.household_id,
    householdNumber: row.number,
    headName: row.head_name,
    villageCode: row.village_code,
    villageName: row.village_name,
    tier: row.tier,
    cadreId: row.cadre_id,
    cadreName: row.cadre_name,
    startDate: row.start_date,
    endDate: row.end_date,
    reason: row.reason,
    status: row.status,
    needsReview: needsReview(row),
    lastVisitDate: (row.last_visit as string | null) ?? null,
    version: row.version,
  };
}

/** The caller's scope, or the area asked for within it. */
export async function narrowed(
  db: Db,
  ctx: Pick<AreaContext, 'scope'>,
  areaCode: string | undefined,
): Promise<AreaScope> {
  if (!areaCode) return ctx.scope;
  const area = await findArea(db, ctx.scope, areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN', { code: areaCode });
  return scopeOf(area);
}

export async function listPairings(db: Db, ctx: AreaContext, query: PairingsQuery): Promise<PairingsPage> {
  const scope = await narrowed(db, ctx, query.areaCode);
  const { visitedFrom, visitedTo, visited } = query;
  const filter: PairingFilter = {
    status: query.status,
    cadreId: query.cadreId,
    householdId: query.householdId,
    needsReview: query.needsReview === 'true',
    ...(visited !== undefined || visitedFrom !== undefined || visitedTo !== undefined
      ? { visited: { yes: visited !== 'false', from: visitedFrom, to: visitedTo } }
      : {}),
  };
  const [rows, total] = await Promise.all([
    listMatchingPairings(db, scope, filter, query.limit),
    countPairings(db, scope, filter),
  ]);
  return { items: rows.map(toPairing), total };
}

export async function pairingInScope(db: Db, ctx: Pick<AreaContext, 'scope'>, id: string): Promise<Pairing> {
  const row = await pairingRow(db, ctx.scope, id);
  if (!row) throw notFound();
  return toPairing(row);
}

/**
 * Pairs a cadre with a household: within the cadre's quota, one helper per household, and a
 * cadre from the household's own area unless a district role decides otherwise.
 */
export async function createPairing(
  db: Db,
  ctx: AreaContext,
  body: PairingCreateBody,
  settings?: AssistanceSettings,
): Promise<string> {
  const household = await findHousehold(db, ctx.scope, body.householdId);
  if (!household) throw notFound();
  // Two pairings for the same cadre at once must not both squeeze under the quota.
  await lockCadre(db, body.cadreId);
  const cadre = await findCadre(db, body.cadreId);
  if (!cadre || cadre.disabled_at !== null) throw notFound();
  const cadreScope = scopeOf({ code: cadre.area_code, kind: cadre.area_kind });
  if (!codeInScope(household.village_code, cadreScope) && ctx.caller.areaKind !== 'district') {
    throw new AppError('PAIRING_OUTSIDE_AREA');
  }
  const { quota } = quotaOf(cadre, settings ?? (await assistanceSettings(db)));
  const paired = (await activeCounts(db, [cadre.id])).get(cadre.id) ?? 0;
  if (paired + 1 > quota.max)
    throw new AppError('QUOTA_EXCEEDED', { name: cadre.name, max: quota.max, paired });
  const id = newId();
  const now = ctx.clock.now().toISOString();
  const stored = await insertPairing(db, {
    id,
    household_id: household.id,
    cadre_id: cadre.id,
    village_code: household.village_code,
    area_code: household.area_code,
    start_date: body.startDate,
    end_date: body.endDate,
    reason: body.reason,
    status: 'active',
    reviewed_tier: household.tier,
    created_by: ctx.caller.id,
    created_at: now,
    version: 1,
    updated_at: now,
  });
  if (!stored) throw new AppError('PAIRING_EXISTS');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'pairing.create',
    objectType: 'household',
    objectId: household.id,
    areaCode: household.area_code,
    after: { cadre: cadre.id, startDate: body.startDate },
  });
  return id;
}

async function changePairing(
  db: Db,
  ctx: AreaContext,
  id: string,
  version: number,
  patch: {
    status?: 'ended';
    end_date?: string;
    end_reason?: string;
    reviewed_tier?: 'stable' | 'watch' | 'priority' | null;
  },
  action: string,
  note?: string,
): Promise<Pairing> {
  const pairing = await pairingInScope(db, ctx, id);
  if (pairing.status !== 'active') throw new AppError('PAIRING_STATE_INVALID');
  if (!(await updatePairing(db, id, version, patch, ctx.clock.now().toISOString())))
    throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action,
    objectType: 'household',
    objectId: pairing.householdId,
    areaCode: pairing.villageCode,
    after: note ? { ...patch, note } : patch,
  });
  return pairingInScope(db, ctx, id);
}

export function endPairing(
  db: Db,
  ctx: AreaContext,
  id: string,
  body: { version: number; endDate: string; reason: string },
) {
  return changePairing(
    db,
    ctx,
    id,
    body.version,
    { status: 'ended', end_date: body.endDate, end_reason: body.reason },
    'pairing.end',
  );
}

/** Keeps a pairing whose household left the priority tier: reviewed at the tier it has now. */
export async function keepPairing(db: Db, ctx: AreaContext, id: string, version: number, note: string) {
  const pairing = await pairingInScope(db, ctx, id);
  return changePairing(db, ctx, id, version, { reviewed_tier: pairing.tier }, 'pairing.keep', note);
}
