import {
  CommentOutlined,
  NotificationOutlined,
  PhoneOutlined,
  SettingOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const AppealsPage = lazy(() => import('./appeals.page').then((m) => ({ default: m.AppealsPage })));
const AppealPage = lazy(() => import('./appeal.page').then((m) => ({ default: m.AppealPage })));
const CallbacksPage = lazy(() => import('./callbacks.page').then((m) => ({ default: m.CallbacksPage })));
const MediationsPage = lazy(() => import('./mediations.page').then((m) => ({ default: m.MediationsPage })));
const MediationPage = lazy(() => import('./mediation.page').then((m) => ({ default: m.MediationPage })));
const NotificationsPage = lazy(() =>
  import('./notifications.page').then((m) => ({ default: m.NotificationsPage })),
);
const AppealSettingsPage = lazy(() =>
  import('./appeal-settings.page').then((m) => ({ default: m.AppealSettingsPage })),
);

export const appealsModule: ConsoleModule = {
  routes: [
    guardedRoute('appeals', 'appeals.read', AppealsPage),
    guardedRoute('appeals/:id', 'appeals.read', AppealPage),
    guardedRoute('callbacks', 'appeals.handle', CallbacksPage),
    guardedRoute('mediations', 'appeals.read', MediationsPage),
    guardedRoute('mediations/:id', 'appeals.read', MediationPage),
    guardedRoute('notifications', 'appeals.read', NotificationsPage),
    guardedRoute('appeal-settings', 'appeals.configure', AppealSettingsPage),
  ],
  menu: {
    appeals: [
      {
        path: '/appeals',
        label: 'appeals.nav.queue',
        icon: <SolutionOutlined />,
        permission: 'appeals.read',
      },
      { path: '/callbacks', label: 'callbacks.nav', icon: <PhoneOutlined />, permission: 'appeals.handle' },
      // Mediations and the notification log are kept by area; a unit's staff have neither.
      {
        path: '/mediations',
        label: 'mediation.nav',
        icon: <CommentOutlined />,
        permission: 'appeals.read',
        areaOnly: true,
      },
      {
        path: '/notifications',
        label: 'notifications.nav',
        icon: <NotificationOutlined />,
        permission: 'appeals.read',
        areaOnly: true,
      },
      {
        path: '/appeal-settings',
        label: 'appeals.nav.settings',
        icon: <SettingOutlined />,
        permission: 'appeals.configure',
      },
    ],
  },
};
