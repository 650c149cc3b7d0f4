import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import {
  type Warning,
  type WarningStatus,
  warningKinds,
  warningSeverities,
  warningStatuses,
} from '@lianxin/common';
import { App, Button, Form, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { FilterBar } from '../../shared/filter-bar';
import { PageHeader } from '../../shared/page-header';
import { AreaFilterSelect } from '../areas/area-filter-select';
import { WarningDrawer } from './warning.drawer';
import { kindLabel, severityColors, severityLabel, statusColors, statusLabel } from './warning-labels';
import { WarningSettingsDrawer } from './warning-settings.drawer';
import { useScanWarnings, useWarnings, useWarningsSummary, type WarningsFilter } from './warnings.api';
import { WarningsOverview } from './warnings-overview';

const PAGE_SIZE = 20;

/**
 * 预警处置: the warnings of the caller's area — the area view and the trend on top, then the list
 * filtered by status, kind, severity and area; a row opens the warning with its evidence.
 */
export function WarningsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const [params] = useSearchParams();
  // The to-do's link opens the list on the warnings to acknowledge (?status=open).
  const linked = params.get('status');
  const initial: WarningsFilter = warningStatuses.includes(linked as WarningStatus)
    ? { status: linked as WarningStatus }
    : {};
  const [form] = Form.useForm<WarningsFilter>();
  const [filter, setFilter] = useState<WarningsFilter>(initial);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { data, isFetching } = useWarnings(filter, page, PAGE_SIZE);
  const { data: summary } = useWarningsSummary();
  const scan = useScanWarnings();

  const apply = (values: WarningsFilter) => {
    setFilter({
      status: values.status || undefined,
      kind: values.kind || undefined,
      severity: values.severity || undefined,
      areaCode: values.areaCode || undefined,
    });
    setPage(1);
  };

  const columns: TableColumnsType<Warning> = [
    {
      title: t('warnings.col.severity'),
      dataIndex: 'severity',
      width: 72,
      render: (_, w) => <Tag color={severityColors[w.severity]}>{severityLabel(t, w.severity)}</Tag>,
    },
    { title: t('warnings.col.kind'), dataIndex: 'kind', width: 96, render: (_, w) => kindLabel(t, w.kind) },
    {
      title: t('warnings.col.summary'),
      dataIndex: 'summary',
      render: (summary: string, w) => (
        <Typography.Link onClick={() => setOpenId(w.id)} data-testid={`warning-link-${w.id}`}>
          {summary}
        </Typography.Link>
      ),
    },
    { title: t('warnings.col.area'), dataIndex: 'areaName', width: 120 },
    {
      title: t('warnings.col.appeals'),
      key: 'appeals',
      width: 110,
      render: (_, w) =>
        t('warnings.col.appealsValue', { appeals: w.appealCount, households: w.householdCount }),
    },
    {
      title: t('warnings.col.raisedAt'),
      dataIndex: 'raisedAt',
      width: 170,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('warnings.col.status'),
      dataIndex: 'status',
      width: 96,
      render: (_, w) => <Tag color={statusColors[w.status]}>{statusLabel(t, w.status)}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('warnings.title')}
        extra={
          can('warnings.configure') && (
            <Space>
              <Button
                icon={<ReloadOutlined />}
                loading={scan.isPending}
                data-testid="warnings-scan"
                onClick={() =>
                  scan.mutate(undefined, {
                    onSuccess: (r) => message.success(t('warnings.scanned', r)),
                    onError: showError,
                  })
                }
              >
                {t('warnings.scan')}
              </Button>
              <Button
                icon={<SettingOutlined />}
                onClick={() => setSettingsOpen(true)}
                data-testid="warnings-settings"
              >
                {t('warnings.settings')}
              </Button>
            </Space>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('warnings.intro')}</Typography.Paragraph>
      <WarningsOverview
        summary={summary}
        onArea={(areaCode) => {
          form.setFieldsValue({ ...filter, areaCode });
          apply({ ...filter, areaCode });
        }}
      />
      <FilterBar<WarningsFilter>
        form={form}
        name="warnings-filter"
        values={filter}
        onSearch={apply}
        onReset={() => apply({})}
        testId="warnings-search"
      >
        <Form.Item name="status" label={t('warnings.filter.status')}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={warningStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('warnings.filter.kind')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={warningKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={t('warnings.filter.severity')}>
          <Select
            allowClear
            style={{ width: 90 }}
            options={warningSeverities.map((s) => ({ value: s, label: severityLabel(t, s) }))}
          />
        </Form.Item>
        <Form.Item name="areaCode" label={t('warnings.filter.area')}>
          <AreaFilterSelect withGroups={false} />
        </Form.Item>
      </FilterBar>
      <Table<Warning>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 900 }}
        data-testid="warnings-table"
      />
      <WarningDrawer id={openId} onClose={() => setOpenId(null)} />
      <WarningSettingsDrawer open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </>
  );
}
