import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import {
  isValidAreaCode,
  type SetupAdmin,
  type SetupCompleteBody,
  type SetupCompleteResponse,
  type SetupDistrict,
  type SetupStatusResponse,
} from '@lianxin/common';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { Db } from '../../db/dialect';
import type { DB } from '../../db/schema';
import { createUser } from '../../modules/users';
import { type Actor, recordAudit } from '../audit/audit.service';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { newId, newSecret, sha256 } from '../ids';
import { withTransaction } from '../request-context';
import { scopeOf } from '../scope';
import {
  countAccounts,
  findDistrict,
  insertDistrict,
  insertSetupFailure,
  markSetupTokenUsed,
  readSetupToken,
  recentSetupFailures,
  writeSetupToken,
} from './setup.repository';

export interface SetupDeps {
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
}

// The token is 32 random bytes: the limit guards the database, not the secret.
const MAX_FAILURES_PER_IP = 10;

function hashOf(token: string): string {
  return sha256(`setup-token:${token}`);
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * On a start with no account: a new one-time set-up token, its hash stored for every instance
 * (the one printed before stops working). Null when an account exists.
 */
export async function issueSetupToken(db: Kysely<DB>, clock: Clock): Promise<string | null> {
  if ((await countAccounts(db)) > 0) return null;
  const token = newSecret();
  await writeSetupToken(db, { hash: hashOf(token), createdAt: clock.now().toISOString(), usedAt: null });
  return token;
}

async function validToken(db: Db, token: string): Promise<string | null> {
  const found = await readSetupToken(db);
  if (!found || found.token.usedAt !== null || !sameHash(found.token.hash, hashOf(token))) return null;
  return found.stored;
}

/** No account exists yet: the server waits for its first administrator. */
export async function isSetupNeeded(db: Db): Promise<boolean> {
  return (await countAccounts(db)) === 0;
}

/** The district area that exists already (created at set-up or imported with an area tree). */
export async function existingDistrict(db: Db): Promise<{ code: string; name: string } | null> {
  return (await findDistrict(db)) ?? null;
}

/**
 * Whether set-up is needed; the existing district only to the holder of the token. A wrong token
 * counts as a failure of the address, as at the set-up itself, so this is no way round the limit.
 */
export async function setupStatus(
  deps: SetupDeps,
  token: string | undefined,
  ip: string,
): Promise<SetupStatusResponse> {
  const needed = await isSetupNeeded(deps.db);
  if (!needed || token === undefined) return { needed, district: null };
  await assertNotThrottled(deps, ip);
  if ((await validToken(deps.db, token)) === null) {
    await insertSetupFailure(deps.db, { id: newId(), ip, at: deps.clock.now().toISOString() });
    return { needed, district: null };
  }
  return { needed, district: await existingDistrict(deps.db) };
}

/** Where the master key for personal data at rest is (see platform/secrets.ts). */
export function secretKeyLocation(config: Config): SetupCompleteResponse['secretKey'] {
  return config.secretKey
    ? { source: 'environment', file: null }
    : { source: 'file', file: path.join(config.dataDir, 'secret.key') };
}

/**
 * Creates the district area (unless one exists, e.g. from an imported area tree) and the first
 * district administrator. Refuses once any account exists. Runs in the caller's transaction.
 */
export async function createFirstAdmin(
  trx: Db,
  deps: { clock: Clock; config: Config },
  actor: Actor,
  input: { district?: SetupDistrict; admin: SetupAdmin },
): Promise<SetupCompleteResponse> {
  if ((await countAccounts(trx)) > 0) throw new AppError('SETUP_NOT_NEEDED');
  let district = await findDistrict(trx);
  if (!district) {
    if (!input.district) throw new AppError('SETUP_DISTRICT_REQUIRED');
    if (!isValidAreaCode(input.district.code, 'district', null)) {
      throw new AppError('AREA_CODE_INVALID', { code: input.district.code });
    }
    district = { code: input.district.code, name: input.district.name.trim() };
    await insertDistrict(trx, district, deps.clock.now().toISOString());
    await recordAudit(trx, deps.clock, actor, {
      action: 'area.create',
      objectType: 'area',
      objectId: district.code,
      areaCode: district.code,
      after: { ...district, kind: 'district', source: 'setup' },
    });
  }
  // The first account is granted as the district administrator would grant it.
  const caller = {
    id: 'setup',
    username: 'setup',
    name: 'setup',
    role: 'district_admin' as const,
    areaCode: district.code,
    areaKind: 'district' as const,
    unitId: null,
    locale: null,
  };
  const user = await createUser(
    trx,
    { clock: deps.clock, actor, caller, scope: scopeOf({ code: district.code, kind: 'district' }) },
    {
      username: input.admin.username,
      password: input.admin.password,
      name: input.admin.name,
      role: 'district_admin',
      areaCode: district.code,
      unitId: null,
      phone: null,
      rank: null,
    },
  );
  return { username: user.username, district, secretKey: secretKeyLocation(deps.config) };
}

async function assertNotThrottled(deps: SetupDeps, ip: string): Promise<void> {
  const { perIp, minutes } = deps.config.loginThrottle;
  const now = deps.clock.now().getTime();
  const since = new Date(now - minutes * 60_000).toISOString();
  const { count, oldest } = await recentSetupFailures(deps.db, ip, since);
  if (count >= Math.min(perIp, MAX_FAILURES_PER_IP) && oldest) {
    const waitMs = new Date(oldest).getTime() + minutes * 60_000 - now;
    throw new AppError('SETUP_THROTTLED', { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) });
  }
}

/**
 * `POST /public/setup`: with the printed token, the district and its first administrator in one
 * transaction; the token is then used up. A wrong or used token counts as a failure of the address.
 */
export async function completeSetup(
  deps: SetupDeps,
  body: SetupCompleteBody,
  ip: string,
): Promise<SetupCompleteResponse> {
  await assertNotThrottled(deps, ip);
  if ((await countAccounts(deps.db)) > 0) throw new AppError('SETUP_NOT_NEEDED');
  try {
    return await withTransaction(deps, async (trx) => {
      const stored = await validToken(trx, body.token);
      if (stored === null) throw new AppError('SETUP_TOKEN_INVALID');
      if (!(await markSetupTokenUsed(trx, stored, deps.clock.now().toISOString()))) {
        throw new AppError('SETUP_TOKEN_INVALID');
      }
      return createFirstAdmin(trx, deps, { id: null, name: 'setup', ip }, body);
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'SETUP_TOKEN_INVALID') {
      await insertSetupFailure(deps.db, { id: newId(), ip, at: deps.clock.now().toISOString() });
    }
    throw err;
  }
}
