import { DashboardOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../layout/console-module';
import { DashboardPage } from './dashboard.page';

/** The console's home page: what needs attention in the caller's area. */
export const dashboardModule: ConsoleModule = {
  routes: [{ index: true, element: <DashboardPage /> }],
  menu: { home: [{ path: '/', label: 'nav.dashboard', icon: <DashboardOutlined /> }] },
};
