import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { PublicLayout } from './public.layout';
import { PublicHomePage } from './public-home.page';

const PublicSubmitPage = lazy(() =>
  import('./public-submit.page').then((m) => ({ default: m.PublicSubmitPage })),
);
const PublicTrackPage = lazy(() =>
  import('./public-track.page').then((m) => ({ default: m.PublicTrackPage })),
);
const VillagePage = lazy(() => import('./village/village.page').then((m) => ({ default: m.VillagePage })));
const PublicNoticePage = lazy(() =>
  import('./notices/notice.public-page').then((m) => ({ default: m.PublicNoticePage })),
);
const PublicReceptionDaysPage = lazy(() =>
  import('./reception/reception-days.public-page').then((m) => ({ default: m.PublicReceptionDaysPage })),
);
const PublicHelperRatingPage = lazy(() =>
  import('./public-helper-rating.page').then((m) => ({ default: m.PublicHelperRatingPage })),
);
const ServicesCataloguePage = lazy(() =>
  import('./services/catalogue.public-page').then((m) => ({ default: m.ServicesCataloguePage })),
);
const ServiceItemPage = lazy(() =>
  import('./services/item.public-page').then((m) => ({ default: m.ServiceItemPage })),
);
const ProxyRequestPage = lazy(() =>
  import('./services/request.public-page').then((m) => ({ default: m.ProxyRequestPage })),
);
const ProxyTrackPage = lazy(() =>
  import('./services/track.public-page').then((m) => ({ default: m.ProxyTrackPage })),
);
const ServiceCentresPage = lazy(() =>
  import('./services/centres.public-page').then((m) => ({ default: m.ServiceCentresPage })),
);
const ServiceRatingLinkPage = lazy(() =>
  import('./services/rate.public-page').then((m) => ({ default: m.ServiceRatingLinkPage })),
);

/** The residents' pages: no sign-in, outside the console's session guard. */
export const publicRoutes: RouteObject[] = [
  {
    path: '/public',
    element: <PublicLayout />,
    children: [
      { index: true, element: <PublicHomePage /> },
      { path: 'submit', element: <PublicSubmitPage /> },
      { path: 'track', element: <PublicTrackPage /> },
      { path: 'rate/:token', element: <PublicHelperRatingPage /> },
      { path: 'villages/:code', element: <VillagePage /> },
      { path: 'notices/:id', element: <PublicNoticePage /> },
      { path: 'reception-days', element: <PublicReceptionDaysPage /> },
      { path: 'services', element: <ServicesCataloguePage /> },
      { path: 'services/items/:id', element: <ServiceItemPage /> },
      { path: 'services/items/:id/request', element: <ProxyRequestPage /> },
      { path: 'services/track', element: <ProxyTrackPage /> },
      { path: 'services/centres', element: <ServiceCentresPage /> },
      { path: 'services/rate/:token', element: <ServiceRatingLinkPage /> },
      { path: '*', element: <Navigate to="/public" replace /> },
    ],
  },
];
