import { ApiOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const IntegrationsPage = lazy(() =>
  import('./integrations.page').then((m) => ({ default: m.IntegrationsPage })),
);

export const integrationsModule: ConsoleModule = {
  routes: [guardedRoute('integrations', 'integrations.manage', IntegrationsPage)],
  menu: {
    security: [
      {
        path: '/integrations',
        label: 'nav.integrations',
        icon: <ApiOutlined />,
        permission: 'integrations.manage',
      },
    ],
  },
};
