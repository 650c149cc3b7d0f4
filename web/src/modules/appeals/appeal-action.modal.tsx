import {
  type Appeal,
  type AppealAction,
  AppealActionBodies,
  type AppealActionBody,
  type AppealLevel,
  appealLevels,
} from '@lianxin/common';
import {
  Alert,
  App,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { formatDate } from '../../shared/dates';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { roleLabel } from '../../shared/labels';
import { useDebounced } from '../../shared/use-debounced';
import { useVersionConflict } from '../../shared/version-conflict';
import { commandLabel, levelLabel } from './appeal-labels';
import { StatusTag } from './appeal-tags';
import { useAppeal, useAppealAction, useAppealHandlers, useAppealSearch } from './appeals.api';

interface FormValues {
  note?: string;
  reason?: string;
  resolution?: string;
  handlerId?: string;
  plannedDate?: Dayjs;
  intoId?: string;
  public?: boolean;
}

/** Which text an action asks for: an optional note, a required reason, or the resolution. */
const textField: Record<AppealAction, 'note' | 'reason' | 'resolution'> = {
  accept: 'note',
  start: 'note',
  assign: 'note',
  escalate: 'reason',
  send_down: 'reason',
  return: 'reason',
  defer: 'reason',
  approve_deferral: 'note',
  reject_deferral: 'note',
  resolve: 'resolution',
  merge: 'note',
  note: 'note',
};

const dangerous: readonly AppealAction[] = ['return', 'reject_deferral', 'merge'];

function levelNext(level: AppealLevel, by: 1 | -1): AppealLevel | null {
  return appealLevels[appealLevels.indexOf(level) + by] ?? null;
}

function bodyOf(action: AppealAction, values: FormValues, version: number): Record<string, unknown> {
  const text = (values[textField[action]] ?? '').trim();
  const body: Record<string, unknown> = { version, [textField[action]]: text };
  if (action === 'assign') body.handlerId = values.handlerId;
  if (action === 'defer') body.plannedDate = values.plannedDate?.format('YYYY-MM-DD');
  if (action === 'merge') body.intoId = values.intoId;
  if (action === 'note') body.public = values.public ?? false;
  return body;
}

/** The handler picker: accounts of the unit that holds the appeal. */
function HandlerSelect({ appeal }: { appeal: Appeal }) {
  const t = useT();
  const { data, isLoading } = useAppealHandlers(appeal.id);
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      loading={isLoading}
      placeholder={t('appeals.actionForm.handlerPlaceholder')}
      options={(data ?? []).map((h) => ({
        value: h.id,
        label: `${h.name}（${roleLabel(t, h.role)}）`,
        disabled: h.id === appeal.handlerId,
      }))}
      data-testid="action-handler"
    />
  );
}

/** The merge target: an open appeal of the same village, found by tracking code or title. */
function MergeTargetSelect({
  appeal,
  value,
  onChange,
}: {
  appeal: Appeal;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 400);
  const { data, isFetching } = useAppealSearch(q);
  const options = (data?.items ?? [])
    .filter((a) => a.id !== appeal.id)
    .map((a) => ({
      value: a.id,
      label: `${a.trackingCode} · ${a.title} · ${a.villageName}`,
      // The server merges only into an open appeal of the same village.
      disabled: a.villageCode !== appeal.villageCode,
    }));
  return (
    <Select
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      placeholder={t('appeals.actionForm.mergePlaceholder')}
      notFoundContent={q ? t('appeals.actionForm.mergeNone') : t('appeals.actionForm.mergeType')}
      options={options}
      data-testid="action-merge-target"
    />
  );
}

/**
 * One lifecycle action on an appeal (受理, 分派, 上报, 缓办, 办结…) with what it needs: a note or
 * reason, a handler, a date, the resolution or the appeal to merge into. The appeal's version
 * goes with it; a stale one shows the conflict warning and reloads.
 */
