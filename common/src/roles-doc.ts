import { usersEn } from './i18n/users.en';
import { usersZhCN } from './i18n/users.zh-CN';
import {
  grantableRoles,
  type Permission,
  permissions,
  type Reach,
  type Role,
  roleAreaKinds,
  rolePermissions,
  roleReach,
  roles,
} from './roles';
import { roleUnitKinds } from './units';

/** What a permission lets its holder do, for the roles page: read, write, approve or reveal. */
export const permissionKinds: Record<Permission, 'read' | 'write' | 'approve' | 'reveal'> = {
  'areas.read': 'read',
  'areas.manage': 'write',
  'users.read': 'read',
  'users.manage': 'write',
  'audit.read': 'read',
  'households.read': 'read',
  'households.manage': 'write',
  'idnumber.reveal': 'reveal',
  'households.export': 'reveal',
  'tiers.approve': 'approve',
  'tiers.rules': 'write',
  'appeals.read': 'read',
  'appeals.create': 'write',
  'appeals.handle': 'write',
  'appeals.assign': 'approve',
  'appeals.configure': 'write',
  'appeals.dispatch': 'approve',
  'dispatch.work': 'write',
  'assistance.read': 'read',
  'assistance.visit': 'write',
  'assistance.pair': 'write',
  'assistance.configure': 'write',
  'dashboard.read': 'read',
  'assessment.read': 'read',
  'assessment.manage': 'approve',
  'calendar.manage': 'write',
  'units.read': 'read',
  'units.manage': 'write',
  'notices.read': 'read',
  'notices.manage': 'write',
  'democracy.read': 'read',
  'democracy.manage': 'write',
  'democracy.configure': 'write',
  'integrations.manage': 'write',
  'health.read': 'reveal',
  'warnings.read': 'read',
  'warnings.handle': 'write',
  'warnings.configure': 'write',
  'disclosures.configure': 'write',
  'topics.manage': 'write',
  'services.read': 'read',
  'services.manage': 'write',
  'services.proxy': 'write',
  'services.supervise': 'write',
  'services.follow_up': 'write',
  'services.configure': 'write',
};

const REACH: Record<Reach, string> = {
  area: 'area subtree',
  unit: 'handling unit',
  station: 'service station and own assignments',
  office: 'office',
  own: 'own records',
};

const list = (items: readonly string[]) =>
  items.length === 0 ? '—' : items.map((i) => `\`${i}\``).join(', ');

function roleRow(role: Role): string {
  const granted = rolePermissions[role];
  const of = (kind: (typeof permissionKinds)[Permission]) =>
    granted.filter((p) => permissionKinds[p] === kind);
  const bound = [...roleAreaKinds[role], ...(roleUnitKinds[role] ?? []).map((k) => `unit: ${k}`)];
  return `| \`${role}\` | ${usersZhCN[`role.${role}`]} | ${REACH[roleReach[role]]} | ${bound.join(', ')} | ${list(
    of('read'),
  )} | ${list(of('write'))} | ${list(of('approve'))} | ${list(of('reveal'))} | ${list(grantableRoles[role])} |`;
}

/**
 * `docs/roles.md`, made from the one permission table (`roles.ts`): every role, its kind of reach,
 * where it may be bound, and what it may read, write, approve and reveal. `npm run docs:roles`
 * writes it; a test keeps the file equal to the table.
 */
export function rolesDocument(): string {
  const lines = [
    '# Roles and permissions',
    '',
    '<!-- Generated from common/src/roles.ts by `npm run docs:roles`; do not edit by hand. -->',
    '',
    'Every check on the server and every menu on the web reads one table, `common/src/roles.ts`. A',
    'caller reaches records by the kind of reach of their role: an **area subtree** (the area the',
    'account is bound to and everything below it), a **handling unit** (what was routed to their',
    'department), a **service station** (what is at their station or assigned to them), an **office**',
    '(the CPPCC office: its members’ reports) or their **own records**. A record outside the reach',
    'answers 404, never 403. Reference data — the area tree, the handling units, the categories — is',
    'read from where the account sits.',
    '',
    '## Roles',
    '',
    '| role | 中文 | reach | bound to | reads | writes | approves | reveals | may grant |',
    '|---|---|---|---|---|---|---|---|---|',
    ...roles.map(roleRow),
    '',
    '"Reveals" are the permissions that show personal data in full or take it out of the system (full',
    'ID numbers, exports, health data); each use is audited.',
    '',
    '## Permissions',
    '',
    `| permission | kind | meaning | ${roles.map((r) => `\`${r}\``).join(' | ')} |`,
    `|---|---|---|${roles.map(() => '---').join('|')}|`,
    ...permissions.map(
      (p) =>
        `| \`${p}\` | ${permissionKinds[p]} | ${usersEn[`permission.${p}`]} | ${roles
          .map((r) => (rolePermissions[r].includes(p) ? '✓' : ''))
          .join(' | ')} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
