import type { TierOverride, TierOverridesProposeBody, TierReason } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaContext } from '../../platform/request-context';
import { findHousehold } from '../households';
import {
  hasOverride,
  insertOverride,
  insertTierHistoryRows,
  listOverrides,
  releaseOverrideTier,
  setOverrideTier,
  updateOverride,
} from './tiering.repository';
import { retierHousehold } from './tiering.service';

type OverrideRow = Awaited<ReturnType<typeof listOverrides>>[number];

function toOverride(row: OverrideRow): TierOverride {
  return {
    id: row.id,
    householdId: row.household_id,
    householdNumber: row.household_number,
    areaCode: row.area_code,
    areaName: row.area_name,
    headName: row.head_name,
    tier: row.tier,
    currentTier: row.current_tier,
    reason: row.reason,
    status: row.status,
    proposedBy: row.proposer_name,
    proposedById: row.proposed_by,
    proposedAt: row.proposed_at,
    decidedBy: row.decider_name,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
  };
}

export async function tierOverrides(
  db: Db,
  ctx: Pick<AreaContext, 'scope'>,
  filter: Parameters<typeof listOverrides>[2],
  limit: number,
): Promise<TierOverride[]> {
  return (await listOverrides(db, ctx.scope, filter, limit)).map(toOverride);
}

async function overrideInScope(db: Db, ctx: AreaContext, id: string): Promise<TierOverride> {
  const [row] = await tierOverrides(db, ctx, { id }, 1);
  if (!row) throw notFound();
  return row;
}

/** A cadre asks to set a household's tier by hand (人工调整), with a reason; the town head decides. */
export async function proposeOverride(
  db: Db,
  ctx: AreaContext,
  householdId: string,
  body: TierOverridesProposeBody,
): Promise<TierOverride> {
  const household = await findHousehold(db, ctx.scope, householdId);
  if (!household) throw notFound();
  if (await hasOverride(db, householdId, 'pending')) throw new AppError('OVERRIDE_PENDING');
  const id = newId();
  await insertOverride(db, {
    id,
    household_id: householdId,
    tier: body.tier,
    reason: body.reason,
    status: 'pending',
    proposed_by: ctx.caller.id,
    proposed_at: ctx.clock.now().toISOString(),
  });
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'tier_override.propose',
    objectType: 'household',
    objectId: householdId,
    areaCode: household.area_code,
    after: body,
  });
  return overrideInScope(db, ctx, id);
}

async function decide(
  db: Db,
  ctx: AreaContext,
  override: TierOverride,
  from: 'pending' | 'approved',
  to: 'approved' | 'rejected' | 'revoked',
  note: string,
): Promise<void> {
  if (override.status !== from) throw new AppError('OVERRIDE_STATE_INVALID', { status: override.status });
  const updated = await updateOverride(db, override.id, from, {
    status: to,
    decided_by: ctx.caller.id,
    decided_at: ctx.clock.now().toISOString(),
    decision_note: note || null,
  });
  if (!updated) throw new AppError('OVERRIDE_STATE_INVALID', { status: override.status });
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: `tier_override.${to === 'approved' ? 'approve' : to === 'rejected' ? 'reject' : 'revoke'}`,
    objectType: 'household',
    objectId: override.householdId,
    areaCode: override.areaCode,
    before: { tier: override.currentTier },
    after: { tier: to === 'approved' ? override.tier : null, note },
  });
}

/** Approves a proposal: the household takes that tier and keeps it through recomputes until revoked. */
export async function approveOverride(db: Db, ctx: AreaContext, id: string, note: string) {
  const override = await overrideInScope(db, ctx, id);
  if (override.status === 'pending' && override.proposedById === ctx.caller.id) {
    throw new AppError('OVERRIDE_OWN_PROPOSAL');
  }
  // An earlier approved override of the same household gives way to this one.
  for (const earlier of await tierOverrides(
    db,
    ctx,
    { householdId: override.householdId, status: 'approved' },
    10,
  )) {
    await decide(db, ctx, earlier, 'approved', 'revoked', note);
  }
  await decide(db, ctx, override, 'pending', 'approved', note);
  const at = ctx.clock.now().toISOString();
  const reasons: TierReason[] = [
    { kind: 'override', tier: override.tier, reason: override.reason, approvedBy: ctx.caller.name },
  ];
  await setOverrideTier(db, override.householdId, {
    tier: override.tier,
    reasons: JSON.stringify(reasons),
    at,
  });
  if (override.currentTier !== override.tier) {
    await insertTierHistoryRows(db, [
      {
        id: newId(),
        household_id: override.householdId,
        at,
        from_tier: override.currentTier,
        to_tier: override.tier,
        rule_version: null,
        reasons: JSON.stringify(reasons),
        cause: 'override',
        actor_id: ctx.caller.id,
      },
    ]);
  }
  return overrideInScope(db, ctx, id);
}

export async function rejectOverride(db: Db, ctx: AreaContext, id: string, note: string) {
  const override = await overrideInScope(db, ctx, id);
  if (override.status === 'pending' && override.proposedById === ctx.caller.id) {
    throw new AppError('OVERRIDE_OWN_PROPOSAL');
  }
  await decide(db, ctx, override, 'pending', 'rejected', note);
  return overrideInScope(db, ctx, id);
}

/** Ends an approved override: the rules tier the household again from now on. */
export async function revokeOverride(db: Db, ctx: AreaContext, id: string, note: string) {
  const override = await overrideInScope(db, ctx, id);
  await decide(db, ctx, override, 'approved', 'revoked', note);
  await releaseOverrideTier(db, override.householdId);
  await retierHousehold(db, ctx.clock, override.householdId, 'override', ctx.actor.id);
  return overrideInScope(db, ctx, id);
}
