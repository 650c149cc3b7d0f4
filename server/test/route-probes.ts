import { createHash } from 'node:crypto';
import {
  defaultAppealSettings,
  defaultAssessmentConfig,
  defaultAssistanceSettings,
  defaultTierRules,
  type ErrorCode,
} from '@lianxin/common';
import type { FastifyInstance } from 'fastify';
import type { Insertable } from 'kysely';
import type { AppealsTable } from '../src/db/schema';
import type { RouteEntry } from '../src/platform/context';
import { newId } from '../src/platform/ids';
import { jpegWithExif } from './files.fixtures';
import { buildUser, type Session, TEST_PASSWORD, type TestContext } from './harness';

/**
 * How to call each route of the API on an object in a chosen area. The access matrices (unit and
 * reliability suites) and the reliability fuzz read this one table, so a new route is probed
 * everywhere once it has an entry here.
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

const versionOf = async (t: TestContext, table: 'households' | 'residents', id: string) =>
  (await t.database.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;

/** A roster import started in the target's area by the target's account. */
const rosterImport = async (t: TestContext, target: Target, status: 'validating' | 'ready') => {
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
const override = async (t: TestContext, target: Target, status: 'pending' | 'approved') => {
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

const version = async (t: TestContext, table: 'users' | 'areas', key: string) => {
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

/** A new household of the target's village, for probes that need one nobody else has touched. */
const freshHousehold = async (target: Target): Promise<string> => {
  householdOf(target);
  const created = await target.admin.request('POST', '/api/v1/households', {
    areaCode: target.village,
    number: `P${serial++}`,
    members: [{ name: '户主', relation: 'head' }],
  });
  return (created.json() as { id: string }).id;
};

/** An active pairing of a fresh household with the target's account. */
const pairingIn = async (t: TestContext, target: Target): Promise<string> => {
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
const visitIn = async (t: TestContext, target: Target): Promise<string> => {
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

const townOf = (village: string) => `${village.slice(0, 9)}000`;

/** A one-time rating link of a fresh pairing; the token as the household receives it. */
const ratingToken = async (t: TestContext, target: Target): Promise<string> => {
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
function villageOf(target: Target): string {
  const code = target.village;
  if (code.length !== 12 || code.endsWith('000')) throw new NotApplicable(`no appeal lives in ${code}`);
  return code;
}

/** An appeal of the target's village, written straight into the table in the state a probe needs. */
const appealIn = async (t: TestContext, target: Target, fields: Partial<Insertable<AppealsTable>> = {}) => {
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

const mediationOf = async (t: TestContext, target: Target) => {
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

const appealAction =
  (path: string, body: Record<string, unknown>, fields: Partial<Insertable<AppealsTable>> = {}): RouteCase =>
  async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target, fields)}/${path}`,
    body: { version: 1, ...body },
  });

const category = {
  code: 'matrix',
  parentCode: null,
  nameZh: '矩阵',
  nameEn: 'Matrix',
  defaultLevel: 'village',
};

/** One entry per route, keyed `METHOD /url` as in the route table. */
export const ROUTE_PROBES: Record<string, RouteCase> = {
  // Sign-in and the caller's own account: not area-scoped, probed by the fuzz only.
  'POST /api/v1/auth/login': async () => ({
    url: '/api/v1/auth/login',
    body: { username: 'nobody', password: TEST_PASSWORD },
  }),
  'PATCH /api/v1/auth/me': async () => ({ url: '/api/v1/auth/me', body: { locale: 'en' } }),
  'POST /api/v1/auth/logout': async () => ({ url: '/api/v1/auth/logout', body: {} }),
  'POST /api/v1/auth/password': async () => ({
    url: '/api/v1/auth/password',
    body: { currentPassword: TEST_PASSWORD, newPassword: `another-horse-${serial++}` },
  }),
  'POST /api/v1/auth/tokens': async () => ({
    url: '/api/v1/auth/tokens',
    body: { name: `令牌${serial++}`, expiresInDays: 30 },
  }),

  'GET /api/v1/areas': async () => ({ url: '/api/v1/areas' }),
  'GET /api/v1/areas/:code': async (_t, target) => ({ url: `/api/v1/areas/${target.area}` }),
  'POST /api/v1/areas': async (_t, target) => ({
    url: '/api/v1/areas',
    body: {
      code: `${target.village}${String(serial++)}`,
      name: '新网格',
      kind: 'group',
      parentCode: target.village,
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'PATCH /api/v1/areas/:code': async (t, target) => ({
    url: `/api/v1/areas/${target.village}`,
    body: { flags: { remote: true }, version: await version(t, 'areas', target.village) },
  }),
  'GET /api/v1/users': async () => ({ url: '/api/v1/users' }),
  'GET /api/v1/users/:id': async (_t, target) => ({ url: `/api/v1/users/${target.user.id}` }),
  'POST /api/v1/users': async (_t, target) => ({
    url: '/api/v1/users',
    body: {
      username: `matrix${serial++}`,
      name: '矩阵',
      role: 'village_cadre',
      areaCode: target.village,
      password: 'matrix-password-1',
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'PATCH /api/v1/users/:id': async (t, target) => ({
    url: `/api/v1/users/${target.user.id}`,
    body: { name: '改名', version: await version(t, 'users', target.user.id) },
  }),
  'POST /api/v1/users/:id/disable': async (_t, target) => ({
    url: `/api/v1/users/${target.user.id}/disable`,
  }),
  'POST /api/v1/users/:id/enable': async (_t, target) => ({ url: `/api/v1/users/${target.user.id}/enable` }),
  'POST /api/v1/users/:id/password': async (_t, target) => ({
    url: `/api/v1/users/${target.user.id}/password`,
    body: { password: 'matrix-password-2' },
  }),
  'GET /api/v1/audit': async () => ({ url: '/api/v1/audit' }),
  'GET /api/v1/households': async () => ({ url: '/api/v1/households' }),
  'GET /api/v1/households/:id': async (_t, target) => ({
    url: `/api/v1/households/${householdOf(target).id}`,
  }),
  'POST /api/v1/households': async (_t, target) => ({
    url: '/api/v1/households',
    body: {
      areaCode: target.village,
      number: `M${serial++}`,
      members: [{ name: '矩阵户主', relation: 'head' }],
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'POST /api/v1/residents/:id/reveal-id': async (_t, target) => ({
    url: `/api/v1/residents/${householdOf(target).residentId}/reveal-id`,
  }),
  'PATCH /api/v1/households/:id': async (t, target) => ({
    url: `/api/v1/households/${householdOf(target).id}`,
    body: {
      address: `矩阵路 ${serial++} 号`,
      version: await versionOf(t, 'households', householdOf(target).id),
    },
  }),
  'POST /api/v1/households/:id/members': async (_t, target) => ({
    url: `/api/v1/households/${householdOf(target).id}/members`,
    body: { name: `成员${serial++}`, relation: 'child' },
  }),
  'POST /api/v1/households/:id/change-head': async (t, target) => {
    const household = householdOf(target);
    const added = await target.admin.request('POST', `/api/v1/households/${household.id}/members`, {
      name: `新户主${serial++}`,
      relation: 'spouse',
    });
    const members = (added.json() as { members: { id: string; name: string }[] }).members;
    const next = members[members.length - 1];
    return {
      url: `/api/v1/households/${household.id}/change-head`,
      body: {
        residentId: next?.id,
        formerHeadRelation: 'spouse',
        version: await versionOf(t, 'households', household.id),
      },
    };
  },
  'PUT /api/v1/households/:id/indicators/:year': async (_t, target) => ({
    url: `/api/v1/households/${householdOf(target).id}/indicators/2026`,
    body: { totalIncome: 40_000 + serial++ },
  }),
  'PATCH /api/v1/residents/:id': async (t, target) => ({
    url: `/api/v1/residents/${householdOf(target).residentId}`,
    body: {
      phone: '13800000000',
      version: await versionOf(t, 'residents', householdOf(target).residentId),
    },
  }),
  'GET /api/v1/tags': async () => ({ url: '/api/v1/tags', noTargetArea: true }),
  'POST /api/v1/tags': async () => ({
    url: '/api/v1/tags',
    body: { code: `matrix_${serial++}`, name: '矩阵标签', appliesTo: 'household' },
    noTargetArea: true,
  }),
  'GET /api/v1/tier-rules': async () => ({ url: '/api/v1/tier-rules', noTargetArea: true }),
  'POST /api/v1/tier-rules/preview': async () => ({
    url: '/api/v1/tier-rules/preview',
    body: { rules: defaultTierRules },
    noTargetArea: true,
  }),
  'POST /api/v1/tier-rules': async () => ({
    url: '/api/v1/tier-rules',
    body: { rules: defaultTierRules, effectiveFrom: '2027-01-01' },
    noTargetArea: true,
  }),
  'GET /api/v1/tier-overrides': async () => ({ url: '/api/v1/tier-overrides' }),
  'GET /api/v1/household-imports/template': async () => ({
    url: '/api/v1/household-imports/template',
    noTargetArea: true,
  }),
  'POST /api/v1/household-imports': async () => ({
    url: '/api/v1/household-imports?fileName=x.csv',
    body: Buffer.from('村/社区,户号,姓名,与户主关系\n'),
    headers: { 'content-type': 'text/csv' },
    noTargetArea: true,
  }),
  'GET /api/v1/household-imports': async () => ({ url: '/api/v1/household-imports' }),
  'GET /api/v1/household-imports/:id': async (t, target) => ({
    url: `/api/v1/household-imports/${await rosterImport(t, target, 'validating')}`,
  }),
  'POST /api/v1/household-imports/:id/commit': async (t, target) => ({
    url: `/api/v1/household-imports/${await rosterImport(t, target, 'ready')}/commit`,
  }),
  'GET /api/v1/households/export': async (_t, target) => ({
    url: `/api/v1/households/export?areaCode=${target.village}`,
  }),
  'POST /api/v1/households/:id/tier-overrides': async (t, target) => {
    const household = householdOf(target);
    // One pending proposal per household at a time: clear the way for this probe.
    await t.database.db
      .updateTable('tier_overrides')
      .set({ status: 'rejected' })
      .where('household_id', '=', household.id)
      .where('status', '=', 'pending')
      .execute();
    return {
      url: `/api/v1/households/${household.id}/tier-overrides`,
      body: { tier: 'watch', reason: '矩阵测试' },
    };
  },
  'POST /api/v1/tier-overrides/:id/approve': async (t, target) => ({
    url: `/api/v1/tier-overrides/${await override(t, target, 'pending')}/approve`,
    body: {},
  }),
  'POST /api/v1/tier-overrides/:id/reject': async (t, target) => ({
    url: `/api/v1/tier-overrides/${await override(t, target, 'pending')}/reject`,
    body: {},
  }),
  'POST /api/v1/tier-overrides/:id/revoke': async (t, target) => ({
    url: `/api/v1/tier-overrides/${await override(t, target, 'approved')}/revoke`,
    body: {},
  }),

  'GET /api/v1/appeal-categories': async () => ({ url: '/api/v1/appeal-categories', noTargetArea: true }),
  'POST /api/v1/appeal-categories': async () => ({
    url: '/api/v1/appeal-categories',
    body: { ...category, code: `matrix_${serial++}` },
    noTargetArea: true,
  }),
  'PUT /api/v1/appeal-categories/:code': async () => ({
    url: '/api/v1/appeal-categories/other',
    body: { ...category, code: 'other', nameZh: '其他', nameEn: 'Other' },
    noTargetArea: true,
  }),
  'GET /api/v1/appeal-settings': async () => ({ url: '/api/v1/appeal-settings', noTargetArea: true }),
  'PUT /api/v1/appeal-settings': async () => ({
    url: '/api/v1/appeal-settings',
    body: defaultAppealSettings,
    noTargetArea: true,
  }),
  'GET /api/v1/appeals': async () => ({ url: '/api/v1/appeals' }),
  'POST /api/v1/appeals': async (_t, target) => ({
    url: '/api/v1/appeals',
    body: {
      channel: 'visit',
      categoryCode: 'roads_water',
      villageCode: target.village,
      title: '矩阵登记',
      description: '矩阵测试登记的诉求',
      reporterKind: 'anonymous',
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/appeals/similar': async (_t, target) => ({
    url: `/api/v1/appeals/similar?villageCode=${villageOf(target)}&categoryCode=neighbour_dispute&text=%E7%9F%A9%E9%98%B5`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/appeals/stats': async (_t, target) => ({
    url: `/api/v1/appeals/stats?from=2026-01-01&to=2026-12-31&areaCode=${target.village}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/appeals/:id': async (t, target) => ({ url: `/api/v1/appeals/${await appealIn(t, target)}` }),
  'GET /api/v1/appeals/:id/handlers': async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target)}/handlers`,
  }),
  'GET /api/v1/appeals/:id/mediators': async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target)}/mediators`,
  }),
  'POST /api/v1/appeals/:id/reveal-phone': async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target)}/reveal-phone`,
  }),
  'POST /api/v1/appeals/:id/accept': appealAction('accept', {}, { status: 'received', accepted_at: null }),
  'POST /api/v1/appeals/:id/start': appealAction('start', {}),
  'POST /api/v1/appeals/:id/assign': async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target)}/assign`,
    body: { version: 1, handlerId: target.user.id },
  }),
  'POST /api/v1/appeals/:id/escalate': appealAction('escalate', { reason: '超出村级权限' }),
  'POST /api/v1/appeals/:id/send-down': async (t, target) => {
    // Only a town or the district can send an appeal down; a village has nothing below it.
    if (target.area === target.village) throw new NotApplicable('a village has no level below it');
    const village = villageOf(target);
    const id = await appealIn(t, target, {
      level: 'town',
      max_level: 'town',
      holder_area_code: `${village.slice(0, 9)}000`,
    });
    return { url: `/api/v1/appeals/${id}/send-down`, body: { version: 1, reason: '村里能办' } };
  },
  'POST /api/v1/appeals/:id/return': appealAction(
    'return',
    { reason: '不属受理范围' },
    { status: 'received', accepted_at: null },
  ),
  'POST /api/v1/appeals/:id/defer': appealAction('defer', {
    reason: '需等枯水期',
    plannedDate: '2027-06-30',
  }),
  'POST /api/v1/appeals/:id/approve-deferral': appealAction(
    'approve-deferral',
    {},
    { deferral_reason: '需等枯水期', deferral_date: '2027-06-30' },
  ),
  'POST /api/v1/appeals/:id/reject-deferral': appealAction(
    'reject-deferral',
    {},
    { deferral_reason: '需等枯水期', deferral_date: '2027-06-30' },
  ),
  'POST /api/v1/appeals/:id/resolve': appealAction('resolve', { resolution: '已解决' }),
  'POST /api/v1/appeals/:id/merge': async (t, target) => {
    const original = await appealIn(t, target);
    return {
      url: `/api/v1/appeals/${await appealIn(t, target)}/merge`,
      body: { version: 1, intoId: original },
    };
  },
  'POST /api/v1/appeals/:id/notes': appealAction('notes', { note: '补充情况' }),
  'POST /api/v1/appeals/:id/callback': async (t, target) => {
    const now = t.clock.now().toISOString();
    const id = await appealIn(t, target, {
      status: 'resolved',
      handler_id: target.user.id,
      resolved_by: target.user.id,
      resolved_at: now,
      resolved_level: 'village',
      resolution: '已解决',
    });
    await t.database.db
      .insertInto('appeal_callbacks')
      .values({
        id: newId(),
        appeal_id: id,
        area_code: villageOf(target),
        handler_id: target.user.id,
        due_at: now,
        attempts: 0,
        created_at: now,
      })
      .execute();
    return { url: `/api/v1/appeals/${id}/callback`, body: { version: 1, rating: 'satisfied' } };
  },
  'POST /api/v1/appeals/:id/attachments': async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target)}/attachments?fileName=photo.jpg`,
    body: jpegWithExif(),
    headers: { 'content-type': 'image/jpeg' },
  }),
  'GET /api/v1/appeals/:id/attachments/:attachmentId': async (t, target) => {
    const appealId = await appealIn(t, target);
    const id = newId();
    await t.database.db
      .insertInto('appeal_attachments')
      .values({
        id,
        appeal_id: appealId,
        file_name: 'a.pdf',
        content_type: 'application/pdf',
        size: 8,
        content: Buffer.from('%PDF-1.7'),
        created_at: t.clock.now().toISOString(),
      })
      .execute();
    return { url: `/api/v1/appeals/${appealId}/attachments/${id}` };
  },
  'GET /api/v1/callbacks': async () => ({ url: '/api/v1/callbacks' }),
  'GET /api/v1/notifications': async () => ({ url: '/api/v1/notifications' }),
  'GET /api/v1/mediations': async () => ({ url: '/api/v1/mediations' }),
  'POST /api/v1/mediations': async (t, target) => ({
    url: '/api/v1/mediations',
    body: {
      appealId: await appealIn(t, target),
      parties: [{ name: '甲' }, { name: '乙' }],
      mediatorIds: [target.user.id],
    },
  }),
  'GET /api/v1/mediations/:id': async (t, target) => ({
    url: `/api/v1/mediations/${await mediationOf(t, target)}`,
  }),
  'POST /api/v1/mediations/:id/sessions': async (t, target) => ({
    url: `/api/v1/mediations/${await mediationOf(t, target)}/sessions`,
    body: { version: 1, date: '2026-11-22', notes: '双方到场' },
  }),
  'POST /api/v1/mediations/:id/outcome': async (t, target) => ({
    url: `/api/v1/mediations/${await mediationOf(t, target)}/outcome`,
    body: { version: 1, outcome: 'partial', agreement: '部分达成' },
  }),
  'GET /api/v1/screenings': async () => ({ url: '/api/v1/screenings' }),
  'POST /api/v1/screenings': async (_t, target) => ({
    url: '/api/v1/screenings',
    body: {
      villageCode: target.village,
      date: '2026-11-22',
      disputes: [{ categoryCode: 'neighbour_dispute', title: '排水沟纠纷', description: '两户争执' }],
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/assistance-settings': async () => ({ url: '/api/v1/assistance-settings', noTargetArea: true }),
  'PUT /api/v1/assistance-settings': async () => ({
    url: '/api/v1/assistance-settings',
    body: defaultAssistanceSettings,
    noTargetArea: true,
  }),
  'PUT /api/v1/cadres/:id/quota': async (_t, target) => ({
    url: `/api/v1/cadres/${target.user.id}/quota`,
    body: { min: 0, max: 10 },
  }),
  'GET /api/v1/pairings': async () => ({ url: '/api/v1/pairings' }),
  'GET /api/v1/pairings/board': async (_t, target) => ({
    url: `/api/v1/pairings/board?areaCode=${target.village}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'POST /api/v1/pairings': async (_t, target) => ({
    url: '/api/v1/pairings',
    body: { householdId: await freshHousehold(target), cadreId: target.user.id, startDate: '2026-11-01' },
  }),
  'POST /api/v1/pairings/proposal': async (_t, target) => ({
    url: '/api/v1/pairings/proposal',
    body: { areaCode: townOf(target.village) },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'POST /api/v1/pairings/accept': async (_t, target) => ({
    url: '/api/v1/pairings/accept',
    body: {
      startDate: '2026-11-01',
      items: [{ householdId: await freshHousehold(target), cadreId: target.user.id }],
    },
  }),
  'POST /api/v1/pairings/:id/end': async (t, target) => ({
    url: `/api/v1/pairings/${await pairingIn(t, target)}/end`,
    body: { version: 1, endDate: '2026-11-22', reason: '已脱困' },
  }),
  'POST /api/v1/pairings/:id/keep': async (t, target) => ({
    url: `/api/v1/pairings/${await pairingIn(t, target)}/keep`,
    body: { version: 1 },
  }),
  'POST /api/v1/pairings/:id/ratings': async (t, target) => ({
    url: `/api/v1/pairings/${await pairingIn(t, target)}/ratings`,
    body: { rating: 'satisfied' },
  }),
  'POST /api/v1/pairings/:id/rating-links': async (t, target) => ({
    url: `/api/v1/pairings/${await pairingIn(t, target)}/rating-links`,
  }),
  'GET /api/v1/cadres/:id/ratings': async (_t, target) => ({
    url: `/api/v1/cadres/${target.user.id}/ratings`,
  }),
  'GET /api/v1/contact-points': async () => ({ url: '/api/v1/contact-points' }),
  'POST /api/v1/contact-points': async (t, target) => {
    villageOf(target);
    const leader = await buildUser(t.database, {
      role: 'town_staff',
      areaCode: townOf(target.village),
      rank: 'leader',
    });
    return {
      url: '/api/v1/contact-points',
      body: { leaderId: leader.id, villageCode: target.village, startDate: '2026-01-01' },
      outsideCode: 'AREA_UNKNOWN',
    };
  },
  'POST /api/v1/contact-points/:id/end': async (t, target) => {
    const id = newId();
    await t.database.db
      .insertInto('contact_points')
      .values({
        id,
        leader_id: target.user.id,
        village_code: villageOf(target),
        start_date: '2026-01-01',
        created_at: t.clock.now().toISOString(),
      })
      .execute();
    return { url: `/api/v1/contact-points/${id}/end`, body: { endDate: '2026-11-22' } };
  },
  'GET /api/v1/worklist': async () => ({ url: '/api/v1/worklist', noTargetArea: true }),
  'GET /api/v1/visits': async () => ({ url: '/api/v1/visits' }),
  'POST /api/v1/visits': async (_t, target) => ({
    url: '/api/v1/visits',
    body: {
      id: newId(),
      householdId: householdOf(target).id,
      date: '2026-11-22',
      kind: 'in_home',
      findings: '矩阵走访',
    },
  }),
  'GET /api/v1/visits/:id': async (t, target) => ({ url: `/api/v1/visits/${await visitIn(t, target)}` }),
  'POST /api/v1/visits/:id/photos': async (t, target) => ({
    url: `/api/v1/visits/${await visitIn(t, target)}/photos`,
    body: jpegWithExif(),
    headers: { 'content-type': 'image/jpeg' },
  }),
  'GET /api/v1/visits/:id/photos/:photoId': async (t, target) => {
    const visitId = await visitIn(t, target);
    const id = newId();
    await t.database.db
      .insertInto('visit_photos')
      .values({
        id,
        visit_id: visitId,
        content_type: 'image/jpeg',
        size: 3,
        content: Buffer.from([0xff, 0xd8, 0xff]),
        created_at: t.clock.now().toISOString(),
      })
      .execute();
    return { url: `/api/v1/visits/${visitId}/photos/${id}` };
  },
  'GET /api/v1/help-measures': async () => ({ url: '/api/v1/help-measures' }),
  'POST /api/v1/help-measures': async (_t, target) => ({
    url: '/api/v1/help-measures',
    body: { householdId: householdOf(target).id, kind: 'job_referral' },
  }),
  'PATCH /api/v1/help-measures/:id': async (t, target) => {
    const id = newId();
    const now = t.clock.now().toISOString();
    await t.database.db
      .insertInto('help_measures')
      .values({
        id,
        household_id: householdOf(target).id,
        cadre_id: target.user.id,
        area_code: target.village,
        kind: 'job_referral',
        status: 'planned',
        description: '',
        outcome: '',
        created_at: now,
        version: 1,
        updated_at: now,
      })
      .execute();
    return { url: `/api/v1/help-measures/${id}`, body: { version: 1, status: 'in_progress' } };
  },
  'GET /api/v1/coverage/must-visit': async (_t, target) => ({
    url: `/api/v1/coverage/must-visit?areaCode=${target.village}&from=2026-01-01&to=2026-12-31`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/coverage/must-go': async (_t, target) => ({
    url: `/api/v1/coverage/must-go?areaCode=${target.village}&from=2026-01-01&to=2026-12-31`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/coverage/must-visit/export': async (_t, target) => ({
    url: `/api/v1/coverage/must-visit/export?areaCode=${target.village}&from=2026-01-01&to=2026-12-31`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/dashboard': async (_t, target) => ({
    url: `/api/v1/dashboard?areaCode=${target.village}&from=2026-01-01&to=2026-12-31`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/dashboard/work': async (_t, target) => ({
    url: `/api/v1/dashboard/work?areaCode=${target.village}&from=2026-01-01&to=2026-12-31`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/bulletins/:month': async (_t, target) => ({
    url: `/api/v1/bulletins/2026-10?areaCode=${target.village}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/assessments/:year': async () => ({ url: '/api/v1/assessments/2026', noTargetArea: true }),
  'GET /api/v1/assessments/:year/export': async () => ({
    url: '/api/v1/assessments/2026/export',
    noTargetArea: true,
  }),
  'PUT /api/v1/assessments/:year/config': async () => ({
    url: `/api/v1/assessments/${2030 + (serial++ % 30)}/config`,
    body: defaultAssessmentConfig,
    noTargetArea: true,
  }),
  'POST /api/v1/assessments/:year/compute': async () => ({
    url: `/api/v1/assessments/${2030 + (serial++ % 30)}/compute`,
    noTargetArea: true,
  }),
  'PATCH /api/v1/assessments/:year/scores/:cadreId': async (_t, target) => {
    // Scores exist once the year is computed; 2027 is never finalized by a probe.
    await target.admin.request('POST', '/api/v1/assessments/2027/compute');
    return { url: `/api/v1/assessments/2027/scores/${target.user.id}`, body: { comment: '矩阵点评' } };
  },
  'POST /api/v1/assessments/:year/finalize': async (_t, target) => {
    // Years of their own: a finalized year answers every later change with 409.
    const year = 2060 + (serial++ % 40);
    await target.admin.request('POST', `/api/v1/assessments/${year}/compute`);
    return { url: `/api/v1/assessments/${year}/finalize`, noTargetArea: true };
  },
  'GET /api/v1/public/helper-ratings/:token': async (t, target) => ({
    url: `/api/v1/public/helper-ratings/${await ratingToken(t, target)}`,
  }),
  'POST /api/v1/public/helper-ratings/:token': async (t, target) => ({
    url: `/api/v1/public/helper-ratings/${await ratingToken(t, target)}`,
    body: { rating: 'satisfied' },
  }),
};

/**
 * Routes being written that have no probe yet: the matrices and the fuzz skip them, and say so.
 * Whoever lands a route here adds its probe above and deletes its line; an entry left here after
 * its probe exists, or for a route that is gone, fails the coverage check.
 */
export const NOT_YET_PROBED: readonly string[] = [];

/** What the coverage checks say about a route the table cannot probe. */
export function missingProbeMessage(key: string): string {
  return (
    `${key} has no probe: add an entry to ROUTE_PROBES in server/test/route-probes.ts saying how to ` +
    'call it on an object in a given area (URL, a valid body, and the answer outside the area when not 404)'
  );
}

/** Problems of the probe table against the app's route table; empty when every route is covered. */
export function probeCoverageProblems(app: FastifyInstance, needsProbe: (route: RouteEntry) => boolean) {
  const keys = new Set(app.ctx.routes.map(routeKey));
  const problems: string[] = [];
  for (const route of app.ctx.routes) {
    const key = routeKey(route);
    if (needsProbe(route) && !ROUTE_PROBES[key] && !NOT_YET_PROBED.includes(key))
      problems.push(missingProbeMessage(key));
  }
  for (const key of NOT_YET_PROBED) {
    if (ROUTE_PROBES[key]) problems.push(`${key} has a probe now: delete it from NOT_YET_PROBED`);
    else if (!keys.has(key)) problems.push(`${key} is not a route: delete it from NOT_YET_PROBED`);
  }
  for (const key of Object.keys(ROUTE_PROBES)) {
    if (!keys.has(key)) problems.push(`${key} is not a route any more: delete its probe`);
  }
  return problems;
}
