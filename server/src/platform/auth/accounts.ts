import {
  type Locale,
  lineageCodes,
  type Me,
  type Rank,
  type Role,
  rolePermissions,
  type User,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { notFound } from '../errors';
import { type AccountRow, findAccount, findLineage } from './auth.repository';

/** Usernames are compared trimmed and in lower case, at sign-in as when an account is made. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function toUser(row: AccountRow): User {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    phone: row.phone,
    role: row.role as Role,
    areaCode: row.area_code,
    area: { code: row.area_code, name: row.area_name, kind: row.area_kind },
    unit:
      row.unit_id && row.unit_name && row.unit_kind
        ? { id: row.unit_id, name: row.unit_name, kind: row.unit_kind }
        : null,
    rank: row.rank as Rank | null,
    locale: row.locale as Locale | null,
    disabled: row.disabled_at !== null,
    lastLoginAt: row.last_login_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The caller's own account, with the path of its area and what its role may do. */
export async function loadMe(db: Db, callerId: string): Promise<Me> {
  const row = await findAccount(db, callerId);
  if (!row) throw notFound();
  const user = toUser(row);
  const lineage = await findLineage(db, lineageCodes(user.areaCode, user.area.kind));
  return {
    ...user,
    areaPath: lineage
      .sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code))
      .map((r) => ({ code: r.code, name: r.name, kind: r.kind })),
    permissions: [...rolePermissions[user.role]],
  };
}
