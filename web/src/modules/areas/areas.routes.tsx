import { ClusterOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const AreasPage = lazy(() => import('./areas.page').then((m) => ({ default: m.AreasPage })));

export const areasModule: ConsoleModule = {
  routes: [guardedRoute('areas', 'areas.read', AreasPage)],
  menu: {
    basics: [{ path: '/areas', label: 'nav.areas', icon: <ClusterOutlined />, permission: 'areas.read' }],
  },
};
