import { BulbOutlined } from '@ant-design/icons';
import { type MonthlyTopicSummary, type TopicStatus, topicStatuses } from '@lianxin/common';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Progress,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { PageHeader } from '../../shared/page-header';
import { useTopics } from './topics.api';
import { TopicDetailDrawer, topicStatusColor } from './topics-detail.drawer';
import { TopicProposalsDrawer } from './topics-proposals.drawer';

/**
 * 每月一题: the month's topics of the caller's area (a department: those it leads), each opened
 * in a drawer with its outcome; the district reads the proposals and picks.
 */
export function TopicsPage() {
  const t = useT();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<TopicStatus | 'all'>('all');
  const [proposing, setProposing] = useState(false);
  const { data, isFetching } = useTopics({
    ...(month ? { month } : {}),
    ...(status === 'all' ? {} : { status }),
  });
  const openId = params.get('topic');
  const show = (id: string | null) => setParams(id ? { topic: id } : {}, { replace: true });

  const columns: TableColumnsType<MonthlyTopicSummary> = [
    { title: t('topics.month'), dataIndex: 'month', width: 90 },
    {
      title: t('topics.pick.topicTitle'),
      dataIndex: 'title',
      render: (title: string, topic) => (
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={() => show(topic.id)}
          data-testid={`topic-${topic.id}`}
        >
          {title}
        </Button>
      ),
    },
    { title: t('topics.area'), dataIndex: 'areaName', width: 120 },
    { title: t('topics.category'), dataIndex: 'categoryName', width: 110 },
    { title: t('topics.leadUnit'), key: 'lead', width: 130, render: (_, topic) => topic.leadUnit.name },
    {
      title: t('topics.goal'),
      dataIndex: 'goalPercent',
      width: 120,
      render: (percent: number) => t('topics.goalShort', { percent }),
    },
    {
      title: t('topics.measuresDone'),
      key: 'measures',
      width: 130,
      render: (_, topic) =>
        topic.measureCount === 0 ? (
          '—'
        ) : (
          <Progress
            size="small"
            percent={Math.round((topic.measuresDone / topic.measureCount) * 100)}
            format={() => `${topic.measuresDone}/${topic.measureCount}`}
          />
        ),
    },
    { title: t('topics.appeals'), dataIndex: 'appealCount', width: 90, align: 'right' },
    {
      title: t('topics.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: TopicStatus) => <Tag color={topicStatusColor[s]}>{t(`topics.status.${s}`)}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('topics.title')}
        extra={
          can('topics.manage') && (
            <Button
              type="primary"
              icon={<BulbOutlined />}
              onClick={() => setProposing(true)}
              data-testid="topic-propose"
            >
              {t('topics.propose')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('topics.lead')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          <DatePicker
            picker="month"
            placeholder={t('topics.month')}
            value={month ? dayjs(`${month}-01`) : null}
            onChange={(value) => setMonth(value ? value.format('YYYY-MM') : undefined)}
            data-testid="topics-month"
          />
          <Segmented<TopicStatus | 'all'>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: t('topics.status.all') },
              ...topicStatuses.map((s) => ({ value: s, label: t(`topics.status.${s}`) })),
            ]}
            data-testid="topics-status"
          />
        </Flex>
      </Card>
      <Table<MonthlyTopicSummary>
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('topics.empty') }}
        data-testid="topics-table"
      />
      <TopicDetailDrawer id={openId} onClose={() => show(null)} />
      <TopicProposalsDrawer
        open={proposing}
        onClose={() => setProposing(false)}
        onPicked={(id) => {
          setProposing(false);
          show(id);
        }}
      />
    </>
  );
}
