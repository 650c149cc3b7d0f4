import { PlusOutlined } from '@ant-design/icons';
import {
  chinaYear,
  type DisclosureCategory,
  type DisclosureScheduleItem,
  type DisclosureSummary,
  financeCadences,
} from '@lianxin/common';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  InputNumber,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../../i18n/i18n';
import { useCan, useMe } from '../../../session/session';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { useShowError } from '../../../shared/feedback';
import { PageHeader } from '../../../shared/page-header';
import { categoryLabel, stateColors, stateLabel } from './disclosure-labels';
import { DisclosurePublishDrawer } from './disclosure-publish.drawer';
import { useDisclosure, useDisclosureSchedule, useDisclosures, useUpdateSchedule } from './disclosures.api';
import { DistrictRulesCard } from './district-rules.card';
import { VillageSelect } from './village-select';

/** The last instant before a due time, shown as the China day it ends (due at 24:00 of that day). */
const dueDay = (iso: string) => formatDate(new Date(Date.parse(iso) - 1).toISOString());

/** A village's disclosure schedule (what is due, done, late), its archive and its rules. */
export function DisclosureSchedulePage() {
  const t = useT();
  const can = useCan();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const ownVillage = me.areaCode.length === 12 && !me.areaCode.endsWith('000') ? me.areaCode : undefined;
  const villageCode = params.get('village') ?? ownVillage;
  const [year, setYear] = useState(chinaYear(new Date()));
  const [publishing, setPublishing] = useState<
    { category: DisclosureCategory; period: string } | null | false
  >(false);
  const schedule = useDisclosureSchedule(villageCode, year);
  const archive = useDisclosures({ villageCode, year });
  const data = schedule.data;
  const count = (state: DisclosureScheduleItem['state']) =>
    data?.items.filter((i) => i.state === state).length ?? 0;

  const columns: TableColumnsType<DisclosureScheduleItem> = [
    {
      title: t('disclosures.col.category'),
      dataIndex: 'category',
      render: (_, i) => categoryLabel(t, i.category),
    },
    { title: t('disclosures.col.period'), dataIndex: 'period' },
    { title: t('disclosures.col.due'), dataIndex: 'dueAt', render: (_, i) => dueDay(i.dueAt) },
    {
      title: t('disclosures.col.state'),
      dataIndex: 'state',
      render: (_, i) => (
        <Tag color={stateColors[i.state]} data-testid={`schedule-${i.category}-${i.period}`}>
          {stateLabel(t, i.state)}
        </Tag>
      ),
    },
    {
      title: t('disclosures.col.published'),
      key: 'published',
      render: (_, i) =>
        i.publishedAt ? (
          formatDateTime(i.publishedAt)
        ) : can('notices.manage') && i.state !== 'open' ? (
          <Button size="small" onClick={() => setPublishing({ category: i.category, period: i.period })}>
            {t('disclosures.publish')}
          </Button>
        ) : null,
    },
  ];
  const archiveColumns: TableColumnsType<DisclosureSummary> = [
    { title: t('disclosures.col.title'), dataIndex: 'title' },
    {
      title: t('disclosures.col.category'),
      dataIndex: 'category',
      render: (_, d) => categoryLabel(t, d.category),
    },
    { title: t('disclosures.col.period'), dataIndex: 'period' },
    {
      title: t('disclosures.col.published'),
      dataIndex: 'publishedAt',
      render: (_, d) => (
        <Space size={4} wrap>
          {formatDateTime(d.publishedAt)}
          {!d.onTime && <Tag color="warning">{t('disclosures.state.published_late')}</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('disclosures.title')}
        extra={
          can('notices.manage') &&
          villageCode && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setPublishing(null)}
              data-testid="disclosure-publish"
            >
              {t('disclosures.publish')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('disclosures.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        {!ownVillage && (
          <VillageSelect
            value={villageCode}
            onChange={(code) => setParams({ village: code })}
            testId="disclosure-village"
          />
        )}
        <InputNumber
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => v && setYear(v)}
          addonBefore={t('disclosures.year')}
          style={{ width: 150 }}
        />
      </Flex>
      {!villageCode ? (
        <Typography.Paragraph>{t('disclosures.pickVillage')}</Typography.Paragraph>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card
            size="small"
            title={`${data?.villageName ?? ''} ${t('disclosures.schedule')}`}
            extra={data && <Tag>{t(`disclosures.cadence.${data.financeCadence}`)}</Tag>}
          >
            <Typography.Paragraph>
              {t('disclosures.summary', {
                onTime: count('on_time'),
                late: count('published_late'),
                overdue: count('overdue'),
              })}
            </Typography.Paragraph>
            <Table<DisclosureScheduleItem>
              rowKey={(i) => `${i.category}-${i.period}`}
              size="small"
              loading={schedule.isFetching}
              columns={columns}
              dataSource={data?.items ?? []}
              pagination={false}
              scroll={{ x: 560 }}
              data-testid="disclosure-schedule"
            />
          </Card>
          <Card size="small" title={t('disclosures.archive')}>
            <Table<DisclosureSummary>
              rowKey="id"
              size="small"
              loading={archive.isFetching}
              columns={archiveColumns}
              dataSource={archive.data?.items ?? []}
              expandable={{ expandedRowRender: (d) => <DisclosureText id={d.id} /> }}
              pagination={{ pageSize: 12 }}
              scroll={{ x: 560 }}
            />
          </Card>
          {data && can('notices.manage') && (
            <ScheduleRules
              villageCode={villageCode}
              cadence={data.financeCadence}
              startsOn={data.startsOn}
              version={data.version}
            />
          )}
        </Space>
      )}
      {can('disclosures.configure') && (
        <div style={{ marginTop: 16 }}>
          <DistrictRulesCard />
        </div>
      )}
      {villageCode && publishing !== false && (
        <DisclosurePublishDrawer
          open
          villageCode={villageCode}
          cadence={data?.financeCadence ?? 'monthly'}
          preset={publishing}
          onClose={() => setPublishing(false)}
        />
      )}
    </>
  );
}

/** A published disclosure's text, read when its row is opened. */
function DisclosureText({ id }: { id: string }) {
  const { data } = useDisclosure(id);
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
      {data?.content ?? ''}
    </Typography.Paragraph>
  );
}

