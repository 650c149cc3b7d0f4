import { EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import { type Appeal, type AppealRating, appealRatings, CallbackBody } from '@lianxin/common';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { useSchemaForm } from '../../shared/forms';
import { useVersionConflict } from '../../shared/version-conflict';
import { ratingLabel } from './appeal-labels';
import { useAppeal, useRecordCallback, useRevealPhone } from './appeals.api';

interface FormValues {
  unreached?: boolean;
  rating?: AppealRating;
  comment?: string;
}

/**
 * The reporter with the masked number, and a button that asks the server for the whole one (each
 * reveal is in the audit log); the number then is a tel: link, so a phone dials it with one tap.
 */
function ReporterContact({ appeal }: { appeal: Appeal }) {
  const t = useT();
  const showError = useShowError();
  const reveal = useRevealPhone();
  const [phone, setPhone] = useState<string | null>(null);
  const name = appeal.reporterName ?? t('appeals.reporterKind.anonymous');
  if (!appeal.reporterPhone) return <span>{name}</span>;
  return (
    <Space size={8} wrap>
      <span>{name}</span>
      {phone ? (
        <Typography.Link href={`tel:${phone.replace(/[^\d+]/g, '')}`} data-testid="callback-phone-link">
          <PhoneOutlined /> {phone}
        </Typography.Link>
      ) : (
        <>
          <Typography.Text type="secondary">{appeal.reporterPhone}</Typography.Text>
          <Button
            size="small"
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            onClick={() =>
              reveal.mutate(appeal.id, {
                onSuccess: (answer) => setPhone(answer.phone),
                onError: showError,
              })
            }
            data-testid="callback-reveal-phone"
          >
            {t('callbacks.revealPhone')}
          </Button>
        </>
      )}
    </Space>
  );
}

/**
 * 回访: someone other than the handler asks the resident how it went. 满意 / 基本满意 closes the
 * appeal, 不满意 reopens it; "未联系上" records the attempt and leaves the callback open.
 */
export function CallbackModal(props: {
  appealId: string;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { appealId, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { data: appeal, refetch, isPending } = useAppeal(appealId);
  const record = useRecordCallback();
  const unreached = Form.useWatch('unreached', form) ?? false;
  const rating = Form.useWatch('rating', form);
  const { validate, handleError } = useSchemaForm(form, CallbackBody);
  const { conflict, catchConflict, alert } = useVersionConflict(async () => {
    await refetch();
  });

  const submit = (values: FormValues) => {
    if (!appeal) return;
    const reached = !values.unreached;
    const body = validate({
      version: appeal.version,
      // A call that did not get through has no rating.
      ...(reached && values.rating ? { rating: values.rating } : {}),
      comment: values.comment?.trim() ?? '',
      reached,
    });
    if (!body) return;
    record.mutate(
      { id: appeal.id, body },
      {
        onSuccess: () => {
          message.success(
            reached
              ? t('callbacks.done', { code: appeal.trackingCode })
              : t('callbacks.unreachedDone', { code: appeal.trackingCode }),
          );
          onClose();
        },
        onError: catchConflict(handleError),
      },
    );
  };

  return (
    <Modal
      title={t('callbacks.modalTitle', { code: appeal?.trackingCode ?? '' })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={unreached ? t('callbacks.saveUnreached') : t('callbacks.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: record.isPending,
        disabled: conflict || !appeal,
        'data-testid': 'callback-submit',
      }}
      width={600}
    >
      {alert}
      {isPending || !appeal ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'title', label: t('appeals.titleColumn'), children: appeal.title },
              {
                key: 'reporter',
                label: t('appeals.reporter'),
                children: <ReporterContact appeal={appeal} />,
              },
              { key: 'handler', label: t('appeals.handler'), children: appeal.handlerName ?? '—' },
              {
                key: 'resolvedAt',
                label: t('appeals.resolvedAt'),
                children: formatDateTime(appeal.resolvedAt),
              },
              {
                key: 'resolution',
                label: t('appeals.resolution'),
                children: (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {appeal.resolution}
                  </Typography.Paragraph>
                ),
              },
            ]}
          />
          <Form<FormValues> form={form} layout="vertical" name="appeal-callback" onFinish={submit}>
            <Form.Item name="unreached" valuePropName="checked">
              <Checkbox data-testid="callback-unreached">{t('callbacks.unreached')}</Checkbox>
            </Form.Item>
            {!unreached && (
              <Form.Item
                name="rating"
                label={t('callbacks.rating')}
                rules={[{ required: true, message: t('callbacks.ratingRule') }]}
              >
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={appealRatings.map((r) => ({ value: r, label: ratingLabel(t, r) }))}
                  data-testid="callback-rating"
                />
              </Form.Item>
            )}
            {!unreached && rating === 'unsatisfied' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('callbacks.unsatisfiedHint')}
              />
            )}
            <Form.Item name="comment" label={unreached ? t('callbacks.attemptNote') : t('callbacks.comment')}>
              <Input.TextArea rows={3} maxLength={1000} showCount data-testid="callback-comment" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
