import { ApartmentOutlined, AuditOutlined, BulbOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const UnitsPage = lazy(() => import('./units.page').then((m) => ({ default: m.UnitsPage })));
const DispatchQueuePage = lazy(() =>
  import('./dispatches.page').then((m) => ({ default: m.DispatchQueuePage })),
);
const DispatchSupervisionPage = lazy(() =>
  import('./dispatches.page').then((m) => ({ default: m.DispatchSupervisionPage })),
);
const TopicsPage = lazy(() => import('./topics.page').then((m) => ({ default: m.TopicsPage })));

export const departmentsModule: ConsoleModule = {
  routes: [
    guardedRoute('units', 'units.read', UnitsPage),
    guardedRoute('dispatches', 'dispatch.work', DispatchQueuePage),
    guardedRoute('dispatch-supervision', 'appeals.dispatch', DispatchSupervisionPage),
    guardedRoute('monthly-topics', 'appeals.read', TopicsPage),
  ],
  menu: {
    appeals: [
      {
        path: '/dispatches',
        label: 'dispatch.nav.queue',
        icon: <ScheduleOutlined />,
        permission: 'dispatch.work',
      },
      {
        path: '/dispatch-supervision',
        label: 'dispatch.nav.supervise',
        icon: <AuditOutlined />,
        permission: 'appeals.dispatch',
      },
      { path: '/monthly-topics', label: 'nav.topics', icon: <BulbOutlined />, permission: 'appeals.read' },
    ],
    basics: [{ path: '/units', label: 'nav.units', icon: <ApartmentOutlined />, permission: 'units.read' }],
  },
};
