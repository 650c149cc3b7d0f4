import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import type { AppealLevel, AppealRating, AppealStatus, AppealUrgency } from '@lianxin/common';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type Translate, useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import {
  levelColors,
  levelLabel,
  ratingColors,
  ratingLabel,
  statusColors,
  statusLabel,
  urgencyColors,
  urgencyLabel,
} from './appeal-labels';

export function StatusTag({ status }: { status: AppealStatus }) {
  const t = useT();
  return (
    <Tag color={statusColors[status]} data-testid={`appeal-status-${status}`}>
      {statusLabel(t, status)}
    </Tag>
  );
}

export function LevelTag({ level }: { level: AppealLevel }) {
  const t = useT();
  return (
    <Tag color={levelColors[level]} bordered={false}>
      {levelLabel(t, level)}
    </Tag>
  );
}

/** Ordinary matters show no tag: only urgent and complex ones stand out. */
export function UrgencyTag({ urgency, always }: { urgency: AppealUrgency; always?: boolean }) {
  const t = useT();
  if (urgency === 'normal' && !always) return null;
  return <Tag color={urgencyColors[urgency]}>{urgencyLabel(t, urgency)}</Tag>;
}

export function RatingTag({ rating }: { rating: AppealRating | null }) {
  const t = useT();
  if (!rating) return null;
  return <Tag color={ratingColors[rating]}>{ratingLabel(t, rating)}</Tag>;
}

/** 已逾期 and 缓办待审批 flags of a queue row or the detail header. */
export function AppealFlags({ overdue, deferralPending }: { overdue: boolean; deferralPending: boolean }) {
  const t = useT();
  if (!overdue && !deferralPending) return null;
  return (
    <Space size={4} wrap={false}>
      {overdue && (
        <Tag color="error" icon={<ExclamationCircleOutlined />} data-testid="appeal-overdue">
          {t('appeals.overdue')}
        </Tag>
      )}
      {deferralPending && (
        <Tag color="purple" icon={<PauseCircleOutlined />} data-testid="appeal-deferral-pending">
          {t('appeals.deferralPending')}
        </Tag>
      )}
    </Space>
  );
}

/** The current time, refreshed every minute: countdowns move without a reload. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 天 3 小时", "5 小时 20 分", "12 分钟": a span rounded to what matters at its size. */
export function formatSpan(t: Translate, ms: number): string {
  const span = Math.abs(ms);
  if (span >= DAY) {
    return t('appeals.span.days', { d: Math.floor(span / DAY), h: Math.floor((span % DAY) / HOUR) });
  }
  if (span >= HOUR) {
    return t('appeals.span.hours', { h: Math.floor(span / HOUR), m: Math.floor((span % HOUR) / MINUTE) });
  }
  return t('appeals.span.minutes', { m: Math.max(1, Math.floor(span / MINUTE)) });
}

/**
 * A deadline as a countdown ("还剩 2 天 3 小时") or, once passed, in red ("已逾期 5 小时"); the
 * exact time shows on hover. A deadline that no longer binds (the appeal is done) is plain.
 */
export function Deadline({ due, active, now }: { due: string; active: boolean; now: number }) {
  const t = useT();
  const left = new Date(due).getTime() - now;
  if (!active) return <Typography.Text type="secondary">{formatDateTime(due)}</Typography.Text>;
  return (
    <Tooltip title={formatDateTime(due)}>
      <Typography.Text
        type={left < 0 ? 'danger' : left < DAY ? 'warning' : undefined}
        strong={left < 0}
        data-testid={left < 0 ? 'deadline-passed' : 'deadline-left'}
      >
        <ClockCircleOutlined style={{ marginInlineEnd: 4 }} />
        {left < 0
          ? t('appeals.due.overdueBy', { span: formatSpan(t, left) })
          : t('appeals.due.left', { span: formatSpan(t, left) })}
      </Typography.Text>
    </Tooltip>
  );
}
