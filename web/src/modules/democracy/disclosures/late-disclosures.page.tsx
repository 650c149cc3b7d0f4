import type { LateDisclosure } from '@lianxin/common';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n';
import { formatDate } from '../../../shared/dates';
import { PageHeader } from '../../../shared/page-header';
import { categoryLabel } from './disclosure-labels';
import { useLateDisclosures } from './disclosures.api';

/** The town's view: its villages' disclosures past due and unpublished, the latest longest first. */
export function LateDisclosuresPage() {
  const t = useT();
  const { data, isFetching } = useLateDisclosures();
  const columns: TableColumnsType<LateDisclosure> = [
    {
      title: t('disclosures.col.village'),
      dataIndex: 'villageName',
      render: (name: string, d) => (
        <Link to={`/disclosures?village=${d.villageCode}`} data-testid={`late-village-${d.villageCode}`}>
          {name}
        </Link>
      ),
    },
    {
      title: t('disclosures.col.category'),
      dataIndex: 'category',
      render: (_, d) => categoryLabel(t, d.category),
    },
    { title: t('disclosures.col.period'), dataIndex: 'period' },
    {
      title: t('disclosures.col.due'),
      dataIndex: 'dueAt',
      render: (_, d) => formatDate(new Date(Date.parse(d.dueAt) - 1).toISOString()),
    },
    {
      title: t('disclosures.col.daysLate'),
      dataIndex: 'daysLate',
      render: (_, d) => (
        <Tag color={d.daysLate > 30 ? 'red' : 'orange'}>
          {t('disclosures.daysLate', { days: d.daysLate })}
        </Tag>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('disclosures.late.title')} />
      <Typography.Paragraph type="secondary">{t('disclosures.late.intro')}</Typography.Paragraph>
      <Table<LateDisclosure>
        rowKey={(d) => `${d.villageCode}-${d.category}-${d.period}`}
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('disclosures.late.none') }}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 560 }}
        data-testid="late-disclosures"
      />
    </>
  );
}
