import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError, isSignedOutError } from './api/client';
import { LocaleProvider, useLocale } from './i18n/i18n';
import { ConsoleLayout } from './layout/console.layout';
import { type ConsoleModule, collectNavigation } from './layout/console-module';
import { appealsModule } from './modules/appeals/appeals.routes';
import { areasModule } from './modules/areas/areas.routes';
import { assessmentModule } from './modules/assessment/assessment.routes';
import { assistanceModule } from './modules/assistance/assistance.routes';
import { auditModule } from './modules/audit/audit.routes';
import { calendarModule } from './modules/calendar/calendar.routes';
import { democracyModule } from './modules/democracy/democracy.routes';
import { disclosuresModule } from './modules/democracy/disclosures/disclosures.routes';
import { projectsModule } from './modules/democracy/projects/projects.routes';
import { departmentsModule } from './modules/departments/departments.routes';
import { householdsModule } from './modules/households/households.routes';
import { integrationsModule } from './modules/integrations/integrations.routes';
import { noticesModule } from './modules/notices/notices.routes';
import { receptionModule } from './modules/reception/reception.routes';
import { servicesModule } from './modules/services/services.routes';
import { tieringModule } from './modules/tiering/tiering.routes';
import { usersModule } from './modules/users/users.routes';
import { warningsModule } from './modules/warnings/warnings.routes';
import { whistlesModule } from './modules/whistles/whistles.routes';
import { dashboardModule } from './pages/dashboard.routes';
import { LoginPage } from './pages/login.page';
import { publicRoutes } from './public/public.routes';
import { SetupPage } from './public/setup.page';
import { RequireSession } from './session/guards';
import { SessionBridge, sessionKey } from './session/session';
import { NotFoundPage } from './shared/error.pages';
import { FeedbackBridge, notifyQueryError } from './shared/feedback';

// Each module declares its pages and menu entries; the console lists them in this order.
const consoleModules: readonly ConsoleModule[] = [
  dashboardModule,
  assessmentModule,
  areasModule,
  departmentsModule,
  usersModule,
  calendarModule,
  householdsModule,
  tieringModule,
  appealsModule,
  noticesModule,
  democracyModule,
  disclosuresModule,
  projectsModule,
  warningsModule,
  whistlesModule,
  receptionModule,
  assistanceModule,
  servicesModule,
  integrationsModule,
  auditModule,
];
const navigation = collectNavigation(consoleModules);

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
  // The first run of a production server: the link printed at start (no sign-in).
  { path: '/setup', element: <SetupPage /> },
  // The residents' pages: no sign-in.
  ...publicRoutes,
  {
    element: <RequireSession />,
    children: [
      {
        element: <ConsoleLayout navigation={navigation} />,
        children: [...consoleModules.flatMap((m) => m.routes), { path: '*', element: <NotFoundPage /> }],
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