/** How often the village publishes its finances, and from when its schedule counts. */
function ScheduleRules(props: {
  villageCode: string;
  cadence: 'monthly' | 'quarterly';
  startsOn: string | null;
  version: number;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const update = useUpdateSchedule();
  const [form] = Form.useForm<{ financeCadence: 'monthly' | 'quarterly'; startsOn: dayjs.Dayjs | null }>();
  useEffect(() => {
    form.setFieldsValue({
      financeCadence: props.cadence,
      startsOn: props.startsOn ? dayjs(props.startsOn) : null,
    });
  }, [form, props.cadence, props.startsOn]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await update.mutateAsync({
        villageCode: props.villageCode,
        body: {
          version: props.version,
          financeCadence: v.financeCadence,
          startsOn: v.startsOn ? v.startsOn.format('YYYY-MM-DD') : null,
        },
      });
      message.success(t('disclosures.scheduleSaved'));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Card size="small" title={t('disclosures.settingsTitle')}>
      <Form form={form} layout="inline" name="disclosure-rules" style={{ rowGap: 8 }}>
        <Form.Item name="financeCadence" label={t('disclosures.cadence')}>
          <Select
            style={{ width: 160 }}
            options={financeCadences.map((c) => ({ value: c, label: t(`disclosures.cadence.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="startsOn" label={t('disclosures.startsOn')}>
          <DatePicker allowClear />
        </Form.Item>
        <Button onClick={save} loading={update.isPending} data-testid="disclosure-rules-save">
          {t('disclosures.saveSchedule')}
        </Button>
      </Form>
    </Card>
  );
}
