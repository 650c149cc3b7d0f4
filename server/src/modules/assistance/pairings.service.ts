import {
  AssistanceSettings,
  type CadreLoad,
  type ContactPoint,
  chinaDate,
  defaultAssistanceSettings,
  type Pairing,
  type PairingBoard,
  type PairingCreateBody,
  type PairingsPage,
  type PairingsQuery,
  type Proposal,
  type Quota,
  type QuotaGroup,
} from '@lianxin/common';
import { type Db, isUniqueViolation, supportsRowLocks } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaContext } from '../../platform/request-context';
import { codeInScope, inScope, scopeOf } from '../../platform/scope';
import { readSetting } from '../../platform/settings/settings.repository';
import { findArea } from '../areas';
import { findHousehold } from '../households';
import {
  activeCounts,
  type CadreRow,
  cadres,
  countPairings,
  listMatchingPairings,
  type PairingFilter,
  type PairingRow,
  pairingRows,
  unpairedPriority,
} from './assistance.repository';

/** The stored settings over the defaults (a setting added later has its default until saved). */
export async function assistanceSettings(db: Db): Promise<AssistanceSettings> {
  const stored = await readSetting<unknown>(db, 'assistance');
  if (stored === undefined || typeof stored !== 'object' || stored === null) return defaultAssistanceSettings;
  const parsed = AssistanceSettings.safeParse({ ...defaultAssistanceSettings, ...stored });
  return parsed.success ? parsed.data : defaultAssistanceSettings;
}

export function quotaGroupOf(role: string, rank: string | null): QuotaGroup | null {
  switch (role) {
    case 'district_admin':
    case 'district_staff':
      return rank === 'leader' ? 'district_leader' : 'district_staff';
    case 'town_head':
    case 'town_staff':
    case 'village_cadre':
      return role;
    default:
      return null;
  }
}

function quotaOf(cadre: CadreRow, settings: AssistanceSettings): { quota: Quota; overridden: boolean } {
  if (cadre.quota_min !== null && cadre.quota_max !== null) {
    return { quota: { min: cadre.quota_min, max: cadre.quota_max }, overridden: true };
  }
  const group = quotaGroupOf(cadre.role, cadre.rank);
  return { quota: group ? settings.quotas[group] : { min: 0, max: 0 }, overridden: false };
}

function loadState(paired: number, quota: Quota): CadreLoad['state'] {
  if (paired > quota.max) return 'over';
  if (paired === quota.max) return 'full';
  return paired < quota.min ? 'under' : 'within';
}

