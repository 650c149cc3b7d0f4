import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError, isSignedOutError } from './api/client';
import { LocaleProvider, useLocale } from './i18n/i18n';
import { ConsoleLayout } from './layout/console.layout';
import { DashboardPage } from './pages/dashboard.page';
import { NotFoundPage } from './pages/error.pages';
import { LoginPage } from './pages/login.page';
import { publicRoutes } from './public/public.routes';
import { RequirePermission, RequireSession } from './session/guards';
import { SessionBridge, sessionKey } from './session/session';
import { FeedbackBridge, notifyQueryError } from './shared/feedback';

// Pages load on first visit, so the login page does not wait for every table and tree.
const AreasPage = lazy(() => import('./modules/areas/areas.page').then((m) => ({ default: m.AreasPage })));
const UsersPage = lazy(() => import('./modules/users/users.page').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./modules/audit/audit.page').then((m) => ({ default: m.AuditPage })));
const HouseholdsPage = lazy(() =>
  import('./modules/households/households.page').then((m) => ({ default: m.HouseholdsPage })),
);
const HouseholdPage = lazy(() =>
  import('./modules/households/household.page').then((m) => ({ default: m.HouseholdPage })),
);
const HouseholdImportPage = lazy(() =>
  import('./modules/households/household-import.page').then((m) => ({ default: m.HouseholdImportPage })),
);
const TierRulesPage = lazy(() =>
  import('./modules/tiering/tier-rules.page').then((m) => ({ default: m.TierRulesPage })),
);
const TierOverridesPage = lazy(() =>
  import('./modules/tiering/tier-overrides.page').then((m) => ({ default: m.TierOverridesPage })),
);
const AppealsPage = lazy(() =>
  import('./modules/appeals/appeals.page').then((m) => ({ default: m.AppealsPage })),
);
const AppealPage = lazy(() =>
  import('./modules/appeals/appeal.page').then((m) => ({ default: m.AppealPage })),
);
const CallbacksPage = lazy(() =>
  import('./modules/appeals/callbacks.page').then((m) => ({ default: m.CallbacksPage })),
);
const MediationsPage = lazy(() =>
  import('./modules/appeals/mediations.page').then((m) => ({ default: m.MediationsPage })),
);
const MediationPage = lazy(() =>
  import('./modules/appeals/mediation.page').then((m) => ({ default: m.MediationPage })),
);
const NotificationsPage = lazy(() =>
  import('./modules/appeals/notifications.page').then((m) => ({ default: m.NotificationsPage })),
);
const AppealSettingsPage = lazy(() =>
  import('./modules/appeals/appeal-settings.page').then((m) => ({ default: m.AppealSettingsPage })),
);
const PairingBoardPage = lazy(() =>
  import('./modules/assistance/pairing-board.page').then((m) => ({ default: m.PairingBoardPage })),
);
const WorklistPage = lazy(() =>
  import('./modules/assistance/worklist.page').then((m) => ({ default: m.WorklistPage })),
);
const VisitPage = lazy(() =>
  import('./modules/assistance/visit.page').then((m) => ({ default: m.VisitPage })),
);
const CoveragePage = lazy(() =>
  import('./modules/assistance/coverage.page').then((m) => ({ default: m.CoveragePage })),
);
const ContactPointsPage = lazy(() =>
  import('./modules/assistance/contact-points.page').then((m) => ({ default: m.ContactPointsPage })),
);
const AssistanceSettingsPage = lazy(() =>
  import('./modules/assistance/assistance-settings.page').then((m) => ({
    default: m.AssistanceSettingsPage,
  })),
);

const AssessmentPage = lazy(() =>
  import('./modules/assessment/assessment.page').then((m) => ({ default: m.AssessmentPage })),
);

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] === sessionKey[0] || isSignedOutError(error)) return;
      notifyQueryError(error);
    },
  }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again; network trouble and 5xx may.
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // The residents' pages: no sign-in.
  ...publicRoutes,
  {
    element: <RequireSession />,
    children: [
      {
        element: <ConsoleLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          {
            path: 'assessment',
            element: (
              <RequirePermission permission="assessment.read">
                <AssessmentPage />
              </RequirePermission>
            ),
          },
          {
            path: 'areas',
            element: (
              <RequirePermission permission="areas.read">
                <AreasPage />
              </RequirePermission>
            ),
          },
          {
            path: 'users',
            element: (
              <RequirePermission permission="users.read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'households',
            element: (
              <RequirePermission permission="households.read">
                <HouseholdsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'households/import',
            element: (
              <RequirePermission permission="households.manage">
                <HouseholdImportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'households/:id',
            element: (
              <RequirePermission permission="households.read">
                <HouseholdPage />
              </RequirePermission>
            ),
          },
          {
            path: 'tier-rules',
            element: (
              <RequirePermission permission="households.read">
                <TierRulesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'tier-overrides',
            element: (
              <RequirePermission permission="tiers.approve">
                <TierOverridesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'appeals',
            element: (
              <RequirePermission permission="appeals.read">
                <AppealsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'appeals/:id',
            element: (
              <RequirePermission permission="appeals.read">
                <AppealPage />
              </RequirePermission>
            ),
          },
          {
            path: 'callbacks',
            element: (
              <RequirePermission permission="appeals.handle">
                <CallbacksPage />
              </RequirePermission>
            ),
          },
          {
            path: 'mediations',
            element: (
              <RequirePermission permission="appeals.read">
                <MediationsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'mediations/:id',
            element: (
              <RequirePermission permission="appeals.read">
                <MediationPage />
              </RequirePermission>
            ),
          },
          {
            path: 'notifications',
            element: (
              <RequirePermission permission="appeals.read">
                <NotificationsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'appeal-settings',
            element: (
              <RequirePermission permission="appeals.configure">
                <AppealSettingsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'pairings',
            element: (
              <RequirePermission permission="assistance.read">
                <PairingBoardPage />
              </RequirePermission>
            ),
          },
          {
            path: 'worklist',
            element: (
              <RequirePermission permission="assistance.visit">
                <WorklistPage />
              </RequirePermission>
            ),
          },
          {
            path: 'worklist/visit',
            element: (
              <RequirePermission permission="assistance.visit">
                <VisitPage />
              </RequirePermission>
            ),
          },
          {
            path: 'coverage',
            element: (
              <RequirePermission permission="assistance.read">
                <CoveragePage />
              </RequirePermission>
            ),
          },
          {
            path: 'contact-points',
            element: (
              <RequirePermission permission="assistance.read">
                <ContactPointsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'assistance-settings',
            element: (
              <RequirePermission permission="assistance.configure">
                <AssistanceSettingsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

function Themed() {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      // Buttons keep their text as written ("登录", not "登 录"): tests and screen readers find it.
      button={{ autoInsertSpace: false }}
      theme={{ token: { borderRadius: 6 } }}
    >
      <AntApp>
        <FeedbackBridge />
        <SessionBridge />
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <Themed />
      </LocaleProvider>
    </QueryClientProvider>
  );
}
