import type { Notice, NoticeComment } from '@lianxin/common';
import { Button, Space, Tag, Timeline, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import type { NoticeAction } from './notice-actions';

/** The comments and objections in the order they came, each with its answer or its appeal. */
export function NoticeTimeline(props: {
  notice: Notice;
  manage: boolean;
  onAction: (action: NoticeAction) => void;
}) {
  const t = useT();
  const item = (c: NoticeComment) => {
    const objection = c.kind === 'objection';
    const handled = c.answer !== null || c.appealId !== null;
    return {
      key: c.id,
      color: objection ? (handled ? 'green' : 'red') : 'blue',
      children: (
        <div data-testid={`notice-comment-${c.id}`}>
          <Space size={4} wrap>
            <Tag color={objection ? 'red' : 'blue'}>{t(`notices.comment.kind.${c.kind}`)}</Tag>
            <Typography.Text strong>{c.authorName ?? t('notices.comment.anonymous')}</Typography.Text>
            {c.phoneMasked && <Typography.Text type="secondary">{c.phoneMasked}</Typography.Text>}
            <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
          </Space>
          <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Typography.Paragraph>
          {c.answer && (
            <div style={{ background: '#f6ffed', padding: '6px 10px', borderRadius: 6, marginBottom: 4 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('notices.comment.answeredBy', {
                  name: c.answeredBy ?? '—',
                  at: formatDateTime(c.answeredAt),
                })}
              </Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.answer}</div>
            </div>
          )}
          {c.appealTrackingCode && (
            <Tag color="purple">{t('notices.comment.appeal', { code: c.appealTrackingCode })}</Tag>
          )}
          {props.manage && (
            <Space size={0}>
              {c.answer === null && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => props.onAction({ kind: 'answer', comment: c })}
                  data-testid={`notice-answer-${c.id}`}
                >
                  {t('notices.action.answer')}
                </Button>
              )}
              {objection && c.appealId === null && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => props.onAction({ kind: 'appeal', comment: c })}
                  data-testid={`notice-appeal-${c.id}`}
                >
                  {t('notices.action.toAppeal')}
                </Button>
              )}
            </Space>
          )}
        </div>
      ),
    };
  };
  return <Timeline items={props.notice.commentsList.map(item)} />;
}
