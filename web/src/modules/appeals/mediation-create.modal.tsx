import { type Appeal, type AppealLevel, appealLevels, MediationCreateBody } from '@lianxin/common';
import { App, Form, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useMe } from '../../session/session';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { roleLabel } from '../../shared/labels';
import { useAreaIndex } from '../areas/areas.api';
import { levelLabel } from './appeal-labels';
import { useCreateMediation, useMediatorCandidates } from './mediation.api';
import { PartiesField, type PartyValues, toParty } from './mediation-parties';

interface FormValues {
  parties: PartyValues[];
  mediatorIds: string[];
}

interface MediatorOption {
  value: string;
  label: string;
}

/** The unit that holds a village's appeal at a level, as the server reckons it from the 12-digit area codes. */
function holderCode(villageCode: string, level: AppealLevel): string {
  if (level === 'village') return villageCode;
  return level === 'town' ? `${villageCode.slice(0, 9)}000` : `${villageCode.slice(0, 6)}000000`;
}

/**
 * Who may mediate: the server's candidates (staff of the village, its town and the district who
 * handle appeals), grouped by unit, the village first as the server lists them. The caller is
 * always offered, so the form's default choice has a name even before the list arrives.
 */
function useMediatorOptions(appealId: string, villageCode: string) {
  const t = useT();
  const me = useMe();
  const { index } = useAreaIndex();
  const candidates = useMediatorCandidates(appealId);
  return useMemo(() => {
    const groups = new Map<string, MediatorOption[]>();
    let meListed = false;
    for (const candidate of candidates.data ?? []) {
      const options = groups.get(candidate.areaCode) ?? [];
      options.push({
        value: candidate.id,
        label: `${candidate.name}（${roleLabel(t, candidate.role)}）`,
      });
      groups.set(candidate.areaCode, options);
      if (candidate.id === me.id) meListed = true;
    }
    // A village cadre's area list may not hold the town and the district: the level names the group then.
    const grouped = [...groups].map(([areaCode, options]) => {
      const level = appealLevels.find((l) => holderCode(villageCode, l) === areaCode);
      const name = index.byCode.get(areaCode)?.name;
      const label = level ? [levelLabel(t, level), name].filter(Boolean).join(' · ') : (name ?? areaCode);
      return { label, title: areaCode, options };
    });
    const mine = meListed ? [] : [{ value: me.id, label: `${me.name}（${roleLabel(t, me.role)}）` }];
    return { options: [...mine, ...grouped], loading: candidates.isLoading };
  }, [candidates.data, candidates.isLoading, index, me, t, villageCode]);
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
  const mediators = useMediatorOptions(appeal.id, appeal.villageCode);
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
