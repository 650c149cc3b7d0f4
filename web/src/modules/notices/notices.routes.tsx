import { NotificationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const NoticesPage = lazy(() => import('./notices.page').then((m) => ({ default: m.NoticesPage })));
const NoticePage = lazy(() => import('./notice.page').then((m) => ({ default: m.NoticePage })));

/** 公示: the list of the caller's area and one notice's page. */
export const noticesModule: ConsoleModule = {
  routes: [
    guardedRoute('notices', 'notices.read', NoticesPage),
    guardedRoute('notices/:id', 'notices.read', NoticePage),
  ],
  menu: {
    democracy: [
      { path: '/notices', label: 'nav.notices', icon: <NotificationOutlined />, permission: 'notices.read' },
    ],
  },
};
