import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const UnitsPage = lazy(() => import('./units.page').then((m) => ({ default: m.UnitsPage })));

export const departmentsModule: ConsoleModule = {
  routes: [guardedRoute('units', 'units.read', UnitsPage)],
  menu: {
    basics: [{ path: '/units', label: 'nav.units', icon: <ApartmentOutlined />, permission: 'units.read' }],
  },
};
