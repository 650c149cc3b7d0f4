import {
  grantableRoles,
  type Role,
  roleAreaKinds,
  roleUnitKinds,
  type User,
  type UsersCreateBody,
  type UsersListQuery,
  type UsersUpdateBody,
} from '@lianxin/common';
import { type Db, isUniqueViolation } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { normalizeUsername, toUser } from '../../platform/auth/accounts';
import { deleteUserSessions, revokeUserTokens } from '../../platform/auth/auth.repository';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { clearAccountCounters } from '../../platform/auth/throttle.repository';
import type { Caller } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaContext } from '../../platform/request-context';
import { type AreaScope, codeInScope, scopeOf } from '../../platform/scope';
import { findArea } from '../areas';
import { findUnitById } from '../departments';
import {
  findPasswordHash,
  findUser,
  insertUser,
  listUsers,
  updateUser,
  usernameExists,
} from './users.repository';

function assertGrantable(caller: Caller, role: Role): void {
  if (!grantableRoles[caller.role].includes(role)) throw new AppError('ROLE_NOT_ASSIGNABLE', { role });
}

/** The area must be inside the caller's subtree and of a level the role may be bound to. */
async function assertAreaForRole(db: Db, scope: AreaScope, areaCode: string, role: Role): Promise<void> {
  const area = await findArea(db, scope, areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN', { code: areaCode });
  if (!roleAreaKinds[role].includes(area.kind)) throw new AppError('ROLE_AREA_MISMATCH', { role });
}

/**
 * A unit's roles (a department's staff, a station's agents, the CPPCC office) must be bound to a
 * unit of their kind and sit in its area; other roles may be bound to a unit of their subtree (a
 * town office's staff) or to none.
 */
async function assertUnitForRole(
  db: Db,
  scope: AreaScope,
  role: Role,
  areaCode: string,
  unitId: string | null,
): Promise<void> {
  const kinds = roleUnitKinds[role];
  if (unitId === null) {
    if (kinds) throw new AppError('ROLE_UNIT_MISMATCH', { role });
    return;
  }
  const unit = await findUnitById(db, unitId);
  if (!unit?.active || !codeInScope(unit.area_code, scope)) throw new AppError('UNIT_UNKNOWN');
  if (kinds) {
    if (!kinds.includes(unit.kind) || unit.area_code !== areaCode)
      throw new AppError('ROLE_UNIT_MISMATCH', { role });
    return;
  }
  const area = await findArea(db, scope, areaCode);
  if (!area || !codeInScope(unit.area_code, scopeOf(area)))
    throw new AppError('ROLE_UNIT_MISMATCH', { role });
}

function auditedFields(user: User) {
  return {
    name: user.name,
    phone: user.phone,
    role: user.role,
    areaCode: user.areaCode,
    unitId: user.unit?.id ?? null,
    rank: user.rank,
  };
}

/** Accounts in the caller's subtree; an area filter narrows to that area and everything below it. */
export async function listUsersInScope(db: Db, scope: AreaScope, query: UsersListQuery) {
  let narrowed = scope;
  if (query.areaCode) {
    const area = await findArea(db, scope, query.areaCode);
    if (!area) return { items: [], total: 0 };
    narrowed = scopeOf(area);
  }
  const { rows, total } = await listUsers(db, narrowed, query);
  return { items: rows.map(toUser), total };
}

export async function getUser(db: Db, scope: AreaScope, id: string): Promise<User> {
  const row = await findUser(db, scope, id);
  if (!row) throw notFound();
  return toUser(row);
}

export type UserCommandContext = Pick<AreaContext, 'clock' | 'actor' | 'caller' | 'scope'>;

export async function createUser(db: Db, ctx: UserCommandContext, body: UsersCreateBody): Promise<User> {
  assertGrantable(ctx.caller, body.role);
  const username = normalizeUsername(body.username);
  await assertAcceptablePassword(body.password, { username, name: body.name, phone: body.phone });
  await assertAreaForRole(db, ctx.scope, body.areaCode, body.role);
  await assertUnitForRole(db, ctx.scope, body.role, body.areaCode, body.unitId);
  if (await usernameExists(db, username)) throw new AppError('USERNAME_TAKEN', { username });
  const now = ctx.clock.now().toISOString();
  const id = newId();
  try {
    await insertUser(db, {
      id,
      username,
      name: body.name,
      phone: body.phone,
      role: body.role,
      area_code: body.areaCode,
      unit_id: body.unitId,
      rank: body.rank,
      locale: null,
      password_hash: await hashPassword(body.password),
      disabled_at: null,
      last_login_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('USERNAME_TAKEN', { username });
    throw err;
  }
  const user = await getUser(db, ctx.scope, id);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'user.create',
    objectType: 'user',
    objectId: id,
    areaCode: user.areaCode,
    after: { username, ...auditedFields(user) },
  });
  return user;
}

/** Loads a user the caller may manage: inside their subtree and of a role they could grant. */
async function manageableUser(db: Db, ctx: UserCommandContext, id: string): Promise<User> {
  const user = await getUser(db, ctx.scope, id);
  if (user.id !== ctx.caller.id) assertGrantable(ctx.caller, user.role);
  return user;
}

export async function updateUserInScope(
  db: Db,
  ctx: UserCommandContext,
  id: string,
  body: UsersUpdateBody,
): Promise<User> {
  const before = await manageableUser(db, ctx, id);
  const role = body.role ?? before.role;
  const areaCode = body.areaCode ?? before.areaCode;
  const unitId = body.unitId === undefined ? (before.unit?.id ?? null) : body.unitId;
  const rebound =
    role !== before.role || areaCode !== before.areaCode || unitId !== (before.unit?.id ?? null);
  if (id === ctx.caller.id && rebound) throw new AppError('SELF_LOCKOUT');
  if (body.role !== undefined) assertGrantable(ctx.caller, role);
  if (body.role !== undefined || body.areaCode !== undefined) {
    await assertAreaForRole(db, ctx.scope, areaCode, role);
  }
  if (rebound) await assertUnitForRole(db, ctx.scope, role, areaCode, unitId);
  const updated = await updateUser(db, id, body.version, {
    name: body.name ?? before.name,
    phone: body.phone === undefined ? before.phone : body.phone,
    role,
    area_code: areaCode,
    unit_id: unitId,
    rank: body.rank === undefined ? before.rank : body.rank,
    updated_at: ctx.clock.now().toISOString(),
  });
  if (!updated) throw new AppError('VERSION_CONFLICT');
  // A new role, area or unit changes what the account may see: its sessions start over.
  if (rebound) await deleteUserSessions(db, id);
  const after = await getUser(db, ctx.scope, id);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'user.update',
    objectType: 'user',
    objectId: id,
    areaCode: after.areaCode,
    before: auditedFields(before),
    after: auditedFields(after),
  });
  return after;
}

