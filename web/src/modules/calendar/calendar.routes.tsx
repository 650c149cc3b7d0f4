import { CalendarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const CalendarPage = lazy(() => import('./calendar.page').then((m) => ({ default: m.CalendarPage })));

// Everyone reads the calendar through the API (deadlines need it); the page is the admin's, who edits it.
export const calendarModule: ConsoleModule = {
  routes: [guardedRoute('calendar', 'calendar.manage', CalendarPage)],
  menu: {
    basics: [
      { path: '/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, permission: 'calendar.manage' },
    ],
  },
};
