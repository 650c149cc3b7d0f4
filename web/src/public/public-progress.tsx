import type { AppealStatus, PublicAppeal } from '@lianxin/common';
import { Alert, Card, Descriptions, Flex, Steps, Tag, Timeline, Typography } from 'antd';
import { type Translate, useT } from '../i18n/i18n';
import { formatDate, formatDateTime } from '../shared/dates';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

interface Progress {
  /** 0 已受理, 1 办理中, 2 已办结, 3 已评价. */
  current: number;
  status: StepStatus;
  /** A word under the current step, when the status says more than the step's title. */
  note: string | null;
}

/** Where an appeal stands on the four steps a resident knows: 已受理 → 办理中 → 已办结 → 已评价. */
function progressOf(appeal: PublicAppeal, t: Translate): Progress {
  const status: AppealStatus = appeal.status;
  switch (status) {
    case 'received':
      return { current: 0, status: 'process', note: t('public.steps.waiting') };
    case 'returned':
      return { current: 0, status: 'error', note: t('public.status.returned') };
    case 'accepted':
    case 'in_progress':
      return { current: 1, status: 'process', note: null };
    case 'deferred':
    case 'reopened':
    case 'merged':
      return { current: 1, status: 'process', note: t(`public.status.${status}`) };
    case 'resolved':
      return { current: 3, status: 'process', note: t('public.steps.rateNow') };
    case 'closed':
      return {
        current: 3,
        status: 'finish',
        note: appeal.rating ? t(`public.rate.${appeal.rating}`) : null,
      };
  }
}

const statusColors: Record<AppealStatus, string> = {
  received: 'blue',
  accepted: 'blue',
  in_progress: 'processing',
  deferred: 'orange',
  resolved: 'green',
  closed: 'default',
  returned: 'red',
  reopened: 'orange',
  merged: 'default',
};

type PublicEvent = PublicAppeal['timeline'][number];

/** A move between levels says where to ("转镇级办理"); other entries say what happened. */
function eventTitle(event: PublicEvent, t: Translate): string {
  const moved = event.kind === 'escalate' || event.kind === 'auto_escalate' || event.kind === 'send_down';
  return moved && event.toLevel
    ? t(`public.event.toLevel.${event.toLevel}`)
    : t(`public.event.${event.kind}`);
}

/** The resident's view of one appeal: steps, facts, the outcome and what has been done. */
export function PublicProgress({ appeal }: { appeal: PublicAppeal }) {
  const t = useT();
  const progress = progressOf(appeal, t);
  const stepTitles = [
    t('public.steps.received'),
    t('public.steps.handling'),
    t('public.steps.resolved'),
    t('public.steps.rated'),
  ];
  const done = appeal.status === 'resolved' || appeal.status === 'closed';
  const resolvedOn = done ? appeal.resolvedAt : null;
  // The server lists them oldest first (ties in the order they happened); the newest matters most.
  const events = [...appeal.timeline].reverse();

  return (
    <Flex vertical gap={12} data-testid="public-progress">
      <Card styles={{ body: { padding: '16px' } }}>
        <Flex vertical gap={8}>
          <Flex gap={8} wrap align="center">
            <Tag color={statusColors[appeal.status]} style={{ fontSize: 14, padding: '2px 8px' }}>
              {t(`public.status.${appeal.status}`)}
            </Tag>
            <Tag style={{ fontSize: 14, padding: '2px 8px' }} data-testid="public-level">
              {t(`public.level.${appeal.level}`)}
            </Tag>
          </Flex>
          <Typography.Title level={4} style={{ margin: 0 }} className="lx-public-pre">
            {appeal.title}
          </Typography.Title>
          <Steps
            orientation="vertical"
            size="small"
            current={progress.current}
            status={progress.status}
            style={{ marginTop: 8 }}
            items={stepTitles.map((title, index) => ({
              title,
              content: index === progress.current ? progress.note : null,
            }))}
            data-testid="public-steps"
          />
          {appeal.status === 'merged' && <Alert type="info" showIcon title={t('public.appeal.merged')} />}
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'code',
                label: t('public.appeal.code'),
                children: <Typography.Text code>{appeal.trackingCode}</Typography.Text>,
              },
              { key: 'village', label: t('public.appeal.village'), children: appeal.villageName },
              {
                key: 'received',
                label: t('public.appeal.receivedAt'),
                children: formatDateTime(appeal.receivedAt),
              },
              resolvedOn
                ? { key: 'resolved', label: t('public.appeal.resolvedAt'), children: formatDate(resolvedOn) }
                : {
                    key: 'expected',
                    label: t('public.appeal.expectedBy'),
                    children: <span data-testid="public-expected">{formatDate(appeal.expectedBy)}</span>,
                  },
            ]}
          />
        </Flex>
      </Card>
      {done && appeal.resolution && (
        <Card title={t('public.appeal.resolution')} size="small" data-testid="public-resolution">
          <Typography.Paragraph className="lx-public-pre" style={{ margin: 0 }}>
            {appeal.resolution}
          </Typography.Paragraph>
        </Card>
      )}
      <Card title={t('public.appeal.timeline')} size="small">
        <Timeline
          style={{ marginTop: 8 }}
          items={events.map((event, index) => ({
            key: `${event.at}-${event.kind}-${index}`,
            color:
              event.kind === 'return' || event.kind === 'reopened' ? 'red' : index === 0 ? 'blue' : 'gray',
            content: (
              <Flex vertical gap={2}>
                <Typography.Text strong>{eventTitle(event, t)}</Typography.Text>
                {event.kind === 'auto_escalate' && event.toLevel && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('public.event.automatic')}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatDateTime(event.at)}
                </Typography.Text>
                {event.note && (
                  <Typography.Text className="lx-public-pre" style={{ fontSize: 15 }}>
                    {event.note}
                  </Typography.Text>
                )}
              </Flex>
            ),
          }))}
          data-testid="public-timeline"
        />
      </Card>
    </Flex>
  );
}
