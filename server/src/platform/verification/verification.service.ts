import { randomInt, timingSafeEqual } from 'node:crypto';
import {
  type Locale,
  maskPhone,
  type VerificationPurpose,
  type VerificationSendResponse,
  type VerificationVerifyResponse,
  verificationMessage,
} from '@lianxin/common';
import type { Config } from '../../config';
import type { Db } from '../../db/dialect';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { newId } from '../ids';
import { enqueueNotifications, sendsBySms } from '../notifications/notifications.service';
import type { Secrets } from '../secrets';
import { PROOF_TTL_MS, signProof } from './proof';
import {
  consumeCode,
  districtCode,
  insertCode,
  latestCode,
  recentSends,
  takeAttempt,
} from './verification.repository';
import {
  CODE_TTL_MS,
  HOUR_MS,
  KEEP_CODES_MS,
  MAX_ATTEMPTS,
  PER_IP_PER_HOUR,
  PER_PHONE_PER_DAY,
  RESEND_AFTER_MS,
  waitBeforeSend,
} from './verification.rules';

export interface VerificationDeps {
  clock: Clock;
  secrets: Secrets;
  config: Config;
}

/**
 * The code's hash: HMAC-SHA256 under the server's lookup key, over the row's id and the code.
 * Keyed rather than scrypt: a 6-digit code has a million values, so any unkeyed hash, however
 * slow, falls to a search of a stolen table; without the key (kept out of the database) the table
 * says nothing, and checking costs microseconds instead of a CPU-heavy scrypt per public request.
 * The id makes equal codes hash differently.
 */
function codeHash(secrets: Secrets, id: string, code: string): string {
  return secrets.lookupHash(`verification-code:${id}:${code}`);
}

/** A phone's or an address's lookup hash, as the public appeal pages key theirs. */
export const phoneHashOf = (secrets: Secrets, phone: string) => secrets.lookupHash(phone);
export const ipHashOf = (secrets: Secrets, ip: string) => secrets.lookupHash(`ip:${ip}`);

/** Seconds before another code may go to this phone from this address; 0 when one may now. */
export async function sendWait(
  db: Db,
  deps: Pick<VerificationDeps, 'clock'>,
  by: { phoneHash: string; ipHash: string },
): Promise<number> {
  const now = deps.clock.now().getTime();
  const sends = await recentSends(db, {
    phoneHash: by.phoneHash,
    phoneSince: new Date(now - KEEP_CODES_MS).toISOString(),
    phoneLimit: PER_PHONE_PER_DAY,
    ipHash: by.ipHash,
    ipSince: new Date(now - HOUR_MS).toISOString(),
    ipLimit: PER_IP_PER_HOUR,
  });
  const ms = (at: string) => new Date(at).getTime();
  return waitBeforeSend(now, sends.byPhone.map(ms), sends.byIp.map(ms));
}

/**
 * Makes a code for a phone and purpose and puts its text in the outbox, in the caller's
 * transaction; the new code supersedes any earlier one for that phone and purpose. Under the SMS
 * driver the text is stored encrypted with a masked copy for the console; under the log driver the
 * console's log shows it, and in development the answer carries it (`devCode`) for the page.
 */
export async function issueCode(
  trx: Db,
  deps: VerificationDeps,
  request: { phone: string; purpose: VerificationPurpose; ipHash: string; locale: Locale },
): Promise<VerificationSendResponse> {
  const { clock, secrets, config } = deps;
  const now = clock.now();
  const id = newId();
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
  await insertCode(trx, {
    id,
    phone_hash: phoneHashOf(secrets, request.phone),
    purpose: request.purpose,
    code_hash: codeHash(secrets, id, code),
    expires_at: expiresAt,
    attempts: 0,
    consumed_at: null,
    ip_hash: request.ipHash,
    created_at: now.toISOString(),
  });
  const sms = sendsBySms(config);
  const minutes = CODE_TTL_MS / 60_000;
  const text = verificationMessage(code, minutes, request.locale);
  await enqueueNotifications(trx, clock, [
    {
      kind: 'verification.code',
      areaCode: await districtCode(trx),
      recipient: maskPhone(request.phone),
      phoneEnc: secrets.encrypt(request.phone),
      message: sms ? verificationMessage('******', minutes, request.locale) : text,
      messageEnc: sms ? secrets.encrypt(text) : null,
    },
  ]);
  return {
    expiresAt,
    resendAfterSeconds: RESEND_AFTER_MS / 1000,
    // Only where nothing is really sent and nobody but the developer is on the page.
    ...(config.development && !sms ? { devCode: code } : {}),
  };
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks a code against the one in force for the phone and purpose; a right one is used up and
 * answered with a proof of the phone for 30 minutes. Wrong, expired, used and exhausted codes
 * answer their own error codes. No transaction: each step is one conditional update, and a wrong
 * attempt must stay counted when the request fails.
 */
export async function checkCode(
  db: Db,
  deps: Pick<VerificationDeps, 'clock' | 'secrets'>,
  request: { phone: string; purpose: VerificationPurpose; code: string },
): Promise<VerificationVerifyResponse> {
  const { clock, secrets } = deps;
  const row = await latestCode(db, phoneHashOf(secrets, request.phone), request.purpose);
  if (!row) throw new AppError('VERIFICATION_CODE_INVALID');
  const now = clock.now();
  if (row.consumed_at !== null || now.getTime() >= new Date(row.expires_at).getTime()) {
    throw new AppError('VERIFICATION_CODE_EXPIRED');
  }
  if (!(await takeAttempt(db, row.id, MAX_ATTEMPTS))) throw new AppError('VERIFICATION_TOO_MANY_ATTEMPTS');
  if (!sameHash(codeHash(secrets, row.id, request.code), row.code_hash)) {
    throw new AppError(
      row.attempts + 1 >= MAX_ATTEMPTS ? 'VERIFICATION_TOO_MANY_ATTEMPTS' : 'VERIFICATION_CODE_INVALID',
    );
  }
  if (!(await consumeCode(db, row.id, now.toISOString()))) throw new AppError('VERIFICATION_CODE_EXPIRED');
  const expiresAt = new Date(now.getTime() + PROOF_TTL_MS);
  return {
    proof: signProof(secrets, { phone: request.phone, purpose: request.purpose, expiresAt }),
    phoneMasked: maskPhone(request.phone),
    expiresAt: expiresAt.toISOString(),
  };
}
