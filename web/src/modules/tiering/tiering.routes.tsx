import { ControlOutlined, FileDoneOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const TierRulesPage = lazy(() => import('./tier-rules.page').then((m) => ({ default: m.TierRulesPage })));
const TierOverridesPage = lazy(() =>
  import('./tier-overrides.page').then((m) => ({ default: m.TierOverridesPage })),
);

export const tieringModule: ConsoleModule = {
  routes: [
    guardedRoute('tier-rules', 'households.read', TierRulesPage),
    guardedRoute('tier-overrides', 'tiers.approve', TierOverridesPage),
  ],
  menu: {
    registry: [
      {
        path: '/tier-rules',
        label: 'nav.tierRules',
        icon: <ControlOutlined />,
        permission: 'households.read',
      },
      {
        path: '/tier-overrides',
        label: 'nav.tierOverrides',
        icon: <FileDoneOutlined />,
        permission: 'tiers.approve',
      },
    ],
  },
};
