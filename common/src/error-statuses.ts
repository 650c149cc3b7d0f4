import { assertNever, type ErrorCode } from './errors';

/** The HTTP status of each error code: the switch is exhaustive, a new code does not compile without one. */
export function errorStatus(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_JSON':
    case 'AREA_UNKNOWN':
    case 'AREA_CODE_INVALID':
    case 'AREA_PARENT_INVALID':
    case 'PASSWORD_WEAK':
    case 'PASSWORD_WRONG':
    case 'ROLE_AREA_MISMATCH':
    case 'SELF_LOCKOUT':
    case 'AREA_LEVEL_INVALID':
    case 'TAG_UNKNOWN':
    case 'HOUSEHOLD_HEAD_INVALID':
    case 'RESIDENT_NOT_IN_HOUSEHOLD':
    case 'RULES_EFFECTIVE_DATE_INVALID':
    case 'ASSESSMENT_WEIGHTS_INVALID':
    case 'ASSESSMENT_INDICATOR_UNKNOWN':
    case 'VISIT_DATE_INVALID':
    case 'APPEAL_CATEGORY_UNKNOWN':
    case 'APPEAL_HANDLER_INVALID':
    case 'APPEAL_DEFERRAL_DATE_INVALID':
    case 'PUBLIC_SUBMISSION_REFUSED':
      return 400;
    case 'AUTH_REQUIRED':
    case 'AUTH_INVALID_CREDENTIALS':
    case 'SESSION_EXPIRED':
    case 'TOKEN_INVALID':
      return 401;
    case 'ACCOUNT_DISABLED':
    case 'CSRF_INVALID':
    case 'FORBIDDEN':
    case 'ROLE_NOT_ASSIGNABLE':
    case 'OVERRIDE_OWN_PROPOSAL':
    case 'PAIRING_OUTSIDE_AREA':
    case 'APPEAL_NOT_HELD':
    case 'APPEAL_CALLBACK_BY_HANDLER':
      return 403;
    case 'NOT_FOUND':
    case 'ROUTE_NOT_FOUND':
    case 'RATING_LINK_INVALID':
    case 'APPEAL_TRACKING_FAILED':
      return 404;
    case 'VERSION_CONFLICT':
    case 'AREA_CODE_TAKEN':
    case 'USERNAME_TAKEN':
    case 'HOUSEHOLD_NUMBER_TAKEN':
    case 'ID_NUMBER_TAKEN':
    case 'TAG_CODE_TAKEN':
    case 'OVERRIDE_PENDING':
    case 'OVERRIDE_STATE_INVALID':
    case 'IMPORT_STATE_INVALID':
    case 'ASSESSMENT_FINALIZED':
    case 'ASSESSMENT_NOT_COMPUTED':
    case 'QUOTA_EXCEEDED':
    case 'PAIRING_EXISTS':
    case 'PAIRING_STATE_INVALID':
    case 'ATTACHMENT_LIMIT':
    case 'APPEAL_CATEGORY_CODE_TAKEN':
    case 'APPEAL_STATE_INVALID':
    case 'APPEAL_LEVEL_TOP':
    case 'APPEAL_LEVEL_BOTTOM':
    case 'APPEAL_MERGE_INVALID':
    case 'APPEAL_ALREADY_RATED':
    case 'MEDIATION_EXISTS':
    case 'MEDIATION_STATE_INVALID':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'ATTACHMENT_TYPE_INVALID':
      return 415;
    case 'IDEMPOTENCY_KEY_REUSED':
      return 422;
    case 'AUTH_THROTTLED':
    case 'RATE_LIMITED':
      return 429;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
    default:
      return assertNever(code);
  }
}
