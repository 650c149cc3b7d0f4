import { TeamOutlined } from '@ant-design/icons';
import type { Appeal } from '@lianxin/common';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { mediationOutcomeColors, mediationOutcomeLabel } from './appeal-labels';
import { Deadline, RatingTag, useNow } from './appeal-tags';
import { useMediation } from './mediation.api';

export function CallbackCard({ appeal }: { appeal: Appeal }) {
  const t = useT();
  const now = useNow();
  const callback = appeal.callback;
  return (
    <Card
      size="small"
      title={t('appeals.callbackTitle')}
      style={{ marginBottom: 16 }}
      data-testid="appeal-callback"
    >
      {!callback ? (
        <Typography.Text type="secondary">{t('appeals.callbackNone')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'due',
              label: t('callbacks.dueAt'),
              children: <Deadline due={callback.dueAt} active={callback.doneAt === null} now={now} />,
            },
            {
              key: 'done',
              label: t('callbacks.doneAt'),
              children: callback.doneAt ? (
                `${formatDateTime(callback.doneAt)}${callback.doneByName ? ` · ${callback.doneByName}` : ''}`
              ) : (
                <Typography.Text type="warning">{t('callbacks.pending')}</Typography.Text>
              ),
            },
            ...(callback.rating
              ? [
                  {
                    key: 'rating',
                    label: t('callbacks.rating'),
                    children: <RatingTag rating={callback.rating} />,
                  },
                ]
              : []),
            ...(callback.comment
              ? [{ key: 'comment', label: t('callbacks.comment'), children: callback.comment }]
              : []),
            ...(appeal.ratingComment && appeal.ratingComment !== callback.comment
              ? [{ key: 'ratingComment', label: t('appeals.ratingComment'), children: appeal.ratingComment }]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

/** The appeal's mediation with a link; for a dispute without one, the button that starts it. */
export function MediationCard(props: { appeal: Appeal; dispute: boolean; onStart: (() => void) | null }) {
  const { appeal, dispute, onStart } = props;
  const t = useT();
  const { data: mediation, isLoading } = useMediation(appeal.mediationId ?? '', {
    enabled: appeal.mediationId !== null,
  });
  const mediationId = appeal.mediationId;
  // A screening may have opened a mediation for any kind of matter: shown whenever there is one.
  if (!mediationId && !dispute) return null;
  return (
    <Card
      size="small"
      title={t('mediation.cardTitle')}
      style={{ marginBottom: 16 }}
      loading={isLoading}
      data-testid="appeal-mediation"
    >
      {mediationId ? (
        <Space orientation="vertical" size={4}>
          {mediation && (
            <Space size={8} wrap>
              {mediation.outcome ? (
                <Tag color={mediationOutcomeColors[mediation.outcome]}>
                  {mediationOutcomeLabel(t, mediation.outcome)}
                </Tag>
              ) : (
                <Tag color="processing">{t('mediation.ongoing')}</Tag>
              )}
              <Typography.Text type="secondary">
                {t('mediation.summary', {
                  parties: mediation.parties.length,
                  sessions: mediation.sessions.length,
                })}
              </Typography.Text>
            </Space>
          )}
          <Link to={`/mediations/${mediationId}`} data-testid="appeal-mediation-link">
            {t('mediation.open')}
          </Link>
        </Space>
      ) : onStart ? (
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('mediation.noneYet')}</Typography.Text>
          <Button icon={<TeamOutlined />} onClick={onStart} data-testid="appeal-start-mediation">
            {t('mediation.create')}
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('mediation.none')}</Typography.Text>
      )}
    </Card>
  );
}
