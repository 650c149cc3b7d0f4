import { PhoneOutlined } from '@ant-design/icons';
import { type Appeal, type AppealLevel, appealLevels, openAppealStatuses } from '@lianxin/common';
import { Alert, Card, Col, Descriptions, Row, Space, Steps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../shared/dates';
import { pathTo } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { useCategoryIndex } from './appeal-categories';
import { channelLabel, levelLabel, reporterKindLabel } from './appeal-labels';
import { AppealFlags, Deadline, RatingTag, StatusTag, UrgencyTag, useNow } from './appeal-tags';

/** 村级 → 镇级 → 区级: where the appeal is now, and the levels its timeline shows it has been at. */
function LevelPath({ appeal }: { appeal: Appeal }) {
  const t = useT();
  const current = appealLevels.indexOf(appeal.level);
  const visited = new Set<AppealLevel>([appeal.level]);
  for (const event of appeal.timeline) if (event.toLevel) visited.add(event.toLevel);
  return (
    <Steps
      size="small"
      current={current}
      style={{ maxWidth: 420 }}
      items={appealLevels.map((level, i) => ({
        title: levelLabel(t, level),
        status: i === current ? 'process' : visited.has(level) ? 'finish' : 'wait',
        content:
          i === current ? t('appeals.levelNow') : visited.has(level) ? t('appeals.levelWas') : undefined,
      }))}
      data-testid="appeal-level-path"
    />
  );
}

/** The appeal's facts, deadlines and level path, with what the caller may do now (`actions`). */
export function AppealSummaryCard({ appeal, actions }: { appeal: Appeal; actions: ReactNode }) {
  const t = useT();
  const now = useNow();
  const categories = useCategoryIndex();
  const { index } = useAreaIndex();
  const open = openAppealStatuses.includes(appeal.status);
  const villagePath = pathTo(index, appeal.villageCode).map((a) => a.name);
  const reporter =
    appeal.reporterKind === 'anonymous' ? (
      <Typography.Text type="secondary">{reporterKindLabel(t, 'anonymous')}</Typography.Text>
    ) : (
      <Space size={8} wrap>
        <span>{appeal.reporterName ?? '—'}</span>
        {appeal.reporterPhone && (
          <Typography.Text type="secondary">
            <PhoneOutlined /> {appeal.reporterPhone}
          </Typography.Text>
        )}
        <Tag bordered={false}>{reporterKindLabel(t, appeal.reporterKind)}</Tag>
        {appeal.householdId && (
          <Link to={`/households/${appeal.householdId}?tab=appeals`}>{t('appeals.openHousehold')}</Link>
        )}
      </Space>
    );

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space size={8} wrap>
          <span>{appeal.title}</span>
          <StatusTag status={appeal.status} />
          <UrgencyTag urgency={appeal.urgency} />
          <AppealFlags overdue={appeal.overdue} deferralPending={appeal.deferralPending} />
          <RatingTag rating={appeal.rating} />
        </Space>
      }
      data-testid="appeal-summary"
    >
      {actions}
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'code',
                label: t('appeals.trackingCode'),
                children: (
                  <Typography.Text code copyable data-testid="appeal-tracking-code">
                    {appeal.trackingCode}
                  </Typography.Text>
                ),
              },
              {
                key: 'category',
                label: t('appeals.category'),
                children: categories.name(appeal.categoryCode),
              },
              { key: 'channel', label: t('appeals.channel'), children: channelLabel(t, appeal.channel) },
              {
                key: 'urgency',
                label: t('appeals.urgency'),
                children: <UrgencyTag urgency={appeal.urgency} always />,
              },
              {
                key: 'village',
                label: t('appeals.village'),
                children: villagePath.length > 0 ? villagePath.join(' / ') : appeal.villageName,
              },
              { key: 'address', label: t('appeals.address'), children: appeal.address || '—' },
              { key: 'reporter', label: t('appeals.reporter'), span: 'filled', children: reporter },
              {
                key: 'handler',
                label: t('appeals.handler'),
                children: appeal.handlerName ?? (
                  <Typography.Text type="secondary">{t('appeals.unassigned')}</Typography.Text>
                ),
              },
              {
                key: 'received',
                label: t('appeals.receivedAt'),
                children: formatDateTime(appeal.receivedAt),
              },
              {
                key: 'responseDue',
                label: t('appeals.responseDue'),
                children: (
                  <Deadline due={appeal.responseDueAt} active={appeal.status === 'received'} now={now} />
                ),
              },
              {
                key: 'resolutionDue',
                label: t('appeals.resolutionDue'),
                children: <Deadline due={appeal.resolutionDueAt} active={open} now={now} />,
              },
              ...(appeal.acceptedAt
                ? [
                    {
                      key: 'accepted',
                      label: t('appeals.acceptedAt'),
                      children: formatDateTime(appeal.acceptedAt),
                    },
                  ]
                : []),
              ...(appeal.resolvedAt
                ? [
                    {
                      key: 'resolved',
                      label: t('appeals.resolvedAt'),
                      children: formatDateTime(appeal.resolvedAt),
                    },
                  ]
                : []),
              ...(appeal.closedAt
                ? [{ key: 'closed', label: t('appeals.closedAt'), children: formatDateTime(appeal.closedAt) }]
                : []),
              ...(appeal.reopenCount > 0
                ? [{ key: 'reopen', label: t('appeals.reopenCount'), children: appeal.reopenCount }]
                : []),
            ]}
          />
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 4 }}
            items={[
              {
                key: 'description',
                label: t('appeals.description'),
                children: (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {appeal.description}
                  </Typography.Paragraph>
                ),
              },
              ...(appeal.resolution
                ? [
                    {
                      key: 'resolution',
                      // A reopened appeal keeps the text of the resolution the resident rejected.
                      label: t(
                        appeal.resolvedAt === null ? 'appeals.previousResolution' : 'appeals.resolution',
                      ),
                      children: (
                        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                          {appeal.resolution}
                          {appeal.resolvedAt !== null && appeal.resolvedLevel && (
                            <Typography.Text type="secondary">
                              {' '}
                              （{t('appeals.resolvedAtLevel', { level: levelLabel(t, appeal.resolvedLevel) })}
                              ）
                            </Typography.Text>
                          )}
                        </Typography.Paragraph>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Typography.Text type="secondary">{t('appeals.levelPath')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <LevelPath appeal={appeal} />
          </div>
          {appeal.deferral && (
            <Alert
              style={{ marginTop: 16 }}
              type={appeal.deferral.approved ? 'info' : 'warning'}
              showIcon
              title={appeal.deferral.approved ? t('appeals.deferralApproved') : t('appeals.deferralPending')}
              description={t('appeals.deferralText', {
                reason: appeal.deferral.reason,
                date: formatDate(appeal.deferral.plannedDate),
              })}
              data-testid="appeal-deferral"
            />
          )}
          {appeal.mergedIntoId && (
            <Alert
              style={{ marginTop: 16 }}
              type="info"
              showIcon
              title={t('appeals.mergedInto')}
              action={<Link to={`/appeals/${appeal.mergedIntoId}`}>{t('appeals.openMerged')}</Link>}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
