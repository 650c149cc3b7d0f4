import type { Appeal, Dispatch, DispatchAction } from '@lianxin/common';
import { App, Button, Card, Descriptions, Empty, List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { useModalTarget } from '../../shared/use-modal-target';
import { useAppealDispatches, useDispatchStep } from './dispatch.api';
import { DispatchTags } from './dispatch-labels';
import { DispatchStepModal, type FormStep } from './dispatch-step.modal';

const primary: readonly DispatchAction[] = ['accept', 'resolve', 'part', 'redispatch'];

/** The buttons of what the caller may do with one dispatch; accepting needs nothing more. */
export function DispatchButtons(props: {
  dispatch: Dispatch;
  onStep: (step: FormStep) => void;
  /** Steps not offered here. */
  exclude?: readonly DispatchAction[];
}) {
  const { dispatch } = props;
  const actions = dispatch.actions.filter((a) => !props.exclude?.includes(a));
  const t = useT();
  const showError = useShowError();
  const { message } = App.useApp();
  const run = useDispatchStep();
  if (actions.length === 0) return null;
  return (
    <Space wrap size={8}>
      {actions.map((action) =>
        action === 'accept' ? (
          <Button
            key={action}
            type="primary"
            size="small"
            loading={run.isPending}
            data-testid="dispatch-accept"
            onClick={() =>
              run.mutate(
                { step: 'accept', id: dispatch.id, version: dispatch.version },
                {
                  onSuccess: () =>
                    message.success(t('dispatch.step.done', { action: t('dispatch.action.accept') })),
                  onError: showError,
                },
              )
            }
          >
            {t('dispatch.action.accept')}
          </Button>
        ) : (
          <Button
            key={action}
            size="small"
            type={primary.includes(action) ? 'primary' : 'default'}
            danger={action === 'return'}
            data-testid={`dispatch-${action}`}
            onClick={() => props.onStep(action)}
          >
            {t(`dispatch.action.${action}`)}
          </Button>
        ),
      )}
    </Space>
  );
}

function DispatchItem({ dispatch, onStep }: { dispatch: Dispatch; onStep: (step: FormStep) => void }) {
  const t = useT();
  return (
    <List.Item data-testid="dispatch-item">
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{dispatch.unit.name}</Typography.Text>
          <DispatchTags dispatch={dispatch} />
        </Space>
        <Descriptions size="small" column={1} colon>
          <Descriptions.Item label={t(dispatch.role === 'lead' ? 'dispatch.due' : 'dispatch.partDue')}>
            {formatDateTime(dispatch.dueAt)}
          </Descriptions.Item>
          {dispatch.actions.includes('return') && (
            <Descriptions.Item label={t('dispatch.returnableUntil')}>
              {formatDateTime(dispatch.returnableUntil)}
            </Descriptions.Item>
          )}
          {dispatch.returnReason && (
            <Descriptions.Item label={t('dispatch.returnReason')}>{dispatch.returnReason}</Descriptions.Item>
          )}
          {dispatch.decision && (
            <Descriptions.Item label={t(`dispatch.decision.${dispatch.decision}`)}>
              {dispatch.decisionNote ?? '—'}
            </Descriptions.Item>
          )}
          {dispatch.part && <Descriptions.Item label={t('dispatch.part')}>{dispatch.part}</Descriptions.Item>}
        </Descriptions>
        <DispatchButtons dispatch={dispatch} onStep={onStep} />
      </Space>
    </List.Item>
  );
}

/** 派单与承办 on an appeal's page: every dispatch of it, with what the caller may do with each. */
export function DispatchCard(props: { appeal: Appeal; extra?: ReactNode }) {
  const { appeal } = props;
  let extra = props.extra;
  const t = useT();
  const { data } = useAppealDispatches(appeal.id);
  const step = useModalTarget<{ dispatch: Dispatch; step: FormStep }>();
  const dispatches = data ?? [];
  // One lead at a time: a new dispatch only when no unit leads it or a return waits for a decision.
  const led = dispatches.some(
    (d) =>
      d.role === 'lead' &&
      (d.status === 'pending' || d.status === 'accepted' || (d.status === 'returned' && !d.decision)),
  );
  if (led) extra = undefined;
  if (dispatches.length === 0 && !extra) return null;
  return (
    <Card
      size="small"
      title={t('dispatch.card.title')}
      extra={extra}
      style={{ marginBottom: 16 }}
      data-testid="dispatch-card"
    >
      {dispatches.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.card.empty')} />
      ) : (
        <List
          size="small"
          dataSource={dispatches}
          rowKey="id"
          renderItem={(d) => (
            <DispatchItem dispatch={d} onStep={(s) => step.show({ dispatch: d, step: s })} />
          )}
        />
      )}
      {step.target && (
        <DispatchStepModal
          dispatch={step.target.dispatch}
          step={step.target.step}
          appeal={appeal}
          open={step.open}
          onClose={step.hide}
          afterClose={step.afterClose}
        />
      )}
    </Card>
  );
}
