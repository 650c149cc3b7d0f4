import {
  type AccountabilityReason,
  accountabilityMeasures,
  accountabilityReasons,
  chinaDate,
  type Project,
} from '@lianxin/common';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/i18n';
import { useShowError } from '../../../shared/feedback';
import {
  useAddAccountability,
  useAddSpending,
  useCompleteStage,
  usePublishProjectNotice,
} from './projects.api';

export type ProjectAction =
  | { kind: 'complete'; stageId: string }
  | { kind: 'spend' }
  | { kind: 'account' }
  | { kind: 'notice' };

const today = () => dayjs(chinaDate(new Date()));

/** The modal of one project action: complete a stage, record spending, hold to account, publish the notice. */
export function ProjectActionModal({
  project,
  action,
  onClose,
}: {
  project: Project;
  action: ProjectAction | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const complete = useCompleteStage();
  const spend = useAddSpending();
  const account = useAddAccountability();
  const notice = usePublishProjectNotice();
  const reason: AccountabilityReason = Form.useWatch('reason', form) ?? 'stage_late';
  const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

  const submit = async () => {
    if (!action) return;
    const v = await form.validateFields();
    try {
      if (action.kind === 'complete')
        await complete.mutateAsync({
          id: project.id,
          stageId: action.stageId,
          completedOn: day(v.completedOn),
        });
      if (action.kind === 'spend')
        await spend.mutateAsync({
          id: project.id,
          body: { stageId: v.stageId ?? null, spentOn: day(v.spentOn), amount: v.amount, item: v.item },
        });
      if (action.kind === 'account')
        await account.mutateAsync({
          id: project.id,
          body: {
            reason: v.reason,
            stageId: v.reason === 'stage_late' ? v.stageId : null,
            objectionId: v.reason === 'objection_upheld' ? v.objectionId : null,
            person: v.person,
            measure: v.measure,
            decidedOn: day(v.decidedOn),
            note: v.note,
          },
        });
      if (action.kind === 'notice') await notice.mutateAsync({ id: project.id, note: v.note ?? '' });
      message.success(t('projects.saved'));
      form.resetFields();
      onClose();
    } catch (error) {
      showError(error);
    }
  };

  const stageOptions = project.stagesList.map((s) => ({ value: s.id, label: `${s.seq}. ${s.name}` }));
  const titles = {
    complete: t('projects.stage.complete'),
    spend: t('projects.addSpending'),
    account: t('projects.addAccountability'),
    notice: t('projects.publishNotice'),
  };
  return (
    <Modal
      open={action !== null}
      title={action ? titles[action.kind] : ''}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={complete.isPending || spend.isPending || account.isPending || notice.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          completedOn: today(),
          spentOn: today(),
          decidedOn: today(),
          reason: 'stage_late',
          measure: 'interview',
          person: project.responsiblePerson,
        }}
      >
        {action?.kind === 'complete' && (
          <Form.Item name="completedOn" label={t('projects.stage.completedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        )}
        {action?.kind === 'spend' && (
          <>
            <Form.Item name="spentOn" label={t('projects.spending.spentOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="amount" label={t('projects.spending.amount')} rules={[{ required: true }]}>
              <InputNumber min={0.01} precision={2} style={{ width: 200 }} data-testid="spending-amount" />
            </Form.Item>
            <Form.Item
              name="item"
              label={t('projects.spending.item')}
              rules={[{ required: true, whitespace: true, max: 120 }]}
            >
              <Input data-testid="spending-item" />
            </Form.Item>
            <Form.Item name="stageId" label={t('projects.spending.stage')}>
              <Select allowClear options={stageOptions} />
            </Form.Item>
          </>
        )}
        {action?.kind === 'account' && (
          <>
            <Form.Item name="reason" label={t('projects.accountability.reason')}>
              <Select
                options={accountabilityReasons.map((r) => ({ value: r, label: t(`projects.reason.${r}`) }))}
              />
            </Form.Item>
            {reason === 'stage_late' ? (
              <Form.Item
                name="stageId"
                label={t('projects.accountability.stage')}
                rules={[{ required: true }]}
              >
                <Select
                  options={stageOptions.filter((o) =>
                    project.stagesList.some(
                      (s) => s.id === o.value && (s.state === 'late' || s.state === 'done_late'),
                    ),
                  )}
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="objectionId"
                label={t('projects.accountability.objection')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input />
              </Form.Item>
            )}
            <Form.Item
              name="person"
              label={t('projects.accountability.person')}
              rules={[{ required: true, whitespace: true, max: 40 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="measure" label={t('projects.accountability.measure')}>
              <Select
                options={accountabilityMeasures.map((m) => ({ value: m, label: t(`projects.measure.${m}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="decidedOn"
              label={t('projects.accountability.decidedOn')}
              rules={[{ required: true }]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('projects.accountability.note')}
              rules={[{ required: true, whitespace: true, max: 2000 }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {action?.kind === 'notice' && (
          <Form.Item name="note" label={t('projects.noticeNote')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
