import type { RatingFollowUp } from '@lianxin/common';
import { App, Button, Card, Empty, Flex, Input, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDate } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { useFollowUpStep, useFollowUps } from './ratings.api';
import { ratingLabel } from './services-labels';

type Action = 'callback' | 'answer' | 'requestReview' | 'decideReview';

/** The text field and (for an answer or a decision) the choice each follow-up step asks for. */
function StepModal({
  target,
  onClose,
}: {
  target: { item: RatingFollowUp; action: Action } | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const step = useFollowUpStep();
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<string>('rectified');
  if (!target) return null;
  const { item, action } = target;
  const version = item.version;
  const body = () => {
    const words = text.trim();
    switch (action) {
      case 'callback':
        return { kind: action, body: { version, note: words } } as const;
      case 'answer':
        return {
          kind: action,
          body: { version, outcome: choice as 'rectified' | 'explained', answer: words },
        } as const;
      case 'requestReview':
        return { kind: action, body: { version, reason: words } } as const;
      case 'decideReview':
        return {
          kind: action,
          body: { version, decision: choice as 'upheld' | 'overturned', note: words },
        } as const;
    }
  };
  const titles: Record<Action, string> = {
    callback: t('servicesWeb.board.callBack'),
    answer: t('servicesWeb.board.answer'),
    requestReview: t('servicesWeb.board.askReview'),
    decideReview: t('servicesWeb.board.decideReview'),
  };
  const placeholders: Record<Action, string> = {
    callback: t('servicesWeb.board.callBackNote'),
    answer: t('servicesWeb.board.answerText'),
    requestReview: t('servicesWeb.board.reviewReason'),
    decideReview: t('servicesWeb.board.reviewNote'),
  };
  return (
    <Modal
      open
      title={titles[action]}
      onCancel={onClose}
      okButtonProps={{ disabled: !text.trim() }}
      confirmLoading={step.isPending}
      onOk={() =>
        step.mutate(
          { id: item.id, step: body() },
          {
            onSuccess: () => {
              message.success(t('servicesWeb.done'));
              setText('');
              onClose();
            },
            onError: showError,
          },
        )
      }
    >
      <Flex vertical gap={12}>
        {action === 'answer' && (
          <Radio.Group
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            options={(['rectified', 'explained'] as const).map((a) => ({
              value: a,
              label: t(`servicesWeb.answer.${a}`),
            }))}
          />
        )}
        {action === 'decideReview' && (
          <Radio.Group
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            options={[
              { value: 'upheld', label: t('servicesWeb.board.uphold') },
              { value: 'overturned', label: t('servicesWeb.board.overturn') },
            ]}
          />
        )}
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={placeholders[action]}
          aria-label={placeholders[action]}
          autoSize={{ minRows: 3 }}
          maxLength={2000}
        />
      </Flex>
    </Modal>
  );
}

/** 差评 follow-ups: call back, answer within the period (overdue in red), ask or decide a review. */
export function FollowUpsCard({ stationId }: { stationId?: string }) {
  const t = useT();
  const can = useCan();
  const list = useFollowUps({ ...(stationId ? { stationId } : {}) });
  const [target, setTarget] = useState<{ item: RatingFollowUp; action: Action } | null>(null);
  const items = (list.data?.items ?? []).filter(
    (f) => f.status === 'open' || f.status === 'review_requested',
  );
  const mayFollow = can('services.follow_up');
  const maySupervise = can('services.supervise');

  return (
    <Card
      title={t('servicesWeb.board.followUps')}
      extra={
        list.data &&
        list.data.overdue > 0 && <Tag color="red">{`${t('servicesWeb.overdue')} ${list.data.overdue}`}</Tag>
      }
      data-testid="follow-ups"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('servicesWeb.board.noFollowUps')} />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={items}
          renderItem={(f) => (
            <List.Item
              actions={[
                <Space key="acts" wrap>
                  {mayFollow && f.status === 'open' && !f.calledBackAt && (
                    <Button size="small" onClick={() => setTarget({ item: f, action: 'callback' })}>
                      {t('servicesWeb.board.callBack')}
                    </Button>
                  )}
                  {mayFollow && f.status === 'open' && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setTarget({ item: f, action: 'answer' })}
                    >
                      {t('servicesWeb.board.answer')}
                    </Button>
                  )}
                  {f.status === 'open' && !f.reviewRequestedAt && (
                    <Button size="small" onClick={() => setTarget({ item: f, action: 'requestReview' })}>
                      {t('servicesWeb.board.askReview')}
                    </Button>
                  )}
                  {maySupervise && f.status === 'review_requested' && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setTarget({ item: f, action: 'decideReview' })}
                    >
                      {t('servicesWeb.board.decideReview')}
                    </Button>
                  )}
                </Space>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Flex gap={6} wrap align="center">
                    {f.itemName}
                    <Tag color="volcano">
                      {t(`servicesWeb.party.${f.party}`)} · {ratingLabel(t, f.level)}
                    </Tag>
                    <Tag>{t(`servicesWeb.followUp.${f.status}`)}</Tag>
                  </Flex>
                }
                description={
                  <>
                    <div>
                      {f.applicantName} · {f.phoneMasked} · {f.stationName}
                      {f.agentName ? ` · ${f.agentName}` : ''}
                    </div>
                    {f.comment && <div>“{f.comment}”</div>}
                    {f.callbackNote && (
                      <div>{`${t('servicesWeb.board.callBackNote')}：${f.callbackNote}`}</div>
                    )}
                    <Typography.Text type={f.overdue ? 'danger' : 'secondary'} strong={f.overdue}>
                      {t('servicesWeb.board.followUpDue', { date: formatDate(f.dueAt) })}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <StepModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
