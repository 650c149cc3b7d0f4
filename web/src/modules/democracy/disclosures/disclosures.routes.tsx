import { FileTextOutlined, WarningOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../../layout/console-module';

const DisclosureSchedulePage = lazy(() =>
  import('./disclosure-schedule.page').then((m) => ({ default: m.DisclosureSchedulePage })),
);
const LateDisclosuresPage = lazy(() =>
  import('./late-disclosures.page').then((m) => ({ default: m.LateDisclosuresPage })),
);

/** 村务公开: a village's schedule and archive, and the town's view of what is overdue. */
export const disclosuresModule: ConsoleModule = {
  routes: [
    guardedRoute('disclosures', 'notices.read', DisclosureSchedulePage),
    guardedRoute('disclosures/late', 'notices.read', LateDisclosuresPage),
  ],
  menu: {
    democracy: [
      {
        path: '/disclosures',
        label: 'nav.disclosures',
        icon: <FileTextOutlined />,
        permission: 'notices.read',
        areaOnly: true,
      },
      {
        path: '/disclosures/late',
        label: 'nav.disclosuresLate',
        icon: <WarningOutlined />,
        permission: 'notices.read',
        areaOnly: true,
      },
    ],
  },
};
