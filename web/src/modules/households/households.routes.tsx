import { HomeOutlined, UploadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const HouseholdsPage = lazy(() => import('./households.page').then((m) => ({ default: m.HouseholdsPage })));
const HouseholdPage = lazy(() => import('./household.page').then((m) => ({ default: m.HouseholdPage })));
const IdNumberChecksPage = lazy(() =>
  import('./id-number-checks.page').then((m) => ({ default: m.IdNumberChecksPage })),
);
const HouseholdImportPage = lazy(() =>
  import('./household-import.page').then((m) => ({ default: m.HouseholdImportPage })),
);

export const householdsModule: ConsoleModule = {
  routes: [
    guardedRoute('households', 'households.read', HouseholdsPage),
    guardedRoute('households/import', 'households.manage', HouseholdImportPage),
    guardedRoute('households/id-number-checks', 'users.read', IdNumberChecksPage),
    guardedRoute('households/:id', 'households.read', HouseholdPage),
  ],
  menu: {
    registry: [
      { path: '/households', label: 'nav.households', icon: <HomeOutlined />, permission: 'households.read' },
      {
        path: '/households/import',
        label: 'nav.householdImport',
        icon: <UploadOutlined />,
        permission: 'households.manage',
      },
    ],
  },
};
