import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { errorText } from './feedback';

/** A record page whose record did not load: what went wrong, and a way to try again. */
export function LoadFailed(props: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <Result
      status="error"
      title={t('error.loadFailed')}
      subTitle={errorText(props.error, t)}
      extra={<Button onClick={props.onRetry}>{t('common.reload')}</Button>}
    />
  );
}

/**
 * A record page's way back: to the list as it was (filter, page) when the user came from it,
 * or to the plain list when the page was opened directly.
 */
export function BackBreadcrumb(props: {
  listPath: string;
  listTitle: string;
  current: ReactNode;
  testId?: string;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const back = () => (location.key === 'default' ? navigate(props.listPath) : navigate(-1));
  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      items={[
        {
          title: (
            <Typography.Link onClick={back} data-testid={props.testId}>
              <ArrowLeftOutlined /> {props.listTitle}
            </Typography.Link>
          ),
        },
        { title: props.current },
      ]}
    />
  );
}
