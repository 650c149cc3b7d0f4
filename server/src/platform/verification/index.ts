// Verification codes: a resident proves a phone number with a 6-digit code (see docs/verification.md).
// Domains take a proof in their public bodies (`PhoneProof` from common) and call `verifiedPhone`.
export { PROOF_TTL_MS, verifiedPhone } from './proof';
export { verificationRoutes } from './verification.routes';
