import type { Permission } from '@lianxin/common';
import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useT } from '../i18n/i18n';
import { ForbiddenPage } from '../shared/error.pages';
import { errorText } from '../shared/feedback';
import { useCan, useSession } from './session';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Pages below need a signed-in user; otherwise the login page, which returns here afterwards. */
export function RequireSession() {
  const t = useT();
  const location = useLocation();
  const { data, isPending, error, refetch } = useSession();
  if (isPending) return <FullPageSpin />;
  if (error) {
    return (
      <Result
        status="error"
        title={t('error.loadFailed')}
        subTitle={errorText(error, t)}
        extra={<Button onClick={() => refetch()}>{t('common.reload')}</Button>}
      />
    );
  }
  if (!data)
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <Outlet />;
}

/** Shows the page only when the caller's role has the permission (the server checks it again). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? children : <ForbiddenPage />;
}
