import { ApartmentOutlined, FundViewOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const MattersBoardPage = lazy(() =>
  import('./matters-board.page').then((m) => ({ default: m.MattersBoardPage })),
);
const MatterPage = lazy(() => import('./matter.page').then((m) => ({ default: m.MatterPage })));
const MeetingPage = lazy(() => import('./meeting.page').then((m) => ({ default: m.MeetingPage })));
const BodiesPage = lazy(() => import('./bodies.page').then((m) => ({ default: m.BodiesPage })));
const TownViewPage = lazy(() => import('./town-view.page').then((m) => ({ default: m.TownViewPage })));

/** 四议两公开: the matters board, a matter, a meeting's recording, the village bodies, the town's view. */
export const democracyModule: ConsoleModule = {
  routes: [
    guardedRoute('democracy/matters', 'democracy.read', MattersBoardPage),
    guardedRoute('democracy/matters/:id', 'democracy.read', MatterPage),
    guardedRoute('democracy/meetings/:id', 'democracy.read', MeetingPage),
    guardedRoute('democracy/bodies', 'democracy.read', BodiesPage),
    guardedRoute('democracy/overview', 'democracy.read', TownViewPage),
  ],
  menu: {
    democracy: [
      {
        path: '/democracy/matters',
        label: 'democracyWeb.nav.matters',
        icon: <TeamOutlined />,
        permission: 'democracy.read',
      },
      {
        path: '/democracy/bodies',
        label: 'democracyWeb.nav.bodies',
        icon: <ApartmentOutlined />,
        permission: 'democracy.read',
      },
      {
        path: '/democracy/overview',
        label: 'democracyWeb.nav.town',
        icon: <FundViewOutlined />,
        permission: 'democracy.read',
      },
    ],
  },
};
