import { timingSafeEqual } from 'node:crypto';
import { type AuthLoginBody, type TokenScope, TokenScope as TokenScopeSchema } from '@lianxin/common';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { type Actor, recordAudit } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Caller } from '../context';
import { AppError } from '../errors';
import { newId, newSecret, sha256 } from '../ids';
import { withTransaction } from '../request-context';
import { normalizeUsername } from './accounts';
import {
  type CallerRow,
  deleteSession,
  deleteUserSessions,
  findAccount,
  findCallerByUsername,
  findSession,
  findToken,
  insertFailure,
  insertSession,
  markLogin,
  revokeUserTokens,
  touchSession,
  touchToken,
  updatePasswordHash,
} from './auth.repository';
import { assertAcceptablePassword, hashPassword, verifyAgainstNothing, verifyPassword } from './passwords';
import { admitAttempt, settleFailure, settleSuccess } from './throttle';

export interface AuthDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
}

export interface NewSession {
  /** Goes into the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  caller: Caller;
  expiresAt: Date;
}

export function sessionIdOf(token: string): string {
  return sha256(`session:${token}`);
}

export function tokenHashOf(token: string): string {
  return sha256(`api-token:${token}`);
}

function toCaller(row: CallerRow): Caller {
  const { disabledAt: _disabled, ...caller } = row;
  return caller;
}

/**
 * Checks a username and password and opens a new session (never reuses an old id).
 * Attempts are counted per address and per account (per account and address for an address the
 * account signed in from before) before the password is checked; past the limit it is not checked.
 */
export async function login(
  deps: AuthDeps,
  body: AuthLoginBody,
  client: { ip: string; userAgent: string | null; previousToken: string | null },
): Promise<NewSession> {
  const { db, clock, config } = deps;
  const username = normalizeUsername(body.username).slice(0, 40);
  const found = await findCallerByUsername(db, username);
  const admission = await admitAttempt(deps, username, found?.id ?? null, client.ip);
  const ok = found
    ? await verifyPassword(found.passwordHash, body.password)
    : await verifyAgainstNothing(body.password);
  const now = clock.now();
  const stamp = now.toISOString();
  // An integration's system account never signs in, whatever is stored as its password.
  if (!found || !ok || found.role === 'integration') {
    await settleFailure(deps, admission);
    await withTransaction({ db }, async (trx) => {
      await insertFailure(trx, { id: newId(), username, ip: client.ip, at: stamp });
      await recordAudit(
        trx,
        clock,
        { id: null, name: username, ip: client.ip },
        { action: 'auth.login_failed' },
      );
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (found.disabledAt) throw new AppError('ACCOUNT_DISABLED');
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + config.session.absoluteHours * 3_600_000);
  const caller = toCaller(found);
  await withTransaction({ db }, async (trx) => {
    if (client.previousToken) await deleteSession(trx, sessionIdOf(client.previousToken));
    await insertSession(trx, {
      id: sessionIdOf(token),
      userId: found.id,
      csrfToken,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      now: stamp,
      expiresAt: expiresAt.toISOString(),
    });
    await settleSuccess(trx, admission, found, client.ip, stamp);
    await markLogin(trx, found.id, stamp);
    await recordAudit(
      trx,
      clock,
      { id: found.id, name: found.name, ip: client.ip },
      { action: 'auth.login', objectType: 'user', objectId: found.id, areaCode: found.areaCode },
    );
  });
  return { token, csrfToken, caller, expiresAt };
}

export type SessionLookup =
  | { status: 'valid'; caller: Caller; sessionId: string; csrfToken: string }
  | { status: 'expired' }
  | { status: 'none' };

/** Resolves a session cookie; enforces the idle and absolute timeouts and disabled accounts. */
export async function resumeSession(deps: AuthDeps, token: string): Promise<SessionLookup> {
  const sessionId = sessionIdOf(token);
  const found = await findSession(deps.db, sessionId);
  if (!found) return { status: 'none' };
  const now = deps.clock.now();
  const idleLimit = new Date(found.lastSeenAt).getTime() + deps.config.session.idleMinutes * 60_000;
  if (found.caller.disabledAt || now.getTime() > idleLimit || now.toISOString() >= found.expiresAt) {
    await deleteSession(deps.db, sessionId);
    return { status: 'expired' };
  }
  // Touch at most once a minute: the idle timeout does not need more, the database does not want more.
  if (now.getTime() - new Date(found.lastSeenAt).getTime() > 60_000) {
    await touchSession(deps.db, sessionId, now.toISOString());
  }
  return { status: 'valid', caller: toCaller(found.caller), sessionId, csrfToken: found.csrfToken };
}

/** A stored scope; one that does not read (it cannot be, short of a hand edit) reads as read-only. */
export function parseTokenScope(json: string): TokenScope {
  try {
    const parsed = TokenScopeSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : { kind: 'read' };
  } catch {
    return { kind: 'read' };
  }
}

export async function resolveApiToken(
  deps: AuthDeps,
  token: string,
  ip: string,
): Promise<{ caller: Caller; scope: TokenScope } | null> {
  const found = await findToken(deps.db, tokenHashOf(token));
  const now = deps.clock.now();
  if (!found || found.revokedAt || found.caller.disabledAt) return null;
  if (found.expiresAt && found.expiresAt <= now.toISOString()) return null;
  const stale = !found.lastUsedAt || now.getTime() - new Date(found.lastUsedAt).getTime() > 60_000;
  if (stale || found.lastUsedIp !== ip) await touchToken(deps.db, found.tokenId, now.toISOString(), ip);
  return { caller: toCaller(found.caller), scope: parseTokenScope(found.scope) };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(
  deps: AuthDeps,
  sessionId: string,
  actor: Actor,
  areaCode: string,
): Promise<void> {
  await withTransaction(deps, async (trx) => {
    await deleteSession(trx, sessionId);
    await recordAudit(trx, deps.clock, actor, {
      action: 'auth.logout',
      objectType: 'user',
      objectId: actor.id ?? undefined,
      areaCode,
    });
  });
}

/** Changes the caller's own password; every other session of the account and all its API tokens end. */
export async function changeOwnPassword(
  deps: AuthDeps,
  caller: Caller,
  actor: Actor,
  currentSessionId: string | null,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const found = await findCallerByUsername(deps.db, caller.username);
  if (!found || !(await verifyPassword(found.passwordHash, currentPassword))) {
    throw new AppError('PASSWORD_WRONG');
  }
  const account = await findAccount(deps.db, caller.id);
  await assertAcceptablePassword(newPassword, {
    username: caller.username,
    name: account?.name ?? caller.name,
    phone: account?.phone ?? null,
    current: currentPassword,
  });
  const passwordHash = await hashPassword(newPassword);
  const now = deps.clock.now().toISOString();
  await withTransaction(deps, async (trx) => {
    await updatePasswordHash(trx, caller.id, passwordHash, now);
    // Keep the session the change was made from; every other one ends, and every API token.
    await deleteUserSessions(trx, caller.id, currentSessionId);
    await revokeUserTokens(trx, caller.id, now);
    await recordAudit(trx, deps.clock, actor, {
      action: 'auth.password_change',
      objectType: 'user',
      objectId: caller.id,
      areaCode: caller.areaCode,
    });
  });
}