/** Disabling ends every session and revokes every API token at once: re-enabling brings none back. */
export async function setUserDisabled(
  db: Db,
  ctx: UserCommandContext,
  id: string,
  disabled: boolean,
): Promise<User> {
  const user = await manageableUser(db, ctx, id);
  if (id === ctx.caller.id) throw new AppError('SELF_LOCKOUT');
  const now = ctx.clock.now().toISOString();
  if (!(await updateUser(db, id, user.version, { disabled_at: disabled ? now : null, updated_at: now }))) {
    throw new AppError('VERSION_CONFLICT');
  }
  if (disabled) {
    await deleteUserSessions(db, id);
    await revokeUserTokens(db, id, now);
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: disabled ? 'user.disable' : 'user.enable',
    objectType: 'user',
    objectId: id,
    areaCode: user.areaCode,
  });
  return getUser(db, ctx.scope, id);
}

/** Sets a new password for an account; its sessions end and its API tokens are revoked. */
export async function resetUserPassword(
  db: Db,
  ctx: UserCommandContext,
  id: string,
  password: string,
): Promise<void> {
  const user = await manageableUser(db, ctx, id);
  await assertAcceptablePassword(password, { username: user.username, name: user.name, phone: user.phone });
  const currentHash = await findPasswordHash(db, id);
  if (currentHash && (await verifyPassword(currentHash, password))) {
    throw new AppError('PASSWORD_WEAK', { problem: 'current' });
  }
  const now = ctx.clock.now().toISOString();
  const passwordHash = await hashPassword(password);
  if (!(await updateUser(db, id, user.version, { password_hash: passwordHash, updated_at: now }))) {
    throw new AppError('VERSION_CONFLICT');
  }
  await deleteUserSessions(db, id);
  await revokeUserTokens(db, id, now);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'user.password_reset',
    objectType: 'user',
    objectId: id,
    areaCode: user.areaCode,
  });
}

/** Lifts the account's sign-in lockout (after failed passwords), from every address. */
export async function unlockUser(db: Db, ctx: UserCommandContext, id: string): Promise<User> {
  const user = await manageableUser(db, ctx, id);
  await clearAccountCounters(db, user.username);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'user.unlock',
    objectType: 'user',
    objectId: id,
    areaCode: user.areaCode,
  });
  return user;
}
