/**
 * The stable error codes of the API. A client may switch on them; they never change meaning.
 * Adding a code here does not compile until it has an HTTP status (error-statuses.ts) and a message in
 * every language (error-messages.ts).
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'AUTH_REQUIRED',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_THROTTLED',
  'SESSION_EXPIRED',
  'ACCOUNT_DISABLED',
  'TOKEN_INVALID',
  'CSRF_INVALID',
  'FORBIDDEN',
  'VERSION_CONFLICT',
  'AREA_UNKNOWN',
  'AREA_CODE_TAKEN',
  'AREA_CODE_INVALID',
  'AREA_PARENT_INVALID',
  'USERNAME_TAKEN',
  'PASSWORD_WEAK',
  'PASSWORD_WRONG',
  'ROLE_AREA_MISMATCH',
  'ROLE_UNIT_MISMATCH',
  'UNIT_UNKNOWN',
  'UNIT_AREA_MISMATCH',
  'UNIT_NAME_TAKEN',
  'ROLE_NOT_ASSIGNABLE',
  'SELF_LOCKOUT',
  'AREA_LEVEL_INVALID',
  'HOUSEHOLD_NUMBER_TAKEN',
  'ID_NUMBER_TAKEN',
  'TAG_UNKNOWN',
  'TAG_CODE_TAKEN',
  'HOUSEHOLD_HEAD_INVALID',
  'RESIDENT_NOT_IN_HOUSEHOLD',
  'OVERRIDE_PENDING',
  'OVERRIDE_STATE_INVALID',
  'OVERRIDE_OWN_PROPOSAL',
  'RULES_EFFECTIVE_DATE_INVALID',
  'IMPORT_STATE_INVALID',
  'APPEAL_CATEGORY_UNKNOWN',
  'APPEAL_CATEGORY_CODE_TAKEN',
  'APPEAL_STATE_INVALID',
  'APPEAL_NOT_HELD',
  'APPEAL_LEVEL_TOP',
  'APPEAL_LEVEL_BOTTOM',
  'APPEAL_HANDLER_INVALID',
  'APPEAL_DEFERRAL_DATE_INVALID',
  'APPEAL_MERGE_INVALID',
  'APPEAL_CALLBACK_BY_HANDLER',
  'APPEAL_TRACKING_FAILED',
  'APPEAL_ALREADY_RATED',
  'PUBLIC_SUBMISSION_REFUSED',
  'MEDIATION_EXISTS',
  'MEDIATION_STATE_INVALID',
  'ATTACHMENT_TYPE_INVALID',
  'ATTACHMENT_LIMIT',
  'NOTICE_STATE_INVALID',
  'NOTICE_NOT_OPEN',
  'NOTICE_COMMENTS_CLOSED',
  'NOTICE_NAME_REQUIRED',
  'NOTICE_PERIOD_RUNNING',
  'NOTICE_OBJECTIONS_PENDING',
  'NOTICE_OUTCOME_INVALID',
  'NOTICE_COMMENT_HANDLED',
  'NOTICE_ATTACHMENT_LIMIT',
  'QUOTA_EXCEEDED',
  'PAIRING_OUTSIDE_AREA',
  'PAIRING_EXISTS',
  'PAIRING_STATE_INVALID',
  'VISIT_DATE_INVALID',
  'RATING_LINK_INVALID',
  'ASSESSMENT_WEIGHTS_INVALID',
  'ASSESSMENT_INDICATOR_UNKNOWN',
  'ASSESSMENT_FINALIZED',
  'ASSESSMENT_NOT_COMPUTED',
  'IDEMPOTENCY_KEY_REUSED',
  'WEBHOOK_URL_NOT_ALLOWED',
  'INTEGRATION_NAME_TAKEN',
  'VERIFICATION_CODE_INVALID',
  'VERIFICATION_CODE_EXPIRED',
  'VERIFICATION_TOO_MANY_ATTEMPTS',
  'VERIFICATION_RATE_LIMITED',
  'PHONE_PROOF_INVALID',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ErrorParams = Record<string, string | number>;

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: { path: string; message: string }[];
  };
}

export function interpolate(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
