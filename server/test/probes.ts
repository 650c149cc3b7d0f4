import { createHash } from 'node:crypto';
import { type DispatchRole, type DispatchStatus, type ErrorCode, householdsApi } from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { AppealsTable, DB } from '../src/db/schema';
import type { RouteEntry } from '../src/platform/context';
import { newId } from '../src/platform/ids';
import type { Session, TestContext } from './harness';

/**
 * How to call each route of the API on an object in a chosen area: the types of a probe and the
 * builders probes share. Each module keeps its probes beside it (`<domain>.probes.ts`);
 * `route-probes.ts` collects them for the access matrices and the fuzz.
 */

/** Where a probe aims, seen from the caller: its own area, a sibling area, or the area above it. */
export type Relation = 'own' | 'sibling' | 'parent';

export interface Probe {
  url: string;
  body?: unknown;
  /**
   * The error code a permitted caller gets when the probe aims outside its area, when not 404:
   * a body that names an area answers that the area is unknown.
   */
  outsideCode?: ErrorCode;
  /** No target area to be outside of: district-wide settings, or work in the caller's own area. */
  noTargetArea?: true;
  headers?: Record<string, string>;
}

export interface Target {
  relation: Relation;
  /** The area aimed at: the caller's own area, a sibling of it, or its parent. */
  area: string;
  /** Where the objects aimed at live: a village of `area`, or for a parent, the parent itself. */
  village: string;
  /** An account bound to `village`. */
  user: { id: string };
  /** A household of `village`; none in a town or a district, where households cannot live. */
  household: { id: string; residentId: string } | null;
  /** A district admin's session, for setting up what a probe acts on. */
  admin: Session;
}

export type RouteCase = (t: TestContext, target: Target) => Promise<Probe>;

/** Thrown by a probe whose object cannot exist in the target area (a household of a town). */
export class NotApplicable extends Error {}

export function householdOf(target: Target): { id: string; residentId: string } {
  if (!target.household) throw new NotApplicable(`no household lives in ${target.village}`);
  return target.household;
}

export const routeKey = (route: Pick<RouteEntry, 'method' | 'url'>) => `${route.method} ${route.url}`;

/** Routes open to anyone: sign-in and the residents' public pages, as each declares. */
export function isPublicRoute(route: Pick<RouteEntry, 'public'>): boolean {
  return route.public;
}

/** Routes whose reach depends on the caller's area: every API route declaring a role permission. */
export function isAreaScoped(route: RouteEntry): boolean {
  return (
    route.url.startsWith('/api/v1/') &&
    !isPublicRoute(route) &&
    route.permission !== undefined &&
    route.permission !== 'authenticated'
  );
}

