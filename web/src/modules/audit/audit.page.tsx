import { type AuditEntry, AuditListQuery, uiMessages } from '@lianxin/common';
import {
  AutoComplete,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { FilterActions } from '../../shared/form-actions';
import { useSchemaForm } from '../../shared/forms';
import { PageHeader } from '../../shared/page-header';
import { pathTo } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { type AuditFilter, useAuditEntries } from './audit.api';

const DEFAULT_PAGE_SIZE = 50;
const ACTION_PREFIX = 'audit.action.';
const OBJECT_TYPE_PREFIX = 'audit.objectType.';

// The actions and object types the console knows a name for; others are shown by their code.
const knownActions = Object.keys(uiMessages['zh-CN'])
  .filter((key) => key.startsWith(ACTION_PREFIX))
  .map((key) => key.slice(ACTION_PREFIX.length));
const knownObjectTypes = Object.keys(uiMessages['zh-CN'])
  .filter((key) => key.startsWith(OBJECT_TYPE_PREFIX))
  .map((key) => key.slice(OBJECT_TYPE_PREFIX.length));

interface FilterValues {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="lx-json">
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

export function AuditPage() {
  const t = useT();
  const { tMaybe } = useLocale();
  const can = useCan();
  const { index } = useAreaIndex({ enabled: can('areas.read') });
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const { data, isFetching } = useAuditEntries(filter, page, pageSize);
  const { validate } = useSchemaForm(form, AuditListQuery, { rename: { from: ['range'], to: ['range'] } });

  const actionLabel = (action: string) => tMaybe(`${ACTION_PREFIX}${action}`) ?? action;
  const objectTypeLabel = (type: string) => tMaybe(`${OBJECT_TYPE_PREFIX}${type}`) ?? type;

  const actionOptions = useMemo(
    () => knownActions.map((a) => ({ value: a, label: `${tMaybe(`${ACTION_PREFIX}${a}`) ?? a} (${a})` })),
    [tMaybe],
  );

  const applyFilter = (values: FilterValues) => {
    const [from, to] = values.range ?? [null, null];
    const parsed = validate({
      actor: values.actor?.trim() || undefined,
      action: values.action?.trim() || undefined,
      objectType: values.objectType || undefined,
      objectId: values.objectId?.trim() || undefined,
      from: from?.format('YYYY-MM-DD'),
      to: to?.format('YYYY-MM-DD'),
    });
    if (!parsed) return;
    const { page: _page, pageSize: _pageSize, ...next } = parsed;
    setFilter(next);
    setPage(1);
  };

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 180,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <Space orientation="vertical" size={0}>
          <span>{actionLabel(action)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {action}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_, entry) =>
        entry.objectType ? (
          <Space orientation="vertical" size={0}>
            <span>{objectTypeLabel(entry.objectType)}</span>
            {entry.objectId && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>
                {entry.objectId}
              </Typography.Text>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('audit.area'),
      dataIndex: 'areaCode',
      render: (code: string | null) => {
        if (!code) return '—';
        const path = pathTo(index, code);
        return path.length > 0 ? path.map((a) => a.name).join(' / ') : code;
      },
    },
    { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<FilterValues> form={form} layout="vertical" name="audit-filter" onFinish={applyFilter}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="actor" label={t('audit.actor')}>
                <Input allowClear placeholder={t('audit.actorPlaceholder')} maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="action" label={t('audit.action')}>
                <AutoComplete allowClear options={actionOptions} placeholder={t('common.all')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="objectType" label={t('audit.objectType')}>
                <Select
                  allowClear
                  placeholder={t('common.all')}
                  options={knownObjectTypes.map((type) => ({ value: type, label: objectTypeLabel(type) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="objectId" label={t('audit.objectId')}>
                <Input allowClear maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="range" label={t('audit.range')}>
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={16} style={{ display: 'flex', alignItems: 'flex-end' }}>
              <Form.Item>
                <FilterActions
                  testId="audit-search"
                  onReset={() => {
                    form.resetFields();
                    applyFilter({});
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card size="small">
        <Table<AuditEntry>
          rowKey="seq"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          size="middle"
          scroll={{ x: 'max-content' }}
          expandable={{
            rowExpandable: (entry) => entry.before !== null || entry.after !== null,
            expandedRowRender: (entry) => (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <JsonBlock title={t('audit.before')} value={entry.before} />
                </Col>
                <Col xs={24} md={12}>
                  <JsonBlock title={t('audit.after')} value={entry.after} />
                </Col>
              </Row>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize !== pageSize ? 1 : nextPage);
              setPageSize(nextSize);
            },
          }}
          data-testid="audit-table"
        />
      </Card>
    </>
  );
}
