import type { ServiceGuide } from '@lianxin/common';
import { Descriptions, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { categoryLabel } from './services-labels';

/** An item's 办事指南 as staff read it: the national fields, the materials as a table, the steps. */
export function GuideView({ guide }: { guide: ServiceGuide }) {
  const t = useT();
  const days = (d: number | null) =>
    d === null ? t('servicesWeb.none') : t('servicesWeb.workingDays', { days: d });
  return (
    <>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('servicesWeb.item.category')}>
          {categoryLabel(t, guide.category)}
        </Descriptions.Item>
        <Descriptions.Item label={t('servicesWeb.item.unit')}>{guide.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('servicesWeb.item.conditions')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {guide.conditions}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('servicesWeb.item.legalDays')}>{days(guide.legalDays)}</Descriptions.Item>
        <Descriptions.Item label={t('servicesWeb.item.promisedDays')}>
          {days(guide.promisedDays)}
        </Descriptions.Item>
        <Descriptions.Item label={t('servicesWeb.item.fees')}>
          {guide.fees || t('servicesWeb.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('servicesWeb.item.place')}>{guide.place}</Descriptions.Item>
        <Descriptions.Item label={t('servicesWeb.item.hours')}>{guide.hours}</Descriptions.Item>
        <Descriptions.Item label={t('servicesWeb.item.phone')}>
          {guide.consultationPhone ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('servicesWeb.item.proxy')}>
          {guide.proxyAllowed ? <Tag color="green">{t('servicesWeb.yes')}</Tag> : t('servicesWeb.no')}
        </Descriptions.Item>
        {guide.onlineUrl && (
          <Descriptions.Item label={t('servicesWeb.item.onlineUrl')}>
            <a href={guide.onlineUrl} target="_blank" rel="noreferrer">
              {guide.onlineUrl}
            </a>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('servicesWeb.item.materials')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(m) => m.name}
        pagination={false}
        dataSource={guide.materials}
        columns={[
          { title: t('servicesWeb.item.material.name'), dataIndex: 'name' },
          {
            title: t('servicesWeb.item.material.form'),
            dataIndex: 'form',
            width: 110,
            render: (f) => t(`servicesWeb.form.${f as 'copy'}`),
          },
          { title: t('servicesWeb.item.material.count'), dataIndex: 'count', width: 60 },
          { title: t('servicesWeb.item.material.notes'), dataIndex: 'notes' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('servicesWeb.item.steps')}
      </Typography.Title>
      <ol style={{ paddingInlineStart: 20, margin: 0 }}>
        {guide.steps.map((s, i) => (
          // The steps are an ordered list; the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: steps may repeat words
          <li key={i}>{s}</li>
        ))}
      </ol>
    </>
  );
}
