import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const UsersPage = lazy(() => import('./users.page').then((m) => ({ default: m.UsersPage })));

export const usersModule: ConsoleModule = {
  routes: [guardedRoute('users', 'users.read', UsersPage)],
  menu: {
    basics: [{ path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'users.read' }],
  },
};
