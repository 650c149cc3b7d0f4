import { AlertOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const WarningsPage = lazy(() => import('./warnings.page').then((m) => ({ default: m.WarningsPage })));

/** 预警: the warnings of the caller's area, the area view, the trend and the settings. */
export const warningsModule: ConsoleModule = {
  routes: [guardedRoute('warnings', 'warnings.read', WarningsPage)],
  menu: {
    appeals: [
      { path: '/warnings', label: 'nav.warnings', icon: <AlertOutlined />, permission: 'warnings.read' },
    ],
  },
};
