import { PlusOutlined } from '@ant-design/icons';
import { type NoticeSummary, noticeKinds, noticeStatuses } from '@lianxin/common';
import {
  Button,
  Checkbox,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { periodText } from '../../public/notices/notice-dates';
import { useCan } from '../../session/session';
import { FilterBar } from '../../shared/filter-bar';
import { PageHeader } from '../../shared/page-header';
import { NoticeFormDrawer } from './notice-form.drawer';
import { kindLabel, periodLabel, statusColors, statusLabel } from './notice-labels';
import { type NoticesFilter, useNotices } from './notices.api';

const PAGE_SIZE = 20;

interface FilterValues {
  status?: NoticesFilter['status'];
  kind?: NoticesFilter['kind'];
  q?: string;
  awaitingClose?: boolean;
}

/** The notices of the caller's area, filtered by status and kind, newest first. */
export function NoticesPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [form] = Form.useForm<FilterValues>();
  const [params] = useSearchParams();
  // The bell's link opens the list on the notices whose period is over (?awaitingClose=true).
  const fromLink = params.get('awaitingClose') === 'true';
  const [filter, setFilter] = useState<NoticesFilter>(fromLink ? { awaitingClose: 'true' } : {});
  const [filterValues, setFilterValues] = useState<Partial<FilterValues>>(
    fromLink ? { awaitingClose: true } : {},
  );
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useNotices(filter, page, PAGE_SIZE);

  const apply = (values: FilterValues) => {
    setFilterValues(values);
    setFilter({
      status: values.status || undefined,
      kind: values.kind || undefined,
      q: values.q?.trim() || undefined,
      awaitingClose: values.awaitingClose ? 'true' : undefined,
    });
    setPage(1);
  };

  const columns: TableColumnsType<NoticeSummary> = [
    {
      title: t('notices.col.title'),
      dataIndex: 'title',
      render: (title: string, n) => (
        <Space direction="vertical" size={0}>
          <Link to={`/notices/${n.id}`} data-testid={`notice-link-${n.id}`}>
            {title}
          </Link>
          {n.openObjections > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('notices.openObjections', { count: n.openObjections })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('notices.col.kind'), dataIndex: 'kind', render: (_, n) => kindLabel(t, n.kind) },
    { title: t('notices.col.area'), dataIndex: 'publisherName' },
    {
      title: t('notices.col.status'),
      dataIndex: 'status',
      render: (_, n) => {
        const over = n.status === 'published' && n.endsAt !== null && Date.parse(n.endsAt) <= Date.now();
        return (
          <Space size={4}>
            <Tag color={statusColors[n.status]}>{statusLabel(t, n.status)}</Tag>
            {over && <Tag color="orange">{t('notices.awaitingClose')}</Tag>}
          </Space>
        );
      },
    },
    {
      title: t('notices.col.period'),
      key: 'period',
      render: (_, n) =>
        n.startsAt && n.endsAt
          ? t('notices.window', periodText(n.startsAt, n.endsAt))
          : periodLabel(t, n.periodDays, n.periodUnit),
    },
    {
      title: t('notices.col.objections'),
      key: 'objections',
      render: (_, n) => t('notices.col.objectionsValue', { comments: n.comments, objections: n.objections }),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('notices.title')}
        extra={
          can('notices.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="notice-create"
            >
              {t('notices.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('notices.intro')}</Typography.Paragraph>
      <FilterBar<FilterValues>
        form={form}
        name="notices-filter"
        values={filterValues}
        onSearch={apply}
        onReset={() => apply({})}
        testId="notices-search"
      >
        <Form.Item name="status" label={t('notices.filter.status')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={noticeStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('notices.filter.kind')}>
          <Select
            allowClear
            style={{ width: 170 }}
            options={noticeKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
          />
        </Form.Item>
        <Form.Item name="q">
          <Input allowClear placeholder={t('notices.filter.search')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="awaitingClose" valuePropName="checked">
          <Checkbox>{t('notices.filter.awaitingClose')}</Checkbox>
        </Form.Item>
      </FilterBar>
      <Table<NoticeSummary>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 900 }}
      />
      <NoticeFormDrawer
        open={creating}
        notice={null}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          navigate(`/notices/${id}`);
        }}
      />
    </>
  );
}
