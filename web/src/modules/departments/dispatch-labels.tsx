import type { Dispatch, DispatchStatus } from '@lianxin/common';
import { Space, Tag } from 'antd';
import { useT } from '../../i18n/i18n';

const statusColors: Record<DispatchStatus, string> = {
  pending: 'gold',
  accepted: 'processing',
  returned: 'volcano',
  redispatched: 'default',
  done: 'success',
  withdrawn: 'default',
};

/** A dispatch's status, its role, and whether it is late or under supervision (督办). */
export function DispatchTags({
  dispatch,
}: {
  dispatch: Pick<Dispatch, 'status' | 'role' | 'overdue' | 'supervisedAt' | 'decisive'>;
}) {
  const t = useT();
  return (
    <Space size={4} wrap>
      <Tag color={dispatch.role === 'lead' ? 'blue' : 'cyan'} bordered={false}>
        {t(`dispatch.role.${dispatch.role}`)}
      </Tag>
      <Tag color={statusColors[dispatch.status]} data-testid={`dispatch-status-${dispatch.status}`}>
        {t(`dispatch.status.${dispatch.status}`)}
      </Tag>
      {dispatch.decisive && <Tag bordered={false}>{t('dispatch.decisive')}</Tag>}
      {dispatch.overdue && <Tag color="error">{t('dispatch.overdue')}</Tag>}
      {dispatch.supervisedAt && <Tag color="magenta">{t('dispatch.supervised')}</Tag>}
    </Space>
  );
}
