import { PhoneOutlined } from '@ant-design/icons';
import type { ServiceCentreSummary } from '@lianxin/common';
import { Card, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/page-header';
import { useServiceCentres } from './catalogue.api';
import { CentreDrawer } from './centre.drawer';

/** 便民服务中心/站: each with its hours, today's duty and the number of items handled. */
export function CentresPage() {
  const t = useT();
  const [level, setLevel] = useState<'town' | 'village' | 'all'>('all');
  const [open, setOpen] = useState<string | null>(null);
  const centres = useServiceCentres(level === 'all' ? {} : { level });

  return (
    <>
      <PageHeader
        title={t('servicesWeb.centre.title')}
        extra={
          <Segmented
            value={level}
            onChange={(v) => setLevel(v as typeof level)}
            options={[
              { value: 'all', label: t('servicesWeb.category.all') },
              { value: 'town', label: t('servicesWeb.centre.kind.centre') },
              { value: 'village', label: t('servicesWeb.centre.kind.station') },
            ]}
          />
        }
      />
      <Card>
        <Table<ServiceCentreSummary>
          rowKey="unitId"
          size="middle"
          loading={centres.isFetching}
          dataSource={centres.data?.items ?? []}
          scroll={{ x: 760 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(row) => ({ onClick: () => setOpen(row.unitId), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('servicesWeb.centre.name'),
              dataIndex: 'name',
              render: (name: string, row) => (
                <Typography.Link data-testid={`centre-row-${row.areaCode}`}>
                  {name}
                  {!row.active && <Tag style={{ marginLeft: 8 }}>{t('servicesWeb.item.withdrawn')}</Tag>}
                </Typography.Link>
              ),
            },
            { title: t('servicesWeb.centre.area'), dataIndex: 'areaName', width: 120 },
            {
              title: t('servicesWeb.centre.hours'),
              dataIndex: 'hoursText',
              width: 200,
              render: (h) => h ?? '—',
            },
            {
              title: t('servicesWeb.centre.phone'),
              dataIndex: 'phone',
              width: 140,
              render: (p: string | null) =>
                p ? (
                  <a href={`tel:${p}`} onClick={(e) => e.stopPropagation()}>
                    <PhoneOutlined /> {p}
                  </a>
                ) : (
                  '—'
                ),
            },
            {
              title: t('servicesWeb.centre.todayDuty'),
              dataIndex: 'todayDuty',
              width: 160,
              render: (names: string[]) =>
                names.length ? (
                  names.join('、')
                ) : (
                  <Typography.Text type="secondary">{t('servicesWeb.centre.noDuty')}</Typography.Text>
                ),
            },
            { title: t('servicesWeb.centre.items'), dataIndex: 'itemCount', width: 90 },
          ]}
        />
      </Card>
      <CentreDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
