import { type Appeal, hasPermission, MediationCreateBody } from '@lianxin/common';
import { App, Form, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { roleLabel } from '../../shared/labels';
import { useAreaIndex } from '../areas/areas.api';
import { useAreaStaff, useCreateMediation } from './mediation.api';
import { PartiesField, type PartyValues, toParty } from './mediation-parties';

interface FormValues {
  parties: PartyValues[];
  mediatorIds: string[];
}

/**
 * Who may mediate: the caller, and (for those who may read accounts) the staff of the village
 * and its town who handle appeals — the server also takes district staff.
 */
function useMediatorOptions(villageCode: string) {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const { index } = useAreaIndex();
  const townCode = index.byCode.get(villageCode)?.parentCode ?? null;
  const staff = useAreaStaff(townCode, { enabled: can('users.read') });
  return useMemo(() => {
    const options = new Map<string, { value: string; label: string }>();
    options.set(me.id, { value: me.id, label: `${me.name}（${roleLabel(t, me.role)}）` });
    for (const user of staff.data ?? []) {
      const fits =
        (user.areaCode === villageCode || user.areaCode === townCode) &&
        hasPermission(user.role, 'appeals.handle');
      if (fits) {
        options.set(user.id, {
          value: user.id,
          label: `${user.name}（${roleLabel(t, user.role)} · ${user.area.name}）`,
        });
      }
    }
    return { options: [...options.values()], loading: staff.isLoading };
  }, [me, staff.data, staff.isLoading, t, villageCode, townCode]);
}

/** 发起调解: opens a mediation for a dispute, naming the parties and the mediators. */
export function MediationCreateModal(props: {
  appeal: Appeal;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { appeal, open, onClose, afterClose } = props;
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateMediation();
  const mediators = useMediatorOptions(appeal.villageCode);
  const [initialValues] = useState<FormValues>(() => ({
    // The reporter is usually one side; the phone on file is masked, so it is asked again.
    parties: [{ name: appeal.reporterName ?? '' }, {}],
    mediatorIds: [me.id],
  }));
  const mapping = useMemo<FieldErrorMapping>(
    () => ({ codes: { APPEAL_HANDLER_INVALID: ['mediatorIds'] } }),
    [],
  );
  const { validate, handleError } = useSchemaForm(form, MediationCreateBody, mapping);

  const submit = (values: FormValues) => {
    const body = validate({
      appealId: appeal.id,
      parties: values.parties.map(toParty),
      mediatorIds: values.mediatorIds,
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (mediation) => {
        message.success(t('mediation.created', { code: appeal.trackingCode }));
        onClose();
        navigate(`/mediations/${mediation.id}`);
      },
      onError: handleError,
    });
  };

  return (
    <Modal
      title={t('mediation.createTitle', { code: appeal.trackingCode })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('mediation.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'mediation-create-submit' }}
      width={720}
    >
      <Typography.Paragraph type="secondary">{appeal.title}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="mediation-create"
        initialValues={initialValues}
        onFinish={submit}
      >
        <Form.Item label={t('mediation.parties')} required>
          <PartiesField name={['parties']} min={2} max={20} />
        </Form.Item>
        <Form.Item
          name="mediatorIds"
          label={t('mediation.mediators')}
          extra={t('mediation.mediatorsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('mediation.mediatorsRule') }]}
        >
          <Select
            mode="multiple"
            options={mediators.options}
            loading={mediators.loading}
            optionFilterProp="label"
            data-testid="mediation-mediators"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