export const versionOf = async (t: TestContext, table: 'households' | 'residents', id: string) =>
  (await t.database.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;

/** A roster import started in the target's area by the target's account. */
export const rosterImport = async (t: TestContext, target: Target, status: 'validating' | 'ready') => {
  const id = newId();
  const now = new Date().toISOString();
  await t.database.db
    .insertInto('household_imports')
    .values({
      id,
      area_code: target.village,
      created_by: target.user.id,
      locale: 'zh-CN',
      file_name: '名册.xlsx',
      content: Buffer.from('a,b\n'),
      status,
      progress_done: 0,
      progress_total: 0,
      errors: '[]',
      error_count: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
};

/** An override of the target household in the given state, proposed by the target's account. */
export const override = async (t: TestContext, target: Target, status: 'pending' | 'approved') => {
  const id = newId();
  await t.database.db
    .insertInto('tier_overrides')
    .values({
      id,
      household_id: householdOf(target).id,
      tier: 'priority',
      reason: '矩阵测试',
      status,
      proposed_by: target.user.id,
      proposed_at: new Date().toISOString(),
    })
    .execute();
  return id;
};

export const version = async (t: TestContext, table: 'users' | 'areas', key: string) => {
  const row =
    table === 'users'
      ? await t.database.db
          .selectFrom('users')
          .select('version')
          .where('id', '=', key)
          .executeTakeFirstOrThrow()
      : await t.database.db
          .selectFrom('areas')
          .select('version')
          .where('code', '=', key)
          .executeTakeFirstOrThrow();
  return row.version;
};

let serial = 100;

/** A number no other probe has used: for codes, numbers and names that must be unique. */
export const nextSerial = () => serial++;

/** A new household of the target's village, for probes that need one nobody else has touched. */
export const freshHousehold = async (target: Target): Promise<string> => {
  householdOf(target);
  const body = {
    areaCode: target.village,
    number: `P${serial++}`,
    members: [{ name: '户主', relation: 'head' as const }],
  };
  return (await target.admin.call(householdsApi.create, { body })).data.id;
};

/** An active pairing of a fresh household with the target's account. */
export const pairingIn = async (t: TestContext, target: Target): Promise<string> => {
  const householdId = await freshHousehold(target);
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.database.db
    .insertInto('pairings')
    .values({
      id,
      household_id: householdId,
      cadre_id: target.user.id,
      village_code: target.village,
      area_code: target.village,
      start_date: '2026-11-01',
      reason: '',
      status: 'active',
      reviewed_tier: 'priority',
      created_at: now,
      version: 1,
      updated_at: now,
    })
    .execute();
  return id;
};

/** A visit to the target's household by the target's account. */
export const visitIn = async (t: TestContext, target: Target): Promise<string> => {
  const household = householdOf(target);
  const id = newId();
  await t.database.db
    .insertInto('visits')
    .values({
      id,
      household_id: household.id,
      village_code: target.village,
      area_code: target.village,
      date: '2026-11-20',
      kind: 'in_home',
      findings: '矩阵走访',
      needs: '[]',
      created_by: target.user.id,
      created_at: t.clock.now().toISOString(),
    })
    .execute();
  return id;
};

export const townOf = (village: string) => `${village.slice(0, 9)}000`;

/** A one-time rating link of a fresh pairing; the token as the household receives it. */
export const ratingToken = async (t: TestContext, target: Target): Promise<string> => {
  const pairingId = await pairingIn(t, target);
  const token = newId().replace(/-/g, '');
  await t.database.db
    .insertInto('rating_links')
    .values({
      token_hash: createHash('sha256').update(token).digest('hex'),
      pairing_id: pairingId,
      expires_at: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
      created_at: t.clock.now().toISOString(),
    })
    .execute();
  return token;
};

/** The target's village, where appeals live; a town or a district holds none of its own. */
export function villageOf(target: Target): string {
  const code = target.village;
  if (code.length !== 12 || code.endsWith('000')) throw new NotApplicable(`no appeal lives in ${code}`);
  return code;
}

/** An appeal of the target's village, written straight into the table in the state a probe needs. */
export const appealIn = async (
  t: TestContext,
  target: Target,
  fields: Partial<Insertable<AppealsTable>> = {},
) => {
  const village = villageOf(target);
  const id = newId();
  const now = t.clock.now();
  const later = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  await t.database.db
    .insertInto('appeals')
    .values({
      id,
      tracking_code: `M${String(serial++).padStart(9, '0')}`,
      title: '矩阵诉求',
      description: '矩阵测试的诉求',
      category_code: 'neighbour_dispute',
      channel: 'visit',
      urgency: 'normal',
      status: 'accepted',
      level: 'village',
      max_level: 'village',
      village_code: village,
      holder_area_code: village,
      handler_id: null,
      address: '',
      reporter_kind: 'person',
      reporter_name: '矩阵',
      reporter_phone_enc: t.app.ctx.secrets.encrypt('13800001111'),
      reporter_phone_masked: '138****1111',
      received_at: now.toISOString(),
      response_due_at: later(1),
      resolution_due_at: later(7),
      accepted_at: now.toISOString(),
      deferral_approved: false,
      reopen_count: 0,
      version: 1,
      updated_at: now.toISOString(),
      ...fields,
    })
    .execute();
  return id;
};

export const mediationOf = async (t: TestContext, target: Target) => {
  const appealId = await appealIn(t, target);
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.database.db
    .insertInto('mediations')
    .values({
      id,
      appeal_id: appealId,
      parties: JSON.stringify([
        { name: '甲', phone: null, role: '' },
        { name: '乙', phone: null, role: '' },
      ]),
      mediator_ids: JSON.stringify([target.user.id]),
      created_at: now,
      version: 1,
      updated_at: now,
    })
    .execute();
  return id;
};

export const appealAction =
  (path: string, body: Record<string, unknown>, fields: Partial<Insertable<AppealsTable>> = {}): RouteCase =>
  async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target, fields)}/${path}`,
    body: { version: 1, ...body },
  });

export const category = {
  code: 'matrix',
  parentCode: null,
  nameZh: '矩阵',
  nameEn: 'Matrix',
  defaultLevel: 'village',
};

/** Writes a record straight into its table, in the state a probe needs (no route makes it so). */
export async function insertRow<T extends keyof DB & string>(
  t: TestContext,
  table: T,
  row: Insertable<DB[T]>,
): Promise<void> {
  await t.database.db
    .insertInto(table)
    .values(row as never)
    .execute();
}

/** Rejects the household's pending tier proposal: one may be pending at a time. */
export async function clearPendingOverrides(t: TestContext, householdId: string): Promise<void> {
  await t.database.db
    .updateTable('tier_overrides')
    .set({ status: 'rejected' })
    .where('household_id', '=', householdId)
    .where('status', '=', 'pending')
    .execute();
}

export /** A group code under `village` that no area has yet (group codes have three digits). */
async function freeGroupCode(t: TestContext, village: string): Promise<string> {
  const rows = await t.database.db
    .selectFrom('areas')
    .select('code')
    .where('parent_code', '=', village)
    .execute();
  const used = new Set(rows.map((r) => r.code));
  for (let i = 0, n = nextSerial(); i < 999; i++, n++) {
    const code = `${village}${String((n % 999) + 1).padStart(3, '0')}`;
    if (!used.has(code)) return code;
  }
  throw new NotApplicable(`no group code left under ${village}`);
}

/** The message of the newest verification code in the outbox (the log driver keeps it readable). */
export async function latestVerificationMessage(t: TestContext): Promise<string | null> {
  const row = await t.database.db
    .selectFrom('notifications')
    .select('message')
    .where('kind', '=', 'verification.code')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.message ?? null;
}

/** A dispatch of an appeal to a unit (and the unit's sight of it), written straight into the tables. */
export const dispatchOf = async (
  t: TestContext,
  row: {
    appealId: string;
    unitId: string;
    dispatcherArea: string;
    dispatchedBy: string;
    role: DispatchRole;
    status: DispatchStatus;
  },
): Promise<string> => {
  const id = newId();
  const now = t.clock.now();
  const later = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  const returned = row.status === 'returned';
  await t.database.db
    .insertInto('appeal_units')
    .values({ appeal_id: row.appealId, unit_id: row.unitId, routed_at: now.toISOString(), routed_by: null })
    .execute();
  await t.database.db
    .insertInto('appeal_dispatches')
    .values({
      id,
      appeal_id: row.appealId,
      unit_id: row.unitId,
      role: row.role,
      status: row.status,
      decisive: false,
      dispatcher_area_code: row.dispatcherArea,
      dispatched_at: now.toISOString(),
      dispatched_by: row.dispatchedBy,
      returnable_until: later(1),
      may_return: !returned,
      due_at: later(15),
      warn_at: later(11),
      returned_at: returned ? now.toISOString() : null,
      return_reason: returned ? '矩阵退单' : null,
      version: 1,
    })
    .execute();
  return id;
};
