import type { AppealEvent, AppealEventKind } from '@lianxin/common';
import { Empty, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { eventLabel, levelLabel, statusLabel } from './appeal-labels';

const eventColors: Partial<Record<AppealEventKind, string>> = {
  submitted: 'blue',
  resolve: 'green',
  closed: 'green',
  rated: 'purple',
  callback: 'purple',
  escalate: 'orange',
  auto_escalate: 'red',
  warn_response: 'red',
  warn_resolution: 'red',
  reopened: 'red',
  return: 'gray',
  merge: 'gray',
  note: 'gray',
};

/** One entry: what happened, who did it and when, the status or level it moved, and its note. */
function EventContent({ event }: { event: AppealEvent }) {
  const t = useT();
  const statusMoved =
    event.fromStatus !== null && event.toStatus !== null && event.fromStatus !== event.toStatus;
  const levelMoved = event.fromLevel !== null && event.toLevel !== null;
  return (
    <div data-testid={`timeline-${event.kind}`}>
      <Space size={8} wrap>
        <Typography.Text strong>{eventLabel(t, event.kind)}</Typography.Text>
        <Typography.Text type="secondary">
          {event.actorName ?? t('appeals.timeline.system')} · {formatDateTime(event.at)}
        </Typography.Text>
        {event.public && (
          <Tooltip title={t('appeals.timeline.publicHint')}>
            <Tag bordered={false} color="cyan">
              {t('appeals.timeline.public')}
            </Tag>
          </Tooltip>
        )}
      </Space>
      {(statusMoved || levelMoved) && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {statusMoved &&
              event.fromStatus &&
              event.toStatus &&
              t('appeals.timeline.status', {
                from: statusLabel(t, event.fromStatus),
                to: statusLabel(t, event.toStatus),
              })}
            {statusMoved && levelMoved && t('common.listSeparator')}
            {levelMoved &&
              event.fromLevel &&
              event.toLevel &&
              t('appeals.timeline.level', {
                from: levelLabel(t, event.fromLevel),
                to: levelLabel(t, event.toLevel),
              })}
          </Typography.Text>
        </div>
      )}
      {event.note && <p className="lx-timeline-note">{event.note}</p>}
    </div>
  );
}

/** The appeal's history, oldest first, as the resident's file would read it. */
export function AppealTimeline({ events }: { events: AppealEvent[] }) {
  const t = useT();
  if (events.length === 0) return <Empty description={t('appeals.timeline.empty')} />;
  return (
    <Timeline
      items={events.map((event) => ({
        key: event.id,
        color: eventColors[event.kind] ?? 'blue',
        content: <EventContent event={event} />,
      }))}
      data-testid="appeal-timeline"
    />
  );
}
