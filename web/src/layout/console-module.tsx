import type { Permission, UiKey } from '@lianxin/common';
import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../session/guards';

export interface NavItem {
  path: string;
  label: UiKey;
  icon: ReactNode;
  /** Shown only to roles with this permission; the route is guarded by the same one. */
  permission?: Permission;
  /** Shown only to callers who reach an area (not a unit's, a station's or a member's own). */
  areaOnly?: boolean;
}

export interface NavGroup {
  /** Ungrouped items (the dashboard) have no title. */
  title?: UiKey;
  items: NavItem[];
}

/** The side menu's groups, in the order shown; each module puts its entries into some of them. */
const menuGroups = [
  { id: 'home' },
  { id: 'registry', title: 'nav.group.registry' },
  { id: 'assistance', title: 'assistance.nav.group' },
  { id: 'services', title: 'servicesWeb.nav.group' },
  { id: 'appeals', title: 'appeals.nav.group' },
  { id: 'democracy', title: 'nav.group.democracy' },
  { id: 'basics', title: 'nav.group.basics' },
  { id: 'security', title: 'nav.group.security' },
] as const satisfies readonly { id: string; title?: UiKey }[];

export type MenuGroupId = (typeof menuGroups)[number]['id'];

/** What a console module declares: its pages below the console frame, and its menu entries. */
export interface ConsoleModule {
  routes: RouteObject[];
  menu: Partial<Record<MenuGroupId, NavItem[]>>;
}

/** A console page shown only to roles with the permission (the server checks it again). */
export function guardedRoute(path: string, permission: Permission, Page: ComponentType): RouteObject {
  return {
    path,
    element: (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    ),
  };
}

/** The side menu: each group's entries in the order the modules are listed. */
export function collectNavigation(modules: readonly ConsoleModule[]): NavGroup[] {
  return menuGroups.map((group) => ({
    ...('title' in group ? { title: group.title } : {}),
    items: modules.flatMap((m) => m.menu[group.id] ?? []),
  }));
}
