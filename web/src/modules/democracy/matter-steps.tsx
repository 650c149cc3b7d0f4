import { deliberationSteps, type Matter, type Meeting } from '@lianxin/common';
import { Space, Steps, type StepsProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';

const outcomeColors = {
  adopted: 'success',
  rejected: 'error',
  sent_back: 'warning',
  adjourned: 'default',
} as const;

const stepIndex: Partial<Record<Matter['status'], number>> = {
  proposing: 0,
  consulting: 1,
  reviewing: 2,
  deciding: 3,
  adopted: 4,
  carrying_out: 5,
  result_published: 6,
  closed: 6,
};

function MeetingLine({ meeting }: { meeting: Meeting }) {
  const t = useT();
  return (
    <div style={{ marginTop: 4 }}>
      <Link to={`/democracy/meetings/${meeting.id}`} data-testid={`meeting-link-${meeting.id}`}>
        {dayjs(meeting.heldAt).format('YYYY-MM-DD')} {t(`democracy.body.${meeting.body}`)}
      </Link>{' '}
      {meeting.outcome ? (
        <Tag color={outcomeColors[meeting.outcome]}>{t(`democracy.outcome.${meeting.outcome}`)}</Tag>
      ) : (
        <Tag color={meeting.status === 'cancelled' ? 'default' : 'processing'}>
          {t(`democracy.meetingStatus.${meeting.status}`)}
        </Tag>
      )}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('democracyWeb.matter.attendanceLine', {
          present: meeting.quorum.present,
          entitled: meeting.quorum.entitled,
        })}
        {meeting.votes ? ` · ${t('democracyWeb.meeting.voteCounts', meeting.votes)}` : ''}
      </Typography.Text>
      {meeting.minutes && (
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 2, expandable: true, symbol: t('democracyWeb.more') }}
          style={{ fontSize: 12, margin: 0, whiteSpace: 'pre-wrap' }}
        >
          {meeting.minutes}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/**
 * The matter's way in order: the four deliberations, each with its meetings (outcome, attendance,
 * votes, minutes), then the resolution and the result made public.
 */
export function MatterSteps({ matter, meetings }: { matter: Matter; meetings: readonly Meeting[] }) {
  const t = useT();
  const current = stepIndex[matter.status] ?? 0;
  const finished = matter.status === 'closed';
  const failed = matter.status === 'rejected' || matter.status === 'withdrawn';
  const statusOf = (i: number): NonNullable<StepsProps['items']>[number]['status'] => {
    if (finished || i < current) return 'finish';
    if (i === current) return failed ? 'error' : 'process';
    return 'wait';
  };

  const deliberations = deliberationSteps.map((step, i) => {
    const info = matter.steps.find((s) => s.step === step);
    const held = meetings.filter((m) => m.step === step).sort((a, b) => a.heldAt.localeCompare(b.heldAt));
    return {
      title: t(`democracy.step.${step}`),
      status: statusOf(i),
      description: (
        <Space direction="vertical" size={0} data-testid={`step-${step}`}>
          {info?.skipped && (
            <Typography.Text type="warning">
              {t('democracyWeb.matter.skipped', { reason: info.skipReason ?? '' })}
            </Typography.Text>
          )}
          {held.map((m) => (
            <MeetingLine key={m.id} meeting={m} />
          ))}
        </Space>
      ),
    };
  });

  const publicity = (what: 'resolution' | 'result', noticeId: string | null, i: number) => ({
    title: t(`democracyWeb.column.${what}`),
    status: statusOf(i),
    description: noticeId ? (
      <Link to={`/notices/${noticeId}`} data-testid={`${what}-notice`}>
        {t('democracyWeb.matter.seeNotice')}
      </Link>
    ) : null,
  });

  return (
    <Steps
      direction="vertical"
      size="small"
      current={Math.min(current, 5)}
      items={[
        ...deliberations,
        publicity('resolution', matter.resolutionNoticeId, 4),
        publicity('result', matter.resultNoticeId, 5),
      ]}
    />
  );
}