export function AppealActionModal(props: {
  appealId: string;
  action: AppealAction;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { appealId, action, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { data: appeal, refetch } = useAppeal(appealId);
  const act = useAppealAction();
  const field = textField[action];
  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      codes: {
        APPEAL_HANDLER_INVALID: ['handlerId'],
        APPEAL_DEFERRAL_DATE_INVALID: ['plannedDate'],
        APPEAL_MERGE_INVALID: ['intoId'],
      },
    }),
    [],
  );
  const { validate, handleError } = useSchemaForm(form, AppealActionBodies[action], mapping);
  const { conflict, catchConflict, alert } = useVersionConflict(async () => {
    await refetch();
  });

  if (!appeal) return null;

  const submit = (values: FormValues) => {
    const body = validate(bodyOf(action, values, appeal.version));
    if (!body) return;
    act.mutate(
      { id: appeal.id, action, body: body as AppealActionBody<AppealAction> },
      {
        onSuccess: () => {
          message.success(
            t('appeals.actionDone', { action: commandLabel(t, action), code: appeal.trackingCode }),
          );
          onClose();
        },
        onError: catchConflict(handleError),
      },
    );
  };

  const up = levelNext(appeal.level, 1);
  const down = levelNext(appeal.level, -1);
  const hint =
    action === 'escalate' && up
      ? t('appeals.hint.escalate', { level: levelLabel(t, up) })
      : action === 'send_down' && down
        ? t('appeals.hint.send_down', { level: levelLabel(t, down) })
        : t(`appeals.hint.${action}`);
  const required = field !== 'note' || action === 'note';

  return (
    <Modal
      title={t('appeals.actionTitle', { action: commandLabel(t, action), code: appeal.trackingCode })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={commandLabel(t, action)}
      cancelText={t('common.cancel')}
      okButtonProps={{
        loading: act.isPending,
        disabled: conflict,
        danger: dangerous.includes(action),
        'data-testid': 'action-submit',
      }}
      width={560}
      destroyOnHidden
    >
      {alert}
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'title', label: t('appeals.titleColumn'), children: appeal.title },
          {
            key: 'status',
            label: t('appeals.statusColumn'),
            children: (
              <Space size={4}>
                <StatusTag status={appeal.status} />
                <Typography.Text type="secondary">{levelLabel(t, appeal.level)}</Typography.Text>
              </Space>
            ),
          },
          ...(appeal.deferral && (action === 'approve_deferral' || action === 'reject_deferral')
            ? [
                {
                  key: 'deferral',
                  label: t('appeals.deferral'),
                  children: t('appeals.deferralText', {
                    reason: appeal.deferral.reason,
                    date: formatDate(appeal.deferral.plannedDate),
                  }),
                },
              ]
            : []),
        ]}
      />
      <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} />
      <Form<FormValues> form={form} layout="vertical" name={`appeal-${action}`} onFinish={submit}>
        {action === 'assign' && (
          <Form.Item
            name="handlerId"
            label={t('appeals.handler')}
            rules={[{ required: true, message: t('appeals.actionForm.handlerRule') }]}
          >
            <HandlerSelect appeal={appeal} />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item
            name="intoId"
            label={t('appeals.actionForm.mergeTarget')}
            extra={t('appeals.actionForm.mergeHint')}
            rules={[{ required: true, message: t('appeals.actionForm.mergeRule') }]}
          >
            <MergeTargetSelect appeal={appeal} />
          </Form.Item>
        )}
        {action === 'defer' && (
          <Form.Item
            name="plannedDate"
            label={t('appeals.actionForm.plannedDate')}
            rules={[{ required: true, message: t('appeals.actionForm.plannedDateRule') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs().add(1, 'day'), 'day')}
              data-testid="action-planned-date"
            />
          </Form.Item>
        )}
        <Form.Item
          name={field}
          label={t(`appeals.actionForm.${field}`)}
          rules={
            required
              ? [{ required: true, whitespace: true, message: t(`appeals.actionForm.${field}Rule`) }]
              : []
          }
        >
          <Input.TextArea
            rows={field === 'resolution' ? 6 : 3}
            maxLength={field === 'resolution' ? 4000 : 1000}
            showCount
            autoFocus
            data-testid="action-text"
          />
        </Form.Item>
        {action === 'note' && (
          <Form.Item name="public" valuePropName="checked" extra={t('appeals.actionForm.publicHint')}>
            <Checkbox>{t('appeals.actionForm.public')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
