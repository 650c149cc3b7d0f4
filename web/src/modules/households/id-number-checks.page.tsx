import type { IdNumberCheck } from '@lianxin/common';
import { Alert, App, Button, Card, Popconfirm, Table, type TableColumnsType } from 'antd';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { PageHeader } from '../../shared/page-header';
import { useCloseIdNumberCheck, useIdNumberChecks } from './household-import.api';

/** 待核实的身份证号查询: the town's cases, raised when an account passed its daily look-ups. */
export function IdNumberChecksPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, isFetching } = useIdNumberChecks();
  const close = useCloseIdNumberCheck();
  const columns: TableColumnsType<IdNumberCheck> = [
    { title: t('idChecks.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
    {
      title: t('idChecks.user'),
      key: 'user',
      render: (_, c) => `${c.userName ?? '—'}${c.username ? `（${c.username}）` : ''}`,
    },
    {
      title: t('idChecks.village'),
      dataIndex: 'areaName',
      render: (name: string | null, c) => name ?? c.areaCode,
    },
    {
      title: t('idChecks.source'),
      dataIndex: 'source',
      render: (s: IdNumberCheck['source']) => t(`idChecks.source.${s}`),
    },
    { title: t('idChecks.numbers'), dataIndex: 'numbers', align: 'right' },
    {
      title: '',
      key: 'close',
      render: (_, c) => (
        <Popconfirm
          title={t('idChecks.closeConfirm')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            close.mutate(c.id, { onSuccess: () => message.success(t('idChecks.closed')), onError: showError })
          }
        >
          <Button size="small" data-testid={`id-check-close-${c.id}`}>
            {t('idChecks.close')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('idChecks.title')} />
      <Card size="small">
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('idChecks.intro')} />
        <Table<IdNumberCheck>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data ?? []}
          loading={isFetching}
          locale={{ emptyText: t('idChecks.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={false}
          data-testid="id-number-checks"
        />
      </Card>
    </>
  );
}
