import { z } from 'zod';
import { AreaSummary } from './areas';
import { locales } from './i18n/locale';
import { permissions, ranks, roles } from './roles';
import { unitKinds } from './units';
import { RecordVersion } from './versions';

export const PASSWORD_MIN_LENGTH = 10;

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

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const TokensCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(60),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(365),
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

/** The password rule: at least 10 characters and not the username (case and spaces ignored). */
export function isStrongPassword(candidate: string, forUsername: string): boolean {
  const normalize = (s: string) => s.trim().toLowerCase();
  return [...candidate].length >= PASSWORD_MIN_LENGTH && normalize(candidate) !== normalize(forUsername);
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const UsersListResponse = pageOf(User);
export type UsersListResponse = z.infer<typeof UsersListResponse>;
