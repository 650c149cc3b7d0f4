import type { VerificationPurpose } from '@lianxin/common';
import type { Timestamp } from './columns';

// Verification codes proving residents' phones (platform/verification); nothing in clear.

export interface VerificationCodesTable {
  id: string;
  /** secrets.lookupHash of the phone. */
  phone_hash: string;
  purpose: VerificationPurpose;
  /** HMAC of the code under a server key, bound to the row's id. */
  code_hash: string;
  expires_at: Timestamp;
  /** Checks made against this code, right or wrong. */
  attempts: number;
  consumed_at: Timestamp | null;
  /** secrets.lookupHash of the sender's address. */
  ip_hash: string;
  created_at: Timestamp;
}
