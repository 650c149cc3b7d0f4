import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { type PublicReceptionDay, receptionDaysApi } from '@lianxin/common';
import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { receptionTime } from '../../modules/reception/reception-time';
import { useVillageChoice } from '../village/village-choice';
import './reception.css';

function ReceptionCard({ day, now }: { day: PublicReceptionDay; now: number }) {
  const t = useT();
  const past = Date.parse(day.endsAt) < now;
  const cancelled = day.status === 'cancelled';
  return (
    <article
      className={`lx-reception-card${past || cancelled ? ' lx-reception-card-past' : ''}`}
      data-testid="public-reception-day"
    >
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong style={{ fontSize: 17 }}>
          {day.leaderName}
          <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 6 }}>
            {day.leaderPost}
          </Typography.Text>
        </Typography.Text>
        {cancelled ? (
          <Tag color="default">{t('public.reception.cancelled')}</Tag>
        ) : (
          past && <Tag>{t('public.reception.past')}</Tag>
        )}
      </Flex>
      <div className="lx-reception-line">
        <CalendarOutlined aria-hidden /> {receptionTime(day.startsAt, day.endsAt)}
      </div>
      <div className="lx-reception-line">
        <EnvironmentOutlined aria-hidden /> {day.area.name} · {day.place}
      </div>
      <Flex gap={4} wrap style={{ marginTop: 6 }}>
        <Typography.Text type="secondary">{t('public.reception.topics')}：</Typography.Text>
        {day.topics.map((topic) => (
          <Tag key={topic} color="blue">
            {topic}
          </Tag>
        ))}
      </Flex>
      {day.note && (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
          {day.note}
        </Typography.Paragraph>
      )}
    </article>
  );
}

/**
 * 领导接访: the residents' list of the coming (and last month's) reception days of their town and
 * the district — the village chosen on the home page, or the one in the link.
 */
export function PublicReceptionDaysPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [chosen] = useVillageChoice();
  const areaCode = params.get('area') ?? chosen ?? undefined;
  const { data, isPending } = useQuery({
    queryKey: ['public', 'reception-days', areaCode ?? null],
    queryFn: () => api(receptionDaysApi.publicList, { query: areaCode ? { areaCode } : {} }),
    staleTime: 60_000,
  });
  const now = Date.now();
  const items = data?.items ?? [];
  const coming = items.filter((d) => Date.parse(d.endsAt) >= now);
  const past = items.filter((d) => Date.parse(d.endsAt) < now).reverse();

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
        {t('public.reception.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('public.reception.lead')}
      </Typography.Paragraph>
      {isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={t('public.reception.empty')} />
      ) : (
        [...coming, ...past].map((day) => <ReceptionCard key={day.id} day={day} now={now} />)
      )}
    </Flex>
  );
}
