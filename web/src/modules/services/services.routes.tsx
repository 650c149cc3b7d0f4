import { BookOutlined, DashboardOutlined, HomeOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const CataloguePage = lazy(() => import('./catalogue.page').then((m) => ({ default: m.CataloguePage })));
const CentresPage = lazy(() => import('./centres.page').then((m) => ({ default: m.CentresPage })));
const QueuePage = lazy(() => import('./queue.page').then((m) => ({ default: m.QueuePage })));
const RequestPage = lazy(() => import('./request.page').then((m) => ({ default: m.RequestPage })));
const BoardPage = lazy(() => import('./board.page').then((m) => ({ default: m.BoardPage })));

/** 便民服务: the agent's queue, a request's steps, the station head's board, the catalogue, the centres. */
export const servicesModule: ConsoleModule = {
  routes: [
    guardedRoute('services/queue', 'services.proxy', QueuePage),
    guardedRoute('services/requests/:id', 'services.read', RequestPage),
    guardedRoute('services/board', 'services.supervise', BoardPage),
    guardedRoute('services/catalogue', 'services.read', CataloguePage),
    guardedRoute('services/centres', 'services.read', CentresPage),
  ],
  menu: {
    services: [
      {
        path: '/services/queue',
        label: 'servicesWeb.nav.queue',
        icon: <SolutionOutlined />,
        permission: 'services.proxy',
      },
      {
        path: '/services/board',
        label: 'servicesWeb.nav.board',
        icon: <DashboardOutlined />,
        permission: 'services.supervise',
      },
      {
        path: '/services/catalogue',
        label: 'servicesWeb.nav.catalogue',
        icon: <BookOutlined />,
        permission: 'services.read',
      },
      {
        path: '/services/centres',
        label: 'servicesWeb.nav.centres',
        icon: <HomeOutlined />,
        permission: 'services.read',
      },
    ],
  },
};
