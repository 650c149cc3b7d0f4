import { WhistlesCreateBody } from '@lianxin/common';
import { App, Form, Input, Modal, Radio, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { useUnits } from '../departments/departments.api';
import { AppealPicker } from './appeal-picker';
import { useRaiseWhistle } from './whistles.api';

interface Values {
  mode: 'place' | 'appeal';
  appealId?: string;
  villageCode?: string;
  place?: string;
  description: string;
  unitIds: string[];
}

/**
 * Blows the whistle on an appeal or a place of the caller's area, naming the departments. Opened
 * from an appeal's page, it is about that appeal and asks only what to say and whom to call.
 */
export function RaiseWhistleModal(props: {
  open: boolean;
  onClose: () => void;
  appeal?: { id: string; title: string };
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Values['mode']>(props.appeal ? 'appeal' : 'place');
  const { index } = useAreaIndex({ enabled: props.open });
  const villages = useMemo(() => toTreeNodes(index, (a) => a.kind === 'village'), [index]);
  const { data: units } = useUnits({ kind: 'department', active: 'true' }, { enabled: props.open });
  const raise = useRaiseWhistle();

  const submit = (values: Values) => {
    const body = WhistlesCreateBody.parse(
      props.appeal || values.mode === 'appeal'
        ? {
            appealId: props.appeal?.id ?? values.appealId,
            description: values.description,
            unitIds: values.unitIds,
          }
        : {
            villageCode: values.villageCode,
            place: values.place,
            description: values.description,
            unitIds: values.unitIds,
          },
    );
    raise.mutate(body, {
      onSuccess: (whistle) => {
        message.success(t('whistles.raised', { count: whistle.units.length }));
        form.resetFields();
        props.onClose();
      },
      onError: showError,
    });
  };

  return (
    <Modal
      title={t('whistles.raiseTitle')}
      open={props.open}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('whistles.raise')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: raise.isPending, 'data-testid': 'whistle-submit' }}
      width={560}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="raise-whistle"
        initialValues={{ mode, unitIds: [] }}
        onFinish={submit}
      >
        {props.appeal ? (
          <Form.Item label={t('whistles.appeal')}>
            <span data-testid="whistle-appeal-title">{props.appeal.title}</span>
          </Form.Item>
        ) : (
          <Form.Item name="mode" label={t('whistles.mode')}>
            <Radio.Group
              optionType="button"
              onChange={(e) => setMode(e.target.value)}
              options={[
                { value: 'place', label: t('whistles.mode.place') },
                { value: 'appeal', label: t('whistles.mode.appeal') },
              ]}
            />
          </Form.Item>
        )}
        {props.appeal ? null : mode === 'appeal' ? (
          <Form.Item name="appealId" label={t('whistles.appeal')} rules={[{ required: true }]}>
            <AppealPicker placeholder={t('whistles.appealSearch')} data-testid="whistle-appeal" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="villageCode" label={t('whistles.village')} rules={[{ required: true }]}>
              <TreeSelect
                treeData={villages}
                showSearch={{ treeNodeFilterProp: 'title' }}
                treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
                data-testid="whistle-village"
              />
            </Form.Item>
            <Form.Item
              name="place"
              label={t('whistles.place')}
              rules={[{ required: true, min: 2, max: 200 }]}
            >
              <Input placeholder={t('whistles.placeHint')} data-testid="whistle-place" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="description"
          label={t('whistles.description')}
          rules={[{ required: true, min: 2, max: 2000 }]}
        >
          <Input.TextArea rows={3} data-testid="whistle-description" />
        </Form.Item>
        <Form.Item
          name="unitIds"
          label={t('whistles.units')}
          extra={t('whistles.unitsHint')}
          rules={[{ required: true, type: 'array', min: 1, max: 10 }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="whistle-units"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
