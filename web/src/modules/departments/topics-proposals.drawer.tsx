import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { TopicProposal } from '@lianxin/common';
import { shiftMonth } from '@lianxin/common';
import { Button, Card, Drawer, Empty, Flex, Segmented, Space, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { chinaToday } from '../assessment/dashboard-location';
import { useTopicProposals } from './topics.api';
import { TopicPickModal } from './topics-pick.modal';

function Trend({ trend }: { trend: number | null }) {
  const t = useT();
  if (trend === null)
    return <Typography.Text type="secondary">{t('topics.proposals.trendNone')}</Typography.Text>;
  const up = trend > 0;
  return (
    <Typography.Text type={up ? 'danger' : 'success'}>
      {t('topics.proposals.trend')} {up ? <ArrowUpOutlined /> : trend < 0 ? <ArrowDownOutlined /> : null}
      {`${up ? '+' : ''}${Math.round(trend * 100)}%`}
    </Typography.Text>
  );
}

/**
 * 选题建议: the frequent categories of the three months before the chosen month in an area of the
 * caller's, and where they cluster, with counts per month and the trend; each may be picked.
 */
export function TopicProposalsDrawer(props: {
  open: boolean;
  onClose: () => void;
  onPicked: (id: string) => void;
}) {
  const t = useT();
  const thisMonth = chinaToday().slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const [areaCode, setAreaCode] = useState<string | undefined>(undefined);
  const { index } = useAreaIndex({ enabled: props.open });
  const areas = useMemo(() => toTreeNodes(index, (a) => a.kind !== 'group'), [index]);
  const { data, isFetching } = useTopicProposals({ month, areaCode }, props.open);
  const [picking, setPicking] = useState<TopicProposal | null>(null);

  return (
    <Drawer open={props.open} onClose={props.onClose} width={720} title={t('topics.proposals.title')}>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented
          value={month}
          onChange={setMonth}
          options={[thisMonth, shiftMonth(thisMonth, 1)]}
          data-testid="topic-proposals-month"
        />
        <TreeSelect
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('topics.proposals.area')}
          treeData={areas}
          value={areaCode}
          onChange={(v) => setAreaCode(v ?? undefined)}
        />
      </Flex>
      {data && (
        <Typography.Paragraph type="secondary">
          {t('topics.proposals.lead', { from: data.months[0] ?? '', to: data.months.at(-1) ?? '' })}
        </Typography.Paragraph>
      )}
      {data && data.items.length === 0 && !isFetching && <Empty description={t('topics.proposals.empty')} />}
      <Flex vertical gap={12} data-testid="topic-proposals">
        {(data?.items ?? []).map((p) => (
          <Card key={`${p.kind}-${p.categoryCode}-${p.areaCode}`} size="small">
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Space wrap>
                <Tag color={p.kind === 'category' ? 'blue' : p.kind === 'cluster' ? 'orange' : 'red'}>
                  {t(`topics.proposals.kind.${p.kind}`)}
                </Tag>
                <Typography.Text strong>
                  {p.areaName} · {p.categoryName}
                </Typography.Text>
                <Typography.Text>{t('topics.proposals.total', { count: p.total })}</Typography.Text>
                <Trend trend={p.trend} />
              </Space>
              {p.pickedTopicId ? (
                <Button size="small" onClick={() => props.onPicked(p.pickedTopicId ?? '')}>
                  {t('topics.proposals.picked')}
                </Button>
              ) : (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setPicking(p)}
                  data-testid={`topic-propose-${p.kind}-${p.categoryCode}-${p.areaCode}`}
                >
                  {t('topics.proposals.pick')}
                </Button>
              )}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.months.map((m) => `${m.month}: ${m.count}`).join('　')}
            </Typography.Text>
            {p.warning && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.warning.summary}
                </Typography.Text>
              </div>
            )}
          </Card>
        ))}
      </Flex>
      <TopicPickModal
        month={month}
        proposal={picking}
        onClose={() => setPicking(null)}
        onPicked={(id) => {
          setPicking(null);
          props.onPicked(id);
        }}
      />
    </Drawer>
  );
}
