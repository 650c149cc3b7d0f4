import {
  type BodyRule,
  type Meeting,
  type QuorumState,
  type RollEntry,
  type VoteCount,
  voteOutcome,
} from '@lianxin/common';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { PerMemberVotes, type VoteChoice } from './per-member-votes';

export type Decision = 'vote' | 'send_back' | 'adjourn';

const outcomeColors = {
  adopted: 'success',
  rejected: 'error',
  sent_back: 'warning',
  adjourned: 'default',
} as const;

/** A decided meeting: its outcome, the vote counts and the minutes. */
export function MeetingOutcome({ meeting }: { meeting: Meeting }) {
  const t = useT();
  return (
    <Card size="small" title={t('democracyWeb.meeting.outcome')} data-testid="meeting-outcome">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('democracyWeb.meeting.outcome')}>
          {meeting.outcome ? (
            <Tag color={outcomeColors[meeting.outcome]} data-testid="meeting-outcome-tag">
              {t(`democracy.outcome.${meeting.outcome}`)}
            </Tag>
          ) : (
            t(`democracy.meetingStatus.${meeting.status}`)
          )}
        </Descriptions.Item>
        {meeting.votes && (
          <Descriptions.Item label={t('democracyWeb.meeting.votes')}>
            {t('democracyWeb.meeting.voteCounts', meeting.votes)}
          </Descriptions.Item>
        )}
        {meeting.cancelReason && (
          <Descriptions.Item label={t('democracyWeb.meeting.cancelReason')}>
            {meeting.cancelReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      {meeting.minutes && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {meeting.minutes}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/**
 * The vote (for / against / abstain) and the minutes, with the outcome the shared rule gives as
 * they are typed; the server counts again and may refuse (no quorum, short notice).
 */
export function DecisionCard(props: {
  quorum: QuorumState;
  rule: BodyRule;
  saving: boolean;
  /** Those present and entitled to vote, for the optional record per member. */
  voters: readonly RollEntry[];
  onDecide: (
    decision: Decision,
    votes: VoteCount | null,
    minutes: string,
    perMember: { rollId: string; vote: VoteChoice }[] | null,
  ) => void;
}) {
  const t = useT();
  const [counts, setVotes] = useState<VoteCount>({ for: 0, against: 0, abstain: 0 });
  const [minutes, setMinutes] = useState('');
  // The record per member, when kept: the counts are then its tally.
  const [perMember, setPerMember] = useState<Map<string, VoteChoice> | null>(null);
  const recorded = useMemo(
    () =>
      perMember
        ? props.voters.flatMap((v) =>
            perMember.has(v.id) ? [{ rollId: v.id, vote: perMember.get(v.id) as VoteChoice }] : [],
          )
        : null,
    [perMember, props.voters],
  );
  const votes: VoteCount = recorded
    ? {
        for: recorded.filter((r) => r.vote === 'for').length,
        against: recorded.filter((r) => r.vote === 'against').length,
        abstain: recorded.filter((r) => r.vote === 'abstain').length,
      }
    : counts;
  const preview = voteOutcome(props.quorum, votes, props.rule);
  const cast = votes.for + votes.against + votes.abstain;
  const needMinutes = minutes.trim() === '';
  const setVote = (key: keyof VoteCount) => (value: number | null) =>
    setVotes((v) => ({ ...v, [key]: value ?? 0 }));

  return (
    <Card size="small" title={t('democracyWeb.meeting.decision')} data-testid="decision-card">
      <Form layout="vertical">
        <Flex gap={8} wrap>
          {(['for', 'against', 'abstain'] as const).map((key) => (
            <Form.Item
              key={key}
              label={t(`democracy.vote.${key}`)}
              style={{ flex: '1 1 90px', marginBottom: 8 }}
            >
              <InputNumber<number>
                min={0}
                max={100_000}
                precision={0}
                inputMode="numeric"
                value={votes[key]}
                onChange={setVote(key)}
                disabled={recorded !== null}
                style={{ width: '100%' }}
                data-testid={`vote-${key}`}
              />
            </Form.Item>
          ))}
        </Flex>
        <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
          <Switch
            size="small"
            checked={perMember !== null}
            onChange={(on) => setPerMember(on ? new Map() : null)}
            data-testid="per-member-switch"
          />
          <Typography.Text>{t('democracyWeb.vote.perMember')}</Typography.Text>
        </Flex>
        {perMember && (
          <PerMemberVotes
            voters={props.voters}
            votes={perMember}
            onChange={(rollId, vote) => setPerMember((m) => new Map(m).set(rollId, vote))}
          />
        )}
        <div data-testid="vote-preview" style={{ marginBottom: 12 }}>
          {'problem' in preview ? (
            <Alert
              type="warning"
              showIcon
              message={t(`democracyWeb.vote.problem.${preview.problem}`, {
                cast,
                present: props.quorum.present,
              })}
            />
          ) : (
            <Alert
              type={preview.adopted ? 'success' : 'info'}
              showIcon
              message={t(preview.adopted ? 'democracyWeb.vote.willAdopt' : 'democracyWeb.vote.willReject', {
                votes: votes.for,
                needed: props.quorum.votesNeeded,
              })}
            />
          )}
        </div>
        <Form.Item label={t('democracyWeb.meeting.minutes')} required>
          <Input.TextArea
            rows={5}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            placeholder={t('democracyWeb.meeting.minutesHint')}
            data-testid="meeting-minutes"
          />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button
            type="primary"
            size="large"
            loading={props.saving}
            disabled={needMinutes}
            onClick={() => props.onDecide('vote', votes, minutes, recorded)}
            data-testid="decide-vote"
          >
            {t('democracyWeb.meeting.recordVote')}
          </Button>
          <Popconfirm
            title={t('democracyWeb.meeting.sendBackConfirm')}
            onConfirm={() => props.onDecide('send_back', null, minutes, null)}
            disabled={needMinutes}
          >
            <Button disabled={needMinutes} data-testid="decide-send-back">
              {t('democracyWeb.meeting.sendBack')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('democracyWeb.meeting.adjournConfirm')}
            onConfirm={() => props.onDecide('adjourn', null, minutes, null)}
            disabled={needMinutes}
          >
            <Button danger disabled={needMinutes} data-testid="decide-adjourn">
              {t('democracyWeb.meeting.adjourn')}
            </Button>
          </Popconfirm>
        </Flex>
        {needMinutes && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('democracyWeb.meeting.minutesFirst')}
          </Typography.Text>
        )}
      </Form>
    </Card>
  );
}
