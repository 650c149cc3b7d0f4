import { timingSafeEqual } from 'node:crypto';
import { VerifiablePhone, type VerificationPurpose, verificationPurposes } from '@lianxin/common';
import { z } from 'zod';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Secrets } from '../secrets';

/** A proof is good for 30 minutes: long enough to write a comment or fill a form, and use it again. */
export const PROOF_TTL_MS = 30 * 60_000;

// What a proof carries, signed: the phone, the purpose, and when it stops being good.
const Payload = z.tuple([z.literal(1), VerifiablePhone, z.enum(verificationPurposes), z.number().int()]);

/** The signature over a proof's payload: HMAC-SHA256 under the server's lookup key, separated by a label. */
function signature(secrets: Secrets, payload: string): string {
  return secrets.lookupHash(`phone-proof:${payload}`);
}

/**
 * Makes a proof that `phone` was verified for `purpose`, good until `expiresAt`:
 * `<base64url payload>.<HMAC hex>`. Stateless, so several app instances accept each other's.
 */
export function signProof(
  secrets: Secrets,
  proof: { phone: string; purpose: VerificationPurpose; expiresAt: Date },
): string {
  const payload = Buffer.from(
    JSON.stringify([1, proof.phone, proof.purpose, proof.expiresAt.getTime()]),
  ).toString('base64url');
  return `${payload}.${signature(secrets, payload)}`;
}

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function payloadOf(raw: string): z.infer<typeof Payload> | null {
  try {
    const parsed = Payload.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The phone a resident proved for `purpose`, in clear, from the proof the verify endpoint gave
 * them; throws PHONE_PROOF_INVALID (400) when the proof is forged, altered, for another purpose or
 * expired. A proof may be used any number of times until it expires (two comments, one proof).
 */
export function verifiedPhone(
  ctx: { secrets: Secrets; clock: Clock },
  proof: string,
  purpose: VerificationPurpose,
): string {
  const [raw, given, ...rest] = proof.split('.');
  if (!raw || !given || rest.length > 0) throw new AppError('PHONE_PROOF_INVALID');
  if (!sameSignature(given, signature(ctx.secrets, raw))) throw new AppError('PHONE_PROOF_INVALID');
  const payload = payloadOf(raw);
  if (!payload) throw new AppError('PHONE_PROOF_INVALID');
  const [, phone, provedFor, expiresAt] = payload;
  if (provedFor !== purpose || ctx.clock.now().getTime() >= expiresAt) {
    throw new AppError('PHONE_PROOF_INVALID');
  }
  return phone;
}
