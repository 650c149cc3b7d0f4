import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { type ConsoleModule, guardedRoute } from '../../layout/console-module';

const AuditPage = lazy(() => import('./audit.page').then((m) => ({ default: m.AuditPage })));

export const auditModule: ConsoleModule = {
  routes: [guardedRoute('audit', 'audit.read', AuditPage)],
  menu: {
    security: [{ path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' }],
  },
};
