import { SoundOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const WhistlesPage = lazy(() => import('./whistles.page').then((m) => ({ default: m.WhistlesPage })));

export const whistlesModule: ConsoleModule = {
  routes: [guardedRoute('whistles', 'appeals.read', WhistlesPage)],
  menu: {
    appeals: [
      { path: '/whistles', label: 'nav.whistles', icon: <SoundOutlined />, permission: 'appeals.read' },
    ],
  },
};
