import { z } from 'zod';
import type { Locale } from './i18n/locale';

// Verification codes: a resident proves a phone number with a 6-digit code sent to it, and gets
// a short-lived proof the domains accept in place of a sign-in (comments on a notice, a job
// seeker's registration, a 代办 request, following an appeal).

/** What a code is asked for; a proof is good for its purpose only. Domains add theirs here. */
export const verificationPurposes = [
  'notice_comment',
  'job_seeker',
  'proxy_request',
  'appeal_tracking',
] as const;
export type VerificationPurpose = (typeof verificationPurposes)[number];

/** A mainland mobile number: codes go by SMS, so landlines cannot receive them. */
export const VerifiablePhone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/);

export const VerificationCode = z.string().regex(/^\d{6}$/);

/** A proof token as domains receive it in their bodies (checked by the server's `verifiedPhone`). */
export const PhoneProof = z.string().min(20).max(400);

export const VerificationSendBody = z.strictObject({
  phone: VerifiablePhone,
  purpose: z.enum(verificationPurposes),
});
export type VerificationSendBody = z.infer<typeof VerificationSendBody>;

export const VerificationSendResponse = z.object({
  /** When the code stops being accepted. */
  expiresAt: z.string(),
  /** How long before another code may be asked for this phone. */
  resendAfterSeconds: z.number().int(),
  /** The code itself, in development with the log driver only: the page shows it. */
  devCode: z.string().optional(),
});
export type VerificationSendResponse = z.infer<typeof VerificationSendResponse>;

export const VerificationVerifyBody = z.strictObject({
  phone: VerifiablePhone,
  purpose: z.enum(verificationPurposes),
  code: VerificationCode,
});
export type VerificationVerifyBody = z.infer<typeof VerificationVerifyBody>;

export const VerificationVerifyResponse = z.object({
  /** Sent back with the domain's request; good for its purpose and phone until `expiresAt`. */
  proof: z.string(),
  phoneMasked: z.string(),
  expiresAt: z.string(),
});
export type VerificationVerifyResponse = z.infer<typeof VerificationVerifyResponse>;

/** The text message carrying a code, in the resident's language. */
export function verificationMessage(code: string, ttlMinutes: number, locale: Locale): string {
  return locale === 'en'
    ? `[Lianxin] Your verification code is ${code}, valid for ${ttlMinutes} minutes. Do not share it.`
    : `【连心】您的验证码是 ${code}，${ttlMinutes} 分钟内有效。请勿告诉他人。`;
}
