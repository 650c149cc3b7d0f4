import { ApiError } from '../api/client';
import type { Translate } from '../i18n/i18n';

export type PublicAction = 'submit' | 'track' | 'rate';

/** Whether the request may have reached the server: then a retry must reuse the same client id. */
export function mayHaveArrived(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.status >= 500);
}

/**
 * What to tell a resident when a public call fails. The server's messages are right for most
 * codes; a few get words that also say what to do next on this page.
 */
export function publicErrorText(error: unknown, action: PublicAction, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  switch (error.code) {
    case 'NETWORK_ERROR':
      return action === 'submit' ? t('public.submit.networkRetry') : error.message;
    case 'RATE_LIMITED':
      return action === 'submit' ? t('public.submit.rateLimited') : t('public.track.rateLimited');
    // Deliberately one answer for a wrong code and a wrong phone: nobody learns which codes exist.
    case 'APPEAL_TRACKING_FAILED':
      return t('public.track.notFound');
    default:
      // VALIDATION_FAILED, APPEAL_ALREADY_RATED, PUBLIC_SUBMISSION_REFUSED and the rest come
      // already worded in the page's language (the client sends Accept-Language).
      return error.message;
  }
}
