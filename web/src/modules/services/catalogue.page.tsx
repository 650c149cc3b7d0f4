import { PlusOutlined } from '@ant-design/icons';
import { type ServiceCategory, type ServiceItemSummary, serviceCategories } from '@lianxin/common';
import { Button, Card, Flex, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDate } from '../../shared/dates';
import { PageHeader } from '../../shared/page-header';
import { useDebounced } from '../../shared/use-debounced';
import { useServiceItems } from './catalogue.api';
import { ItemDrawer } from './item.drawer';
import { categoryLabel } from './services-labels';

/** 便民服务事项清单: search by name or pinyin initials, filter by category, open an item's guide. */
export function CataloguePage() {
  const t = useT();
  const can = useCan();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<ServiceCategory | undefined>();
  const [active, setActive] = useState<'true' | 'false'>('true');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const search = useDebounced(q.trim(), 300);
  const items = useServiceItems({
    ...(search ? { q: search } : {}),
    ...(category ? { category } : {}),
    active,
    limit: 50,
    offset: (page - 1) * 50,
  });

  return (
    <>
      <PageHeader
        title={t('servicesWeb.catalogue.title')}
        extra={
          can('services.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setOpen('new')}
              data-testid="item-create"
            >
              {t('servicesWeb.item.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('servicesWeb.catalogue.intro')}</Typography.Paragraph>
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={q}
            onChange={(event) => {
              setQ(event.target.value);
              setPage(1);
            }}
            placeholder={t('servicesWeb.search')}
            style={{ width: 260, maxWidth: '100%' }}
            data-testid="items-search"
          />
          <Select
            allowClear
            value={category}
            onChange={(value) => {
              setCategory(value);
              setPage(1);
            }}
            placeholder={t('servicesWeb.item.category')}
            style={{ width: 160 }}
            options={serviceCategories.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
            data-testid="items-category"
          />
          <Segmented
            value={active}
            onChange={(value) => {
              setActive(value as 'true' | 'false');
              setPage(1);
            }}
            options={[
              { value: 'true', label: t('servicesWeb.item.active') },
              { value: 'false', label: t('servicesWeb.item.withdrawn') },
            ]}
          />
        </Flex>
        <Table<ServiceItemSummary>
          rowKey="id"
          size="middle"
          loading={items.isFetching}
          dataSource={items.data?.items ?? []}
          scroll={{ x: 720 }}
          onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize: 50,
            total: items.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            {
              title: t('servicesWeb.item.name'),
              dataIndex: 'name',
              render: (name: string, row) => (
                <Typography.Link data-testid={`item-row-${row.code}`}>
                  {name}
                  {row.proxyAllowed && (
                    <Tag color="green" style={{ marginLeft: 8 }}>
                      {t('servicesWeb.item.proxy')}
                    </Tag>
                  )}
                </Typography.Link>
              ),
            },
            {
              title: t('servicesWeb.item.category'),
              dataIndex: 'category',
              width: 110,
              render: (c) => categoryLabel(t, c),
            },
            { title: t('servicesWeb.item.unit'), dataIndex: 'unitName', width: 200 },
            {
              title: t('servicesWeb.item.promisedDays'),
              dataIndex: 'promisedDays',
              width: 110,
              render: (days: number) => t('servicesWeb.workingDays', { days }),
            },
            { title: t('servicesWeb.item.scope'), dataIndex: 'areaName', width: 120 },
            {
              title: t('servicesWeb.item.versions'),
              dataIndex: 'currentVersion',
              width: 150,
              render: (v: number, row) =>
                `${t('servicesWeb.item.version', { version: v })} · ${formatDate(row.updatedAt)}`,
            },
          ]}
        />
      </Card>
      <ItemDrawer target={open} onClose={() => setOpen(null)} onCreated={(id) => setOpen(id)} />
    </>
  );
}
