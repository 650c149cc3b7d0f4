import { ProxyRequestCreateBody } from '@lianxin/common';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useMe } from '../../session/session';
import { useShowError } from '../../shared/feedback';
import { AreaFilterSelect } from '../areas/area-filter-select';
import { useServiceItems } from './catalogue.api';
import { useCreateProxyRequest } from './requests.api';

interface Values {
  itemId: string;
  channel: 'visit' | 'station';
  applicantName: string;
  phone: string;
  areaCode: string;
  description: string;
}

/** 登记代办: a cadre records a request on a visit or at the station's counter. */
export function RequestCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const items = useServiceItems({ proxyAllowed: 'true', limit: 200 });
  const create = useCreateProxyRequest();

  const save = async () => {
    const values = await form.validateFields();
    const body = ProxyRequestCreateBody.safeParse(values);
    if (!body.success) {
      message.error(body.error.issues[0]?.message ?? t('error.unexpected'));
      return;
    }
    create.mutate(body.data, {
      onSuccess: (request) => {
        onClose();
        form.resetFields();
        navigate(`/services/requests/${request.id}`);
      },
      onError: showError,
    });
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={save}
      okText={t('servicesWeb.save')}
      confirmLoading={create.isPending}
      title={t('servicesWeb.request.create')}
      okButtonProps={{ 'data-testid': 'request-create-save' } as Record<`data-${string}`, string>}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ channel: 'visit', areaCode: me.areaCode, description: '' }}
      >
        <Form.Item name="itemId" label={t('servicesWeb.request.item')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={items.isPending}
            options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('servicesWeb.request.channel')}>
          <Radio.Group
            optionType="button"
            options={(['visit', 'station'] as const).map((c) => ({
              value: c,
              label: t(`servicesWeb.channel.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="applicantName"
          label={t('servicesWeb.request.resident')}
          rules={[{ required: true, max: 40 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('servicesWeb.request.phone')} rules={[{ required: true }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="areaCode" label={t('servicesWeb.request.village')} rules={[{ required: true }]}>
          <AreaFilterSelect />
        </Form.Item>
        <Form.Item name="description" label={t('servicesWeb.request.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
