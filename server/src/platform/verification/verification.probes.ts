import { latestVerificationMessage, nextSerial, type RouteCase } from '../../../test/probes';

/** A phone no other probe has used, so the per-phone limits never refuse a probe's own send. */
const freshPhone = () => `139${String(nextSerial()).padStart(8, '0')}`;

/**
 * How to call each route of verification codes (see server/test/probes.ts). Public and not
 * area-scoped: the fuzz reads these; the access matrix only checks that they are public.
 */
export const verificationProbes: Record<string, RouteCase> = {
  'POST /api/v1/public/verification-codes': async () => ({
    url: '/api/v1/public/verification-codes',
    body: { phone: freshPhone(), purpose: 'notice_comment' },
    noTargetArea: true,
  }),
  // A code sent (from an address of its own, clear of the per-address limit) and checked with its
  // real digits, read from the outbox as the log driver keeps it: the probe reaches the proof.
  'POST /api/v1/public/verification-codes/verify': async (t) => {
    const phone = freshPhone();
    const serial = nextSerial();
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/verification-codes',
      payload: { phone, purpose: 'job_seeker' },
      remoteAddress: `10.77.${Math.floor(serial / 250) % 250}.${serial % 250}`,
    });
    const message = await latestVerificationMessage(t);
    const code = sent.statusCode === 202 ? (message?.match(/\d{6}/)?.[0] ?? '000000') : '000000';
    return {
      url: '/api/v1/public/verification-codes/verify',
      body: { phone, purpose: 'job_seeker', code },
      noTargetArea: true,
    };
  },
};
