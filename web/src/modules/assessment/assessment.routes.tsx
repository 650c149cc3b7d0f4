import { TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

// Pages load on first visit, so the login page does not wait for every table and tree.
const AssessmentPage = lazy(() => import('./assessment.page').then((m) => ({ default: m.AssessmentPage })));

export const assessmentModule: ConsoleModule = {
  routes: [guardedRoute('assessment', 'assessment.read', AssessmentPage)],
  menu: {
    home: [
      {
        path: '/assessment',
        label: 'assessment.nav',
        icon: <TrophyOutlined />,
        permission: 'assessment.read',
      },
    ],
  },
};
