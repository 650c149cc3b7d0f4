import { timingSafeEqual } from 'node:crypto';
import { type AuthLoginBody, isStrongPassword } from '@lianxin/common';
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
  clearFailures,
  deleteSession,
  deleteUserSessions,
  findCallerByUsername,
  findSession,
  findToken,
  insertFailure,
  insertSession,
  markLogin,
  recentFailures,
  touchSession,
  touchToken,
  updatePasswordHash,
} from './auth.repository';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwords';

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

async function assertNotThrottled(deps: AuthDeps, username: string, ip: string): Promise<void> {
  const { perAccount, perIp, minutes } = deps.config.loginThrottle;
  const now = deps.clock.now().getTime();
  const since = new Date(now - minutes * 60_000).toISOString();
  for (const [column, value, max] of [
    ['username', username, perAccount],
    ['ip', ip, perIp],
  ] as const) {
    const { count, oldest } = await recentFailures(deps.db, column, value, since);
    if (count >= max && oldest) {
      const waitMs = new Date(oldest).getTime() + minutes * 60_000 - now;
      throw new AppError('AUTH_THROTTLED', { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
    }
  }
}

/**
 * Checks a username and password and opens a new session (never reuses an old id).
 * Failures are counted per account and per IP; past the limit the login is refused for a while.
 */
export async function login(
  deps: AuthDeps,
  body: AuthLoginBody,
  client: { ip: string; userAgent: string | null; previousToken: string | null },
): Promise<NewSession> {
  const { db, clock, config } = deps;
  const username = normalizeUsername(body.username).slice(0, 40);
  await assertNotThrottled(deps, username, client.ip);
  const found = await findCallerByUsername(db, username);
  const ok = found
    ? await verifyPassword(found.passwordHash, body.password)
    : await verifyAgainstNothing(body.password);
  const now = clock.now();
  const stamp = now.toISOString();
  // An integration's system account never signs in, whatever is stored as its password.
  if (!found || !ok || found.role === 'integration') {
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
    await clearFailures(trx, username);
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

export async function resolveApiToken(deps: AuthDeps, token: string): Promise<{ caller: Caller } | null> {
  const found = await findToken(deps.db, tokenHashOf(token));
  const now = deps.clock.now();
  if (!found || found.revokedAt || found.caller.disabledAt) return null;
  if (found.expiresAt && found.expiresAt <= now.toISOString()) return null;
  if (!found.lastUsedAt || now.getTime() - new Date(found.lastUsedAt).getTime() > 60_000) {
    await touchToken(deps.db, found.tokenId, now.toISOString());
  }
  return { caller: toCaller(found.caller) };
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

/** Changes the caller's own password; every other session of the account ends. */
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
  if (!isStrongPassword(newPassword, caller.username)) throw new AppError('PASSWORD_WEAK');
  const passwordHash = await hashPassword(newPassword);
  await withTransaction(deps, async (trx) => {
    await updatePasswordHash(trx, caller.id, passwordHash, deps.clock.now().toISOString());
    // Keep the session the change was made from; every other one ends.
    await deleteUserSessions(trx, caller.id, currentSessionId);
    await recordAudit(trx, deps.clock, actor, {
      action: 'auth.password_change',
      objectType: 'user',
      objectId: caller.id,
      areaCode: caller.areaCode,
    });
  });
}
