import type { WarningDetail } from '@lianxin/common';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDate, formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { kindLabel, severityColors, severityLabel, statusColors, statusLabel } from './warning-labels';
import { useAcknowledgeWarning, useCloseWarning, useHandleWarning, useWarning } from './warnings.api';

type Step = 'handle' | 'close';

/** What a person with warnings.handle may do next: acknowledge, record handling, close. */
function WarningActions({ warning }: { warning: WarningDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const acknowledge = useAcknowledgeWarning();
  const handle = useHandleWarning();
  const close = useCloseWarning();
  const [step, setStep] = useState<Step | null>(null);
  const [form] = Form.useForm<{ note?: string; actions?: string }>();
  const done = () => {
    message.success(t('warnings.done'));
    setStep(null);
    form.resetFields();
  };
  const submit = async () => {
    const values = await form.validateFields();
    const note = values.note?.trim() ?? '';
    if (step === 'handle') {
      const actions = (values.actions ?? '')
        .split('\n')
        .map((a) => a.trim())
        .filter((a) => a.length > 0);
      handle.mutate(
        { id: warning.id, version: warning.version, note, actions },
        { onSuccess: done, onError: showError },
      );
    } else {
      close.mutate(
        { id: warning.id, version: warning.version, ...(note ? { note } : {}) },
        { onSuccess: done, onError: showError },
      );
    }
  };
  if (warning.status === 'closed') return null;
  return (
    <>
      <Space wrap>
        {warning.status === 'open' && (
          <Button
            type="primary"
            loading={acknowledge.isPending}
            data-testid="warning-acknowledge"
            onClick={() =>
              acknowledge.mutate(
                { id: warning.id, version: warning.version },
                { onSuccess: done, onError: showError },
              )
            }
          >
            {t('warnings.acknowledge')}
          </Button>
        )}
        <Button data-testid="warning-handle" onClick={() => setStep('handle')}>
          {t('warnings.handle')}
        </Button>
        {warning.status === 'handled' && (
          <Button danger data-testid="warning-close" onClick={() => setStep('close')}>
            {t('warnings.close')}
          </Button>
        )}
      </Space>
      <Modal
        open={step !== null}
        title={step === 'close' ? t('warnings.close') : t('warnings.handle')}
        onCancel={() => setStep(null)}
        onOk={submit}
        confirmLoading={handle.isPending || close.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="note"
            label={step === 'close' ? t('warnings.close.note') : t('warnings.handle.note')}
            rules={step === 'handle' ? [{ required: true, whitespace: true, max: 2000 }] : [{ max: 2000 }]}
          >
            <Input.TextArea rows={3} data-testid="warning-note" />
          </Form.Item>
          {step === 'handle' && (
            <Form.Item
              name="actions"
              label={t('warnings.handle.actions')}
              extra={t('warnings.handle.actionsHint')}
            >
              <Input.TextArea rows={3} data-testid="warning-actions" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** One warning: what raised it, the appeals it stands on, what was done, and the next step. */
export function WarningDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const { data: warning, isLoading } = useWarning(id);
  const by = (name: string | null, at: string | null) =>
    at ? t('warnings.detail.by', { name: name ?? '—', at: formatDateTime(at) }) : '—';
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={560}
      title={t('warnings.detail.title')}
      destroyOnHidden
    >
      {isLoading || !warning ? (
        <Spin />
      ) : (
        <Flex vertical gap={16} data-testid="warning-detail">
          <Space wrap>
            <Tag color={severityColors[warning.severity]}>{severityLabel(t, warning.severity)}</Tag>
            <Tag>{kindLabel(t, warning.kind)}</Tag>
            <Tag color={statusColors[warning.status]}>{statusLabel(t, warning.status)}</Tag>
            <Typography.Text type="secondary">{warning.areaName}</Typography.Text>
          </Space>
          <Typography.Text strong>{warning.summary}</Typography.Text>
          {can('warnings.handle') && <WarningActions warning={warning} />}
          <Descriptions size="small" column={1} bordered>
            {warning.words.length > 0 && (
              <Descriptions.Item label={t('warnings.detail.words')}>
                {warning.words.map((w) => (
                  <Tag key={w} color="red">
                    {w}
                  </Tag>
                ))}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('warnings.col.appeals')}>
              {t('warnings.col.appealsValue', {
                appeals: warning.appealCount,
                households: warning.householdCount,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('warnings.detail.span')}>
              {formatDate(warning.firstAt)} – {formatDate(warning.lastAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('warnings.col.raisedAt')}>
              {formatDateTime(warning.raisedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('warnings.detail.acknowledged')}>
              {by(warning.acknowledgedBy, warning.acknowledgedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('warnings.detail.handled')}>
              {by(warning.handledBy, warning.handledAt)}
            </Descriptions.Item>
            {warning.note && (
              <Descriptions.Item label={t('warnings.detail.note')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {warning.note}
                </Typography.Paragraph>
              </Descriptions.Item>
            )}
            {warning.actions.length > 0 && (
              <Descriptions.Item label={t('warnings.detail.actions')}>
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {warning.actions.map((a, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the same action may be listed twice.
                    <li key={i}>{a}</li>
                  ))}
                </ul>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('warnings.detail.closed')}>
              {by(warning.closedBy, warning.closedAt)}
            </Descriptions.Item>
          </Descriptions>
          <List
            size="small"
            header={<Typography.Text strong>{t('warnings.detail.evidence')}</Typography.Text>}
            bordered
            dataSource={warning.evidence}
            data-testid="warning-evidence"
            renderItem={(a) => (
              <List.Item extra={formatDate(a.receivedAt)}>
                <Link to={`/appeals/${a.id}`}>{a.title}</Link>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  {a.trackingCode}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Flex>
      )}
    </Drawer>
  );
}
