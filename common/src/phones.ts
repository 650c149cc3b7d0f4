import { z } from 'zod';

/**
 * Phone numbers are shown masked (138****9469) in every list, page and answer of the console. The
 * full number comes from one reveal per record, audited each time; a tap-to-call is such a reveal
 * (`purpose: 'call'`). Exports follow the role's rights (full only to roles that see ID numbers).
 */
export const phoneRevealPurposes = ['view', 'call'] as const;
export type PhoneRevealPurpose = (typeof phoneRevealPurposes)[number];

export const PhoneRevealBody = z.strictObject({
  /** Why the number is shown: to read it, or to dial it (a tap-to-call). */
  purpose: z.enum(phoneRevealPurposes).default('view'),
});
export type PhoneRevealBody = z.infer<typeof PhoneRevealBody>;

export const PhoneRevealResponse = z.object({ phone: z.string().nullable() });
export type PhoneRevealResponse = z.infer<typeof PhoneRevealResponse>;

/** Whether a phone as an answer shows it is masked (so a form sends it back only when changed). */
export function isMaskedPhone(phone: string | null | undefined): boolean {
  return typeof phone === 'string' && phone.includes('*');
}
