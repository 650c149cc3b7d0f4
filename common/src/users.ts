import { z } from 'zod';
import { AreaSummary } from './areas';
import { locales } from './i18n/locale';
import { quickPasswordProblem } from './password-policy';
import { type Permission, permissions, ranks, roles } from './roles';
import { unitKinds } from './units';
import { RecordVersion } from './versions';

const username = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/);
const password = z.string().min(1).max(200);
const phone = z.string().regex(/^1\d{10}$/);
const personName = z.string().trim().min(1).max(40);
const areaCode = z.string().regex(/^\d{12}(\d{3})?$/);

export const User = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: z.enum(roles),
  areaCode: z.string(),
  area: AreaSummary,
  /** The handling unit the account works for (a department's staff, a station's agents). */
  unit: z.object({ id: z.string(), name: z.string(), kind: z.enum(unitKinds) }).nullable(),
  rank: z.enum(ranks).nullable(),
  locale: z.enum(locales).nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

export const Me = User.extend({
  areaPath: z.array(AreaSummary),
  permissions: z.array(z.enum(permissions)),
});
export type Me = z.infer<typeof Me>;

export const AuthLoginBody = z.strictObject({ username: z.string().trim().min(1).max(40), password });
export type AuthLoginBody = z.infer<typeof AuthLoginBody>;

export const AuthSession = z.object({ user: Me, csrfToken: z.string() });
export type AuthSession = z.infer<typeof AuthSession>;

export const AuthMeUpdateBody = z.strictObject({ locale: z.enum(locales).nullable() });
export type AuthMeUpdateBody = z.infer<typeof AuthMeUpdateBody>;

export const AuthPasswordBody = z.strictObject({ currentPassword: password, newPassword: password });
export type AuthPasswordBody = z.infer<typeof AuthPasswordBody>;

/**
 * What a personal API token may do, within its owner's permissions: `read` — the routes that only
 * read (GET), except revealing ID numbers and exporting, which must be listed; `permissions` — the
 * routes of the listed permissions only. A token never creates tokens or changes credentials.
 */
export const TokenScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('read') }),
  z.strictObject({
    kind: z.literal('permissions'),
    permissions: z.array(z.enum(permissions)).min(1).max(permissions.length),
  }),
]);
export type TokenScope = z.infer<typeof TokenScope>;

/** Reads a read-only token may not make unless it lists them: they let personal data out. */
export const tokenSensitiveReads: readonly Permission[] = ['idnumber.reveal', 'households.export'];

/** Whether a token of `scope` may call a route needing `permission` with `method`. */
export function tokenScopeAllows(
  scope: TokenScope,
  permission: Permission | 'authenticated',
  method: string,
): boolean {
  const reads = method === 'GET' || method === 'HEAD';
  if (permission === 'authenticated') return reads;
  if (scope.kind === 'read') return reads && !tokenSensitiveReads.includes(permission);
  return scope.permissions.includes(permission);
}

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  scope: TokenScope,
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const TOKEN_MAX_DAYS_LIMIT = 3650;

export const TokensCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(60),
  /** At most the install's API_TOKEN_MAX_DAYS (365 unless set). */
  expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS_LIMIT).default(365),
  scope: TokenScope.default({ kind: 'read' }),
});
export type TokensCreateBody = z.infer<typeof TokensCreateBody>;

/** A new token: the only answer that shows its secret. */
export const TokensCreateResponse = ApiToken.extend({ token: z.string() });
export type TokensCreateResponse = z.infer<typeof TokensCreateResponse>;

export const TokensListResponse = z.object({ items: z.array(ApiToken) });

export const TokensRevokeParams = z.strictObject({ id: z.uuid() });

export const UsersListQuery = z.strictObject({
  areaCode: areaCode.optional(),
  role: z.enum(roles).optional(),
  q: z.string().trim().max(40).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type UsersListQuery = z.infer<typeof UsersListQuery>;

export const UserIdParams = z.strictObject({ id: z.uuid() });

export const UsersCreateBody = z.strictObject({
  username,
  name: personName,
  phone: phone.nullable().default(null),
  role: z.enum(roles),
  areaCode,
  /** Required for a unit's roles (department, station, CPPCC office); the area is then the unit's. */
  unitId: z.string().uuid().nullable().default(null),
  rank: z.enum(ranks).nullable().default(null),
  password,
});
export type UsersCreateBody = z.infer<typeof UsersCreateBody>;

export const UsersUpdateBody = z.strictObject({
  name: personName.optional(),
  phone: phone.nullable().optional(),
  role: z.enum(roles).optional(),
  areaCode: areaCode.optional(),
  unitId: z.string().uuid().nullable().optional(),
  rank: z.enum(ranks).nullable().optional(),
  version: RecordVersion,
});
export type UsersUpdateBody = z.infer<typeof UsersUpdateBody>;

export const UsersResetPasswordBody = z.strictObject({ password });
export type UsersResetPasswordBody = z.infer<typeof UsersResetPasswordBody>;

/**
 * The password rule's quick half only (no dictionary): for a synchronous pre-check. The rule itself is
 * `passwordProblem` (password-policy.ts), which every place that sets a password awaits.
 */
export function isStrongPassword(candidate: string, forUsername: string): boolean {
  return quickPasswordProblem(candidate, { username: forUsername }) === null;
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const UsersListResponse = pageOf(User);
export type UsersListResponse = z.infer<typeof UsersListResponse>;

/**
 * The district's console security settings. `watermark`: the console's pages carry the signed-in
 * user's name and the time, faint, over the content and on paper, so a photographed or printed
 * screen names its source (as Chinese government back offices do); on unless the district turns it off.
 */
export const SecuritySettings = z.strictObject({ watermark: z.boolean() });
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const defaultSecuritySettings: SecuritySettings = { watermark: true };
