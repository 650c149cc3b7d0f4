import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const ReceptionDaysPage = lazy(() =>
  import('./reception-days.page').then((m) => ({ default: m.ReceptionDaysPage })),
);

export const receptionModule: ConsoleModule = {
  routes: [guardedRoute('reception-days', 'appeals.read', ReceptionDaysPage)],
  menu: {
    appeals: [
      {
        path: '/reception-days',
        label: 'nav.receptionDays',
        icon: <TeamOutlined />,
        permission: 'appeals.read',
        areaOnly: true,
      },
    ],
  },
};
