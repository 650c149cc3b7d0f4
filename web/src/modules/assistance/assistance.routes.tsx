import {
  EnvironmentOutlined,
  FormOutlined,
  PieChartOutlined,
  SlidersOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const PairingBoardPage = lazy(() =>
  import('./pairing-board.page').then((m) => ({ default: m.PairingBoardPage })),
);
const WorklistPage = lazy(() => import('./worklist.page').then((m) => ({ default: m.WorklistPage })));
const VisitPage = lazy(() => import('./visit.page').then((m) => ({ default: m.VisitPage })));
const CoveragePage = lazy(() => import('./coverage.page').then((m) => ({ default: m.CoveragePage })));
const ContactPointsPage = lazy(() =>
  import('./contact-points.page').then((m) => ({ default: m.ContactPointsPage })),
);
const AssistanceSettingsPage = lazy(() =>
  import('./assistance-settings.page').then((m) => ({ default: m.AssistanceSettingsPage })),
);

export const assistanceModule: ConsoleModule = {
  routes: [
    guardedRoute('pairings', 'assistance.read', PairingBoardPage),
    guardedRoute('worklist', 'assistance.visit', WorklistPage),
    guardedRoute('worklist/visit', 'assistance.visit', VisitPage),
    guardedRoute('coverage', 'assistance.read', CoveragePage),
    guardedRoute('contact-points', 'assistance.read', ContactPointsPage),
    guardedRoute('assistance-settings', 'assistance.configure', AssistanceSettingsPage),
  ],
  menu: {
    assistance: [
      {
        path: '/worklist',
        label: 'assistance.nav.worklist',
        icon: <FormOutlined />,
        permission: 'assistance.visit',
      },
      {
        path: '/pairings',
        label: 'assistance.nav.board',
        icon: <UsergroupAddOutlined />,
        permission: 'assistance.read',
      },
      {
        path: '/coverage',
        label: 'assistance.nav.coverage',
        icon: <PieChartOutlined />,
        permission: 'assistance.read',
      },
      {
        path: '/contact-points',
        label: 'assistance.nav.contactPoints',
        icon: <EnvironmentOutlined />,
        permission: 'assistance.read',
      },
      {
        path: '/assistance-settings',
        label: 'assistance.nav.settings',
        icon: <SlidersOutlined />,
        permission: 'assistance.configure',
      },
    ],
  },
};
