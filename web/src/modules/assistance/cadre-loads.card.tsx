import { EditOutlined } from '@ant-design/icons';
import type { CadreLoad } from '@lianxin/common';
import {
  Button,
  Card,
  Progress,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import {
  cadreRoleLabel,
  type LoadState,
  loadColors,
  loadStateLabel,
  loadTagColors,
} from './assistance-labels';

type LoadFilter = 'all' | 'attention';

const order: Record<LoadState, number> = { over: 0, under: 1, within: 2, full: 3 };
const needsAttention = (c: CadreLoad) => c.state === 'under' || c.state === 'over';

/** Who carries how many households against their quota; under and over quota first. */
export function CadreLoadsCard(props: {
  cadres: CadreLoad[];
  loading: boolean;
  canEditQuota: boolean;
  onEditQuota: (cadre: CadreLoad) => void;
}) {
  const { cadres, loading, canEditQuota, onEditQuota } = props;
  const t = useT();
  const [filter, setFilter] = useState<LoadFilter>('all');
  const rows = useMemo(
    () =>
      (filter === 'attention' ? cadres.filter(needsAttention) : cadres)
        .slice()
        .sort((a, b) => order[a.state] - order[b.state]),
    [cadres, filter],
  );

  const columns: TableColumnsType<CadreLoad> = [
    {
      title: t('assistance.cadre'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.areaName} · {cadreRoleLabel(t, c.role)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('assistance.board.fillColumn'),
      key: 'fill',
      width: 220,
      render: (_, c) => {
        const percent =
          c.quota.max === 0 ? (c.paired > 0 ? 100 : 0) : Math.round((c.paired / c.quota.max) * 100);
        return (
          <Tooltip
            title={t('assistance.board.fillHint', { min: c.quota.min, max: c.quota.max, paired: c.paired })}
          >
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              <Progress
                percent={Math.min(percent, 100)}
                strokeColor={loadColors[c.state]}
                showInfo={false}
                size="small"
                aria-label={t('assistance.board.fill', { paired: c.paired, max: c.quota.max })}
              />
              <Typography.Text style={{ fontSize: 12, color: loadColors[c.state] }}>
                {t('assistance.board.fill', { paired: c.paired, max: c.quota.max })}
                {c.quota.min > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    {t('assistance.board.atLeast', { min: c.quota.min })}
                  </Typography.Text>
                )}
              </Typography.Text>
            </Space>
          </Tooltip>
        );
      },
    },
    {
      title: t('assistance.board.state'),
      dataIndex: 'state',
      render: (state: LoadState, c) => (
        <Space size={4} wrap>
          <Tag color={loadTagColors[state]} style={{ marginInlineEnd: 0 }}>
            {loadStateLabel(t, state)}
          </Tag>
          {c.quotaOverridden && (
            <Tooltip title={t('assistance.quota.overriddenHint')}>
              <Tag bordered={false} color="purple" style={{ marginInlineEnd: 0 }}>
                {t('assistance.quota.overridden')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];
  if (canEditQuota) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => onEditQuota(c)}
          data-testid={`quota-edit-${c.id}`}
        >
          {t('assistance.quota.edit')}
        </Button>
      ),
    });
  }

  const needing = cadres.filter(needsAttention).length;
  return (
    <Card
      size="small"
      title={t('assistance.board.cadres', { count: cadres.length })}
      extra={
        <Segmented<LoadFilter>
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'attention', label: t('assistance.board.attention', { count: needing }) },
          ]}
          data-testid="cadre-filter"
        />
      }
      style={{ marginBottom: 16 }}
      data-testid="cadre-loads"
    >
      <Table<CadreLoad>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        size="small"
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('assistance.board.noCadres') }}
      />
    </Card>
  );
}
