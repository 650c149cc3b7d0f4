import type { ReceptionDayAppeal } from '@lianxin/common';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Input,
  List,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useShowError } from '../../shared/feedback';
import { AppealPicker } from '../whistles/appeal-picker';
import { useLinkAppeal, useReceptionDay, useUpdateReceptionDay } from './reception.api';
import { receptionTime } from './reception-time';

/** A reception day's report: the figures, the appeals received there, linking one, the summary. */
export function ReceptionDayDrawer(props: { id: string | null; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data: day } = useReceptionDay(props.id);
  const link = useLinkAppeal();
  const update = useUpdateReceptionDay();
  const [appealId, setAppealId] = useState<string | undefined>();
  const [summary, setSummary] = useState<string | null>(null);
  const canManage = can('appeals.assign');

  const doLink = () => {
    if (!day || !appealId) return;
    link.mutate(
      { id: day.id, appealId },
      {
        onSuccess: () => {
          message.success(t('reception.linked'));
          setAppealId(undefined);
        },
        onError: showError,
      },
    );
  };

  const saveSummary = () => {
    if (!day || summary === null) return;
    update.mutate(
      { id: day.id, body: { version: day.version, summary: summary.trim() || null } },
      { onSuccess: () => message.success(t('reception.saved')), onError: showError },
    );
  };

  return (
    <Drawer
      title={t('reception.report')}
      open={props.id !== null}
      onClose={props.onClose}
      width={Math.min(640, typeof window === 'undefined' ? 640 : window.innerWidth)}
      destroyOnHidden
    >
      {day && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('reception.leaderName')}>
              {day.leaderName}（{day.leaderPost}）
            </Descriptions.Item>
            <Descriptions.Item label={t('reception.area')}>{day.area.name}</Descriptions.Item>
            <Descriptions.Item label={t('reception.time')}>
              {receptionTime(day.startsAt, day.endsAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reception.place')}>{day.place}</Descriptions.Item>
            <Descriptions.Item label={t('reception.topics')}>
              {day.topics.map((topic) => (
                <Tag key={topic}>{topic}</Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <Flex gap={24} wrap data-testid="reception-report">
            <Statistic title={t('reception.received')} value={day.report.received} />
            <Statistic title={t('reception.resolvedOnSpot')} value={day.report.resolvedOnSpot} />
            <Statistic title={t('reception.dispatched')} value={day.report.dispatched} />
          </Flex>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('reception.appeals')}
          </Typography.Title>
          {canManage && (
            <Flex gap={8}>
              <div style={{ flex: 1 }}>
                <AppealPicker
                  value={appealId}
                  onChange={setAppealId}
                  placeholder={t('reception.linkHint')}
                  data-testid="reception-link-appeal"
                />
              </div>
              <Button
                onClick={doLink}
                loading={link.isPending}
                disabled={!appealId}
                data-testid="reception-link"
              >
                {t('reception.linkAppeal')}
              </Button>
            </Flex>
          )}
          {day.appeals.length === 0 ? (
            <Empty description={t('reception.noAppeals')} />
          ) : (
            <List<ReceptionDayAppeal>
              size="small"
              dataSource={day.appeals}
              renderItem={(a) => (
                <List.Item>
                  <Space wrap>
                    <Link to={`/appeals/${a.id}`}>{`${a.trackingCode} ${a.title}`}</Link>
                    <Typography.Text type="secondary">{a.villageName}</Typography.Text>
                    {a.resolvedOnSpot && <Tag color="success">{t('reception.resolvedOnSpot')}</Tag>}
                    {a.dispatched && <Tag color="blue">{t('reception.dispatched')}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('reception.summary')}
          </Typography.Title>
          {canManage ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                rows={3}
                maxLength={2000}
                value={summary ?? day.summary ?? ''}
                onChange={(e) => setSummary(e.target.value)}
                data-testid="reception-summary"
              />
              <Button onClick={saveSummary} loading={update.isPending} disabled={summary === null}>
                {t('common.save')}
              </Button>
            </Space>
          ) : (
            <Typography.Paragraph>{day.summary ?? '—'}</Typography.Paragraph>
          )}
        </Space>
      )}
    </Drawer>
  );
}