function needsReview(row: Pick<PairingRow, 'status' | 'reviewed_tier' | 'tier'>): boolean {
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

async function narrowed(db: Db, ctx: Pick<AreaContext, 'scope'>, areaCode: string | undefined) {
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
  const row = await pairingRows(db, ctx.scope).where('pairings.id', '=', id).executeTakeFirst();
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
  if (supportsRowLocks(db)) {
    // Two pairings for the same cadre at once must not both squeeze under the quota.
    await db.selectFrom('users').select('id').where('id', '=', body.cadreId).forUpdate().execute();
  }
  const cadre = (await cadres(db).where('users.id', '=', body.cadreId).executeTakeFirst()) as
    | CadreRow
    | undefined;
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
  try {
    await db
      .insertInto('pairings')
      .values({
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
      })
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('PAIRING_EXISTS');
    throw err;
  }
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
  const result = await db
    .updateTable('pairings')
    .set({ ...patch, version: version + 1, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
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

/** Sets (or with null, removes) a cadre's own quota. */
export async function setQuota(db: Db, ctx: AreaContext, cadreId: string, quota: Quota | null) {
  const cadre = (await cadres(db)
    .where('users.id', '=', cadreId)
    .where((eb) => inScope(eb, 'users.area_code', ctx.scope))
    .executeTakeFirst()) as CadreRow | undefined;
  if (!cadre) throw notFound();
  if (quota && quota.min > quota.max) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.min', message: 'quota.range' }]);
  }
  const now = ctx.clock.now().toISOString();
  if (quota === null) await db.deleteFrom('cadre_quotas').where('user_id', '=', cadreId).execute();
  else {
    await db
      .insertInto('cadre_quotas')
      .values({
        user_id: cadreId,
        min: quota.min,
        max: quota.max,
        updated_by: ctx.caller.id,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({ min: quota.min, max: quota.max, updated_by: ctx.caller.id, updated_at: now }),
      )
      .execute();
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'cadre.quota',
    objectType: 'user',
    objectId: cadreId,
    areaCode: cadre.area_code,
    after: quota,
  });
}

async function loads(db: Db, rows: CadreRow[], settings: AssistanceSettings): Promise<CadreLoad[]> {
  const counts = await activeCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const { quota, overridden } = quotaOf(r, settings);
    const paired = counts.get(r.id) ?? 0;
    return {
      id: r.id,
      name: r.name,
      role: r.role,
      areaCode: r.area_code,
      areaName: r.area_name,
      quota,
      quotaOverridden: overridden,
      paired,
      state: loadState(paired, quota),
    };
  });
}

/** The town head's page: who is under or over quota, which priority households have no helper. */
export async function pairingBoard(
  db: Db,
  ctx: AreaContext,
  areaCode: string | undefined,
): Promise<PairingBoard> {
  const scope = await narrowed(db, ctx, areaCode);
  const settings = await assistanceSettings(db);
  const today = chinaDate(ctx.clock.now());
  const [cadreRows, unpaired, review, active] = await Promise.all([
    cadres(db)
      .where('users.disabled_at', 'is', null)
      .where((eb) => inScope(eb, 'users.area_code', scope))
      .orderBy('users.area_code')
      .orderBy('users.name')
      .execute() as Promise<CadreRow[]>,
    unpairedPriority(db, scope).orderBy('households.village_code').orderBy('households.number').execute(),
    pairingRows(db, scope)
      .where('pairings.status', '=', 'active')
      .where('pairings.reviewed_tier', '=', 'priority')
      .where('households.tier', '!=', 'priority')
      .execute(),
    pairingRows(db, scope).where('pairings.status', '=', 'active').execute(),
  ]);
  const byVillage = new Map<string, { villageCode: string; villageName: string; count: number }>();
  for (const h of unpaired) {
    const entry = byVillage.get(h.village_code) ?? {
      villageCode: h.village_code,
      villageName: h.village_name,
      count: 0,
    };
    entry.count++;
    byVillage.set(h.village_code, entry);
  }
  const overdue = active.filter(
    (p) =>
      dueState(p.tier, (p.last_visit as string | null) ?? null, p.start_date, today, settings).state ===
      'overdue',
  );
  return {
    areaCode: scope.areaCode,
    cadres: await loads(db, cadreRows, settings),
    unpaired: unpaired.slice(0, 500).map((h) => ({
      id: h.id,
      number: h.number,
      headName: h.head_name,
      villageCode: h.village_code,
      villageName: h.village_name,
    })),
    unpairedByVillage: [...byVillage.values()],
    needsReview: review.length,
    overdueVisits: overdue.length,
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** When a paired household is next due a visit, by its tier's frequency. */
export function dueState(
  tier: 'stable' | 'watch' | 'priority' | null,
  lastVisit: string | null,
  startDate: string,
  today: string,
  settings: AssistanceSettings,
): { dueDate: string; state: 'overdue' | 'due' | 'ok' } {
  const every = settings.visitEveryDays[tier ?? 'stable'];
  // A new pairing asks for a first visit within the tier's period from its start.
  const dueDate = addDays(lastVisit ?? startDate, lastVisit ? every : Math.min(every, 30));
  if (dueDate < today) return { dueDate, state: 'overdue' };
  return { dueDate, state: dueDate <= addDays(today, 7) ? 'due' : 'ok' };
}

/**
 * A balanced proposal for a town's unpaired priority households: village cadres of the
 * household's own village first, then leaders with a contact point there, then town staff;
 * within each, the least loaded against quota; nobody above quota. Nothing is saved.
 */
export async function proposePairings(db: Db, ctx: AreaContext, areaCode: string): Promise<Proposal> {
  const town = await findArea(db, ctx.scope, areaCode);
  if (town?.kind !== 'town') throw new AppError('AREA_UNKNOWN', { code: areaCode });
  const scope = scopeOf(town);
  const settings = await assistanceSettings(db);
  const today = chinaDate(ctx.clock.now());
  const [households, cadreRows, points] = await Promise.all([
    unpairedPriority(db, scope).orderBy('households.village_code').orderBy('households.number').execute(),
    cadres(db)
      .where('users.disabled_at', 'is', null)
      .where((eb) => inScope(eb, 'users.area_code', scope))
      .execute() as Promise<CadreRow[]>,
    db
      .selectFrom('contact_points')
      .select(['leader_id', 'village_code'])
      .where((eb) => inScope(eb, 'contact_points.village_code', scope))
      .where('start_date', '<=', today)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
      .execute(),
  ]);
  // Leaders with a contact point in the town may live outside it (at the district).
  const leaderIds = [...new Set(points.map((p) => p.leader_id))].filter(
    (id) => !cadreRows.some((c) => c.id === id),
  );
  const leaders = leaderIds.length
    ? ((await cadres(db)
        .where('users.disabled_at', 'is', null)
        .where('users.id', 'in', leaderIds)
        .execute()) as CadreRow[])
    : [];
  const all = [...cadreRows, ...leaders];
  const counts = await activeCounts(
    db,
    all.map((c) => c.id),
  );
  const capacity = new Map(
    all.map((c) => [c.id, { cadre: c, max: quotaOf(c, settings).quota.max, load: counts.get(c.id) ?? 0 }]),
  );
  const contactAt = new Map<string, Set<string>>();
  for (const p of points)
    contactAt.set(p.village_code, (contactAt.get(p.village_code) ?? new Set()).add(p.leader_id));

  const pick = (ids: string[]) => {
    let best: { id: string; ratio: number } | null = null;
    for (const id of ids) {
      const c = capacity.get(id);
      if (!c || c.load >= c.max) continue;
      const ratio = c.load / Math.max(c.max, 1);
      if (!best || ratio < best.ratio) best = { id, ratio };
    }
    return best?.id ?? null;
  };
  const items: Proposal['items'] = [];
  const unassigned: string[] = [];
  for (const h of households) {
    const village = all.filter((c) => c.area_code.startsWith(h.village_code)).map((c) => c.id);
    const contact = [...(contactAt.get(h.village_code) ?? [])];
    const townStaff = all.filter((c) => c.area_code === town.code).map((c) => c.id);
    let because: Proposal['items'][number]['because'] = 'village';
    let chosen = pick(village);
    if (!chosen) {
      because = 'contact_point';
      chosen = pick(contact);
    }
    if (!chosen) {
      because = 'town';
      chosen = pick(townStaff);
    }
    const c = chosen ? capacity.get(chosen) : undefined;
    if (!c) {
      unassigned.push(h.id);
      continue;
    }
    c.load++;
    items.push({
      householdId: h.id,
      householdNumber: h.number,
      villageCode: h.village_code,
      cadreId: c.cadre.id,
      cadreName: c.cadre.name,
      because,
    });
  }
  return { items, unassigned };
}

/** Accepts a (reviewed, edited) proposal: every pairing is checked as if made by hand; all or nothing. */
export async function acceptProposal(
  db: Db,
  ctx: AreaContext,
  body: { startDate: string; items: { householdId: string; cadreId: string }[] },
): Promise<number> {
  const settings = await assistanceSettings(db);
  for (const item of body.items) {
    await createPairing(
      db,
      ctx,
      { ...item, startDate: body.startDate, endDate: null, reason: '结对建议' },
      settings,
    );
  }
  return body.items.length;
}

// ---- contact points --------------------------------------------------------------------------

export async function listContactPoints(db: Db, ctx: AreaContext): Promise<ContactPoint[]> {
  const rows = await db
    .selectFrom('contact_points')
    .innerJoin('users', 'users.id', 'contact_points.leader_id')
    .innerJoin('areas', 'areas.code', 'contact_points.village_code')
    .select([
      'contact_points.id',
      'contact_points.leader_id',
      'users.name as leader_name',
      'contact_points.village_code',
      'areas.name as village_name',
      'contact_points.start_date',
      'contact_points.end_date',
    ])
    .where((eb) => inScope(eb, 'contact_points.village_code', ctx.scope))
    .orderBy('contact_points.start_date', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    leaderId: r.leader_id,
    leaderName: r.leader_name,
    villageCode: r.village_code,
    villageName: r.village_name,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
}

/** A leader (a district or town account) answers for a village for a period. */
export async function createContactPoint(
  db: Db,
  ctx: AreaContext,
  body: { leaderId: string; villageCode: string; startDate: string; endDate: string | null },
): Promise<ContactPoint> {
  const village = await findArea(db, ctx.scope, body.villageCode);
  if (village?.kind !== 'village') throw new AppError('AREA_UNKNOWN', { code: body.villageCode });
  const leader = (await cadres(db).where('users.id', '=', body.leaderId).executeTakeFirst()) as
    | CadreRow
    | undefined;
  const leads =
    leader !== undefined &&
    leader.disabled_at === null &&
    (leader.area_kind === 'district' || leader.area_kind === 'town') &&
    codeInScope(village.code, scopeOf({ code: leader.area_code, kind: leader.area_kind }));
  if (!leads) throw new AppError('PAIRING_OUTSIDE_AREA');
  const id = newId();
  await db
    .insertInto('contact_points')
    .values({
      id,
      leader_id: body.leaderId,
      village_code: village.code,
      start_date: body.startDate,
      end_date: body.endDate,
      created_by: ctx.caller.id,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'contact_point.create',
    objectType: 'area',
    objectId: village.code,
    areaCode: village.code,
    after: body,
  });
  const created = (await listContactPoints(db, ctx)).find((c) => c.id === id);
  if (!created) throw new Error('contact point not stored');
  return created;
}

/** Ends a contact point on a day not before it began; an ended one stays as it ended. */
export async function endContactPoint(db: Db, ctx: AreaContext, id: string, endDate: string) {
  const point = await db
    .selectFrom('contact_points')
    .select(['start_date', 'end_date'])
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'contact_points.village_code', ctx.scope))
    .executeTakeFirst();
  if (!point) throw notFound();
  if (endDate < point.start_date) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.endDate', message: 'period' }]);
  }
  if (point.end_date !== null && point.end_date <= chinaDate(ctx.clock.now()))
    throw new AppError('PAIRING_STATE_INVALID');
  const result = await db
    .updateTable('contact_points')
    .set({ end_date: endDate })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notFound();
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'contact_point.end',
    objectType: 'contact_point',
    objectId: id,
    after: { endDate },
  });
}
