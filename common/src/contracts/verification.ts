import { defineContract } from '../contract';
import {
  VerificationSendBody,
  VerificationSendResponse,
  VerificationVerifyBody,
  VerificationVerifyResponse,
} from '../verification';

/** `/public/verification-codes`: a resident proves a phone number (no login). */
export const verificationCodesApi = {
  send: defineContract({
    method: 'POST',
    path: '/public/verification-codes',
    tag: 'verification',
    summary: 'Text a 6-digit code to a phone, for one purpose; limited per phone and per address',
    body: VerificationSendBody,
    response: VerificationSendResponse,
    status: 202,
  }),
  verify: defineContract({
    method: 'POST',
    path: '/public/verification-codes/verify',
    tag: 'verification',
    summary: 'Check a code; the answer carries a 30-minute proof of the phone for that purpose',
    body: VerificationVerifyBody,
    response: VerificationVerifyResponse,
  }),
};
