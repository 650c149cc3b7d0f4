import {
  AuditOutlined,
  ClusterOutlined,
  CommentOutlined,
  ControlOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FormOutlined,
  HomeOutlined,
  NotificationOutlined,
  PhoneOutlined,
  PieChartOutlined,
  SettingOutlined,
  SlidersOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UploadOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { Permission, UiKey } from '@lianxin/common';
import type { ReactNode } from 'react';

export interface NavItem {
  path: string;
  label: UiKey;
  icon: ReactNode;
  /** Shown only to roles with this permission; the route is guarded by the same one. */
  permission?: Permission;
}

export interface NavGroup {
  /** Ungrouped items (the dashboard) have no title. */
  title?: UiKey;
  items: NavItem[];
}

/** The side menu, grouped by domain; the routes in app.tsx follow the same paths. */
export const navigation: NavGroup[] = [
  {
    items: [
      { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined /> },
      {
        path: '/assessment',
        label: 'assessment.nav',
        icon: <TrophyOutlined />,
        permission: 'assessment.read',
      },
    ],
  },
  {
    title: 'nav.group.registry',
    items: [
      { path: '/households', label: 'nav.households', icon: <HomeOutlined />, permission: 'households.read' },
      {
        path: '/households/import',
        label: 'nav.householdImport',
        icon: <UploadOutlined />,
        permission: 'households.manage',
      },
      {
        path: '/tier-rules',
        label: 'nav.tierRules',
        icon: <ControlOutlined />,
        permission: 'households.read',
      },
      {
        path: '/tier-overrides',
        label: 'nav.tierOverrides',
        icon: <FileDoneOutlined />,
        permission: 'tiers.approve',
      },
    ],
  },
  {
    title: 'assistance.nav.group',
    items: [
      {
        path: '/worklist',
        label: 'assistance.nav.worklist',
        icon: <FormOutlined />,
        permission: 'assistance.visit',
      },
      {
        path: '/pairings',
        label: 'assistance.nav.board',
        icon: <UsergroupAddOutlined />,
        permission: 'assistance.read',
      },
      {
        path: '/coverage',
        label: 'assistance.nav.coverage',
        icon: <PieChartOutlined />,
        permission: 'assistance.read',
      },
      {
        path: '/contact-points',
        label: 'assistance.nav.contactPoints',
        icon: <EnvironmentOutlined />,
        permission: 'assistance.read',
      },
      {
        path: '/assistance-settings',
        label: 'assistance.nav.settings',
        icon: <SlidersOutlined />,
        permission: 'assistance.configure',
      },
    ],
  },
  {
    title: 'appeals.nav.group',
    items: [
      {
        path: '/appeals',
        label: 'appeals.nav.queue',
        icon: <SolutionOutlined />,
        permission: 'appeals.read',
      },
      { path: '/callbacks', label: 'callbacks.nav', icon: <PhoneOutlined />, permission: 'appeals.handle' },
      { path: '/mediations', label: 'mediation.nav', icon: <CommentOutlined />, permission: 'appeals.read' },
      {
        path: '/notifications',
        label: 'notifications.nav',
        icon: <NotificationOutlined />,
        permission: 'appeals.read',
      },
      {
        path: '/appeal-settings',
        label: 'appeals.nav.settings',
        icon: <SettingOutlined />,
        permission: 'appeals.configure',
      },
    ],
  },
  {
    title: 'nav.group.basics',
    items: [
      { path: '/areas', label: 'nav.areas', icon: <ClusterOutlined />, permission: 'areas.read' },
      { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'users.read' },
    ],
  },
  {
    title: 'nav.group.security',
    items: [{ path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' }],
  },
];
