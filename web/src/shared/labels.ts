import type { AreaKind, Permission, Rank, Role } from '@lianxin/common';
import type { Translate } from '../i18n/i18n';

export function roleLabel(t: Translate, role: Role): string {
  return t(`role.${role}`);
}

export function rankLabel(t: Translate, rank: Rank): string {
  return t(`rank.${rank}`);
}

export function areaKindLabel(t: Translate, kind: AreaKind): string {
  return t(`areaKind.${kind}`);
}

export function permissionLabel(t: Translate, permission: Permission): string {
  return t(`permission.${permission}`);
}
