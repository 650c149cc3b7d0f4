import { type Attendance, bodyRuleOf, type Meeting, meetingsApi, type VoteCount } from '@lianxin/common';
import { Alert, Button, Card, Descriptions, Flex, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useDownload } from '../../shared/download';
import { BackBreadcrumb, LoadFailed } from '../../shared/record-page';
import { AttendanceTaps } from './attendance-taps';
import { useDecideMeeting, useDemocracySettings, useMeeting, useSaveAttendance } from './democracy.api';
import { type Decision, DecisionCard, MeetingOutcome } from './meeting-decision.card';
import type { VoteChoice } from './per-member-votes';
import { liveQuorum, QuorumPanel } from './quorum-panel';

type Marks = Map<string, Attendance | null>;

const marksOf = (meeting: Meeting): Marks => new Map(meeting.roll.map((r) => [r.id, r.attendance]));

/**
 * Recording a meeting on a tablet or phone: attendance by tapping names, the quorum live by the
 * body's rule, then the vote and the minutes. The server's refusal is shown as it words it.
 */
export function MeetingPage() {
  const t = useT();
  const can = useCan();
  const { id = '' } = useParams();
  const meetingQuery = useMeeting(id);
  const settings = useDemocracySettings();
  const saveAttendance = useSaveAttendance();
  const decide = useDecideMeeting();
  const download = useDownload();
  const meeting = meetingQuery.data;
  const [marks, setMarks] = useState<Marks>(new Map());
  const [refusal, setRefusal] = useState<string | null>(null);

  // The marks follow the meeting as loaded (and as saved), the taps change them locally.
  useEffect(() => {
    if (meeting) setMarks(marksOf(meeting));
  }, [meeting]);

  const rule = useMemo(
    () => (meeting && settings.data ? bodyRuleOf(meeting.body, settings.data) : null),
    [meeting, settings.data],
  );
  const quorum = useMemo(
    () => (meeting && rule ? liveQuorum(meeting.body, meeting.roll, marks, rule) : null),
    [meeting, rule, marks],
  );
  const changed = useMemo(
    () => (meeting ? meeting.roll.filter((r) => (marks.get(r.id) ?? null) !== r.attendance) : []),
    [meeting, marks],
  );

  if (meetingQuery.error)
    return <LoadFailed error={meetingQuery.error} onRetry={() => meetingQuery.refetch()} />;
  if (!meeting || !rule || !quorum) return <Spin style={{ display: 'block', marginTop: 48 }} />;

  const open = meeting.status === 'scheduled' && can('democracy.manage');
  const showRefusal = (error: unknown) =>
    setRefusal(error instanceof ApiError ? error.message : t('error.unexpected'));

  /** Saves the taps; answers the meeting's version to write with next. */
  const save = async (): Promise<number> => {
    if (changed.length === 0) return meeting.version;
    const saved = await saveAttendance.mutateAsync({
      id,
      body: {
        version: meeting.version,
        entries: changed.map((r) => ({ rollId: r.id, attendance: marks.get(r.id) ?? null })),
      },
    });
    return saved.version;
  };

  const onDecide = async (
    decision: Decision,
    votes: VoteCount | null,
    minutes: string,
    perMember: { rollId: string; vote: VoteChoice }[] | null,
  ) => {
    setRefusal(null);
    try {
      const version = await save();
      await decide.mutateAsync({ id, body: { version, decision, votes, minutes, perMember } });
    } catch (error) {
      showRefusal(error);
    }
  };

  const onSave = async () => {
    setRefusal(null);
    try {
      await save();
    } catch (error) {
      showRefusal(error);
    }
  };

  // A refusal was about the attendance as it was; a new tap makes it stale.
  const mark = (rollId: string, attendance: Attendance | null) => {
    setRefusal(null);
    setMarks((m) => new Map(m).set(rollId, attendance));
  };
  const markRest = (attendance: Attendance) => {
    setRefusal(null);
    setMarks((m) => new Map([...m].map(([k, v]) => [k, v ?? attendance])));
  };

  return (
    <>
      <BackBreadcrumb
        listPath={`/democracy/matters/${meeting.matterId}`}
        listTitle={meeting.matterTitle}
        current={t(`democracy.body.${meeting.body}`)}
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t(`democracy.body.${meeting.body}`)}
        </Typography.Title>
        <Space>
          {meeting.status === 'decided' && (
            <Button
              size="small"
              onClick={() =>
                download.start({
                  title: t('democracyWeb.export.minutes'),
                  contract: meetingsApi.minutesPdf,
                  input: { params: { id } },
                  fileName: `${meeting.matterTitle}-${t(`democracy.body.${meeting.body}`)}.pdf`,
                })
              }
              data-testid="minutes-pdf"
            >
              {t('democracyWeb.export.minutes')}
            </Button>
          )}
          <Tag color={meeting.status === 'scheduled' ? 'processing' : 'default'}>
            {t(`democracy.meetingStatus.${meeting.status}`)}
          </Tag>
        </Space>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('democracyWeb.meeting.matter')}>
          <Link to={`/democracy/matters/${meeting.matterId}`}>{meeting.matterTitle}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('democracyWeb.meeting.step')}>
          {t(`democracy.step.${meeting.step}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('democracyWeb.meeting.heldAt')}>
          {dayjs(meeting.heldAt).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
        <Descriptions.Item label={t('democracyWeb.meeting.place')}>{meeting.place}</Descriptions.Item>
        <Descriptions.Item label={t('democracyWeb.meeting.noticeDate')}>
          {t('democracyWeb.meeting.noticeDays', { date: meeting.noticeDate, days: meeting.noticeDays })}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('democracyWeb.meeting.agenda')} style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {meeting.agenda}
        </Typography.Paragraph>
      </Card>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {meeting.noticeSufficient === false && (
          <Alert
            type="error"
            showIcon
            data-testid="notice-short"
            message={t('democracy.notice.short', { days: settings.data?.villagersNoticeDays ?? 10 })}
          />
        )}
        <QuorumPanel quorum={quorum} rule={rule} body={meeting.body} />
        <Card
          size="small"
          title={t('democracyWeb.meeting.attendance', { count: meeting.roll.length })}
          extra={
            open && (
              <Button
                type={changed.length > 0 ? 'primary' : 'default'}
                disabled={changed.length === 0}
                loading={saveAttendance.isPending}
                onClick={onSave}
                data-testid="attendance-save"
              >
                {changed.length > 0
                  ? t('democracyWeb.attendance.save', { count: changed.length })
                  : t('democracyWeb.attendance.saved')}
              </Button>
            )
          }
        >
          <AttendanceTaps
            roll={meeting.roll}
            attendance={marks}
            onChange={mark}
            onMarkRest={markRest}
            disabled={!open}
          />
        </Card>
        {refusal && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setRefusal(null)}
            message={t('democracyWeb.meeting.refused')}
            description={refusal}
            data-testid="meeting-refusal"
          />
        )}
        {open ? (
          <DecisionCard
            quorum={quorum}
            rule={rule}
            saving={decide.isPending || saveAttendance.isPending}
            voters={meeting.roll.filter((r) => r.entitled && marks.get(r.id) === 'present')}
            onDecide={onDecide}
          />
        ) : (
          <MeetingOutcome meeting={meeting} />
        )}
      </Space>
      {download.modal}
    </>
  );
}
