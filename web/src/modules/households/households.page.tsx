import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type HouseholdSummary, householdsApi } from '@lianxin/common';
import { Button, Card, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useDownload } from '../../shared/download';
import { KeysetPager, useKeysetPages } from '../../shared/keyset-pager';
import { PageHeader } from '../../shared/page-header';
import { RevealablePhone } from '../../shared/phone-reveal';
import { useModalTarget } from '../../shared/use-modal-target';
import { type AreaIndex, pathTo } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { TierTag } from '../tiering/tier-tag';
import { HouseholdCreateDrawer } from './household-create.drawer';
import { HouseholdFilterBar, useHouseholdsLocation } from './household-filter';
import { householdStatusLabel } from './household-labels';
import { type HouseholdSort, useHouseholds } from './households.api';
import { TierCountCards } from './tier-count-cards';

const DEFAULT_PAGE_SIZE = 20;

const statusColors = { active: 'default', moved_out: 'orange', dissolved: 'default' } as const;

/** "关庙村 / 三组": the village and group of a household, from the caller's area tree. */
export function villageAndGroup(index: AreaIndex, areaCode: string, fallback: string): string {
  const names = pathTo(index, areaCode)
    .filter((a) => a.kind === 'village' || a.kind === 'group')
    .map((a) => a.name);
  return names.length > 0 ? names.join(' / ') : fallback;
}

function useColumns(): TableColumnsType<HouseholdSummary> {
  const t = useT();
  const { index } = useAreaIndex();
  return [
    {
      title: t('household.number'),
      dataIndex: 'number',
      render: (number: string, h) => (
        <Link to={`/households/${h.id}`} data-testid={`household-link-${h.number}`}>
          {number}
        </Link>
      ),
    },
    {
      title: t('household.villageGroup'),
      key: 'area',
      render: (_, h) => villageAndGroup(index, h.areaCode, h.areaName),
    },
    { title: t('household.head'), dataIndex: 'headName', render: (name: string | null) => name ?? '—' },
    {
      title: t('household.address'),
      dataIndex: 'address',
      ellipsis: { showTitle: true },
      width: 240,
      render: (address: string) => address || '—',
    },
    {
      title: t('household.phone'),
      dataIndex: 'phone',
      render: (phone: string | null, h) => <RevealablePhone owner="household" id={h.id} masked={phone} />,
    },
    { title: t('household.members'), dataIndex: 'memberCount', align: 'right', width: 72 },
    {
      title: t('household.tier'),
      key: 'tier',
      render: (_, h) => <TierTag tier={h.tier} source={h.tierSource} />,
    },
    {
      title: t('household.status'),
      dataIndex: 'status',
      render: (_, h) =>
        h.status === 'active' ? (
          <Typography.Text type="secondary">{householdStatusLabel(t, h.status)}</Typography.Text>
        ) : (
          <Tag color={statusColors[h.status]}>{householdStatusLabel(t, h.status)}</Tag>
        ),
    },
  ];
}

/** 户籍档案: the households of the caller's area, filtered, with their tiers counted. */
export function HouseholdsPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { filter, sort, search, navigateTo } = useHouseholdsLocation();
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const pages = useKeysetPages(`${search}|${pageSize}`);
  const { data, isFetching } = useHouseholds({ filter, sort, cursor: pages.cursor, limit: pageSize });
  const createDrawer = useModalTarget<true>();
  const download = useDownload();
  const columns = useColumns();

  const exportList = () =>
    download.start({
      title: t('households.exportTitle'),
      contract: householdsApi.export,
      input: { query: filter },
      fileName: t('households.exportFileName'),
    });

  return (
    <>
      <PageHeader
        title={t('households.title')}
        extra={
          <Space wrap>
            {can('households.manage') && (
              <Button
                icon={<UploadOutlined />}
                onClick={() => navigate('/households/import')}
                data-testid="households-import"
              >
                {t('households.import')}
              </Button>
            )}
            {can('households.export') && (
              <Button icon={<DownloadOutlined />} onClick={exportList} data-testid="households-export">
                {t('households.export')}
              </Button>
            )}
            {can('households.manage') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => createDrawer.show(true)}
                data-testid="households-create"
              >
                {t('households.create')}
              </Button>
            )}
          </Space>
        }
      />
      <HouseholdFilterBar filter={filter} onChange={(next) => navigateTo(next, sort)} />
      <TierCountCards
        counts={data?.tierCounts}
        total={data?.total}
        selected={filter.tier}
        onSelect={(tier) => navigateTo({ ...filter, tier }, sort)}
      />
      <Card
        size="small"
        title={t('households.listTitle')}
        extra={
          <Segmented<HouseholdSort>
            size="small"
            value={sort}
            onChange={(next) => navigateTo(filter, next)}
            options={[
              { value: 'area', label: t('households.sortArea') },
              { value: 'recent', label: t('households.sortRecent') },
            ]}
            data-testid="households-sort"
          />
        }
      >
        <Table<HouseholdSummary>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          size="middle"
          scroll={{ x: 'max-content' }}
          pagination={false}
          onRow={(h) => ({ onDoubleClick: () => navigate(`/households/${h.id}`) })}
          rowClassName={(h) => (h.status === 'active' ? '' : 'lx-row-muted')}
          data-testid="households-table"
        />
        <KeysetPager
          page={pages.page}
          total={data?.total}
          nextCursor={data?.nextCursor}
          pageSize={pageSize}
          loading={isFetching}
          onPrevious={pages.previous}
          onNext={pages.next}
          onPageSize={setPageSize}
        />
      </Card>
      {createDrawer.target && (
        <HouseholdCreateDrawer
          open={createDrawer.open}
          onClose={createDrawer.hide}
          afterClose={createDrawer.afterClose}
        />
      )}
      {download.modal}
    </>
  );
}
