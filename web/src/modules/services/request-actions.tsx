import { PrinterOutlined } from '@ant-design/icons';
import { openProxyStatuses, type ProxyRequest } from '@lianxin/common';
import { App, Button, Checkbox, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useShowError } from '../../shared/feedback';
import { categoryName } from '../appeals/appeal-labels';
import { receiptPdfUrl, useAppealCategoryChoices, useProxyStep, useProxyToAppeal } from './requests.api';

/** Print the receipt, cancel with a reason, or turn the request into an appeal. */
export function RequestActions({ request }: { request: ProxyRequest }) {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const step = useProxyStep();
  const toAppeal = useProxyToAppeal();
  const [appealing, setAppealing] = useState(false);
  const categories = useAppealCategoryChoices(appealing);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [appealForm] = Form.useForm<{ title: string; description: string; categoryCode: string }>();
  const open = openProxyStatuses.includes(request.status);
  const hasReceipts = request.materials.some((m) => m.receiptNo);
  // A cancelled request hands back every original still held: the agent confirms it.
  const held = request.materials.filter((m) => m.receiptNo && !m.returnedAt);
  const [handedBack, setHandedBack] = useState(false);

  return (
    <Space wrap className="lx-no-print">
      {hasReceipts && (
        <Button
          icon={<PrinterOutlined />}
          href={receiptPdfUrl(request.id)}
          target="_blank"
          data-testid="print-receipt"
        >
          {t('servicesWeb.request.printReceipt')}
        </Button>
      )}
      {open && can('services.proxy') && !request.appealId && (
        <Button onClick={() => setAppealing(true)} data-testid="request-to-appeal">
          {t('servicesWeb.request.toAppeal')}
        </Button>
      )}
      {request.appealId && (
        <Button type="link" onClick={() => navigate(`/appeals/${request.appealId}`)}>
          {t('servicesWeb.request.appealLink')}
        </Button>
      )}
      {open && (
        <Button danger onClick={() => setCancelling(true)} data-testid="request-cancel">
          {t('servicesWeb.request.cancel')}
        </Button>
      )}
      <Modal
        open={cancelling}
        title={t('servicesWeb.request.cancel')}
        onCancel={() => setCancelling(false)}
        okButtonProps={{ danger: true, disabled: !reason.trim() || (held.length > 0 && !handedBack) }}
        confirmLoading={step.isPending}
        onOk={() =>
          step.mutate(
            {
              id: request.id,
              step: {
                kind: 'cancel',
                body: {
                  version: request.version,
                  reason: reason.trim(),
                  returnedMaterialIds: held.map((m) => m.id),
                },
              },
            },
            { onSuccess: () => setCancelling(false), onError: showError },
          )
        }
      >
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('servicesWeb.request.cancelReason')}
          maxLength={500}
          autoSize={{ minRows: 2 }}
        />
        {held.length > 0 && (
          <Checkbox
            checked={handedBack}
            onChange={(e) => setHandedBack(e.target.checked)}
            style={{ marginTop: 12 }}
            data-testid="cancel-originals-returned"
          >
            {t('servicesWeb.request.returned')}
            {held.map((m) => (
              <Typography.Text key={m.id} type="secondary" style={{ display: 'block' }}>
                {m.name} · {m.receiptNo}
              </Typography.Text>
            ))}
          </Checkbox>
        )}
      </Modal>
      <Modal
        open={appealing}
        title={t('servicesWeb.request.toAppeal')}
        onCancel={() => setAppealing(false)}
        confirmLoading={toAppeal.isPending}
        onOk={async () => {
          const values = await appealForm.validateFields();
          toAppeal.mutate(
            { id: request.id, body: { ...values, version: request.version } },
            {
              onSuccess: (made) => {
                setAppealing(false);
                message.success(made.trackingCode);
              },
              onError: showError,
            },
          );
        }}
      >
        <p>{t('servicesWeb.request.toAppealHint')}</p>
        <Form
          form={appealForm}
          layout="vertical"
          initialValues={{ title: request.itemName.slice(0, 60), description: request.description ?? '' }}
        >
          <Form.Item
            name="title"
            label={t('servicesWeb.request.appealTitle')}
            rules={[{ required: true, max: 60 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('servicesWeb.item.category')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(categories.data ?? []).map((c) => ({
                value: c.code,
                label: categoryName(c, locale),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('servicesWeb.request.notes')}
            rules={[{ required: true, max: 2000 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
