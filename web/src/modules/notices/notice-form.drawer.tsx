import {
  defaultNoticePeriods,
  NOTICE_MAX_PERIOD_DAYS,
  type Notice,
  type NoticeCommentMode,
  type NoticeKind,
  type NoticePeriodUnit,
  noticeCommentModes,
  noticeKinds,
  noticePeriodUnits,
} from '@lianxin/common';
import { App, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { DrawerFooter } from '../../shared/form-actions';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { kindLabel } from './notice-labels';
import { useCreateNotice, useUpdateNotice } from './notices.api';

interface Values {
  kind: NoticeKind;
  title: string;
  body: string;
  areaCode: string;
  startsAt: Dayjs | null;
  periodDays: number;
  periodUnit: NoticePeriodUnit;
  commentMode: NoticeCommentMode;
}

function initialValues(notice: Notice | null): Partial<Values> {
  if (!notice) {
    const period = defaultNoticePeriods.village_affairs;
    return {
      kind: 'village_affairs',
      periodDays: period.days,
      periodUnit: period.unit,
      commentMode: 'named',
      startsAt: null,
    };
  }
  return {
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    areaCode: notice.areaCode,
    startsAt: notice.startsAt ? dayjs(notice.startsAt) : null,
    periodDays: notice.periodDays,
    periodUnit: notice.periodUnit,
    commentMode: notice.commentMode,
  };
}

/** Drafting a notice: its kind (and with it the default period), text, area, start, period and comment mode. */
export function NoticeFormDrawer(props: {
  open: boolean;
  notice: Notice | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const { index } = useAreaIndex({ enabled: props.open });
  const tree = useMemo(() => toTreeNodes(index, (a) => a.kind !== 'group'), [index]);
  const create = useCreateNotice();
  const update = useUpdateNotice();
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(initialValues(props.notice));
    }
  }, [form, props.open, props.notice]);

  const changeKind = (next: NoticeKind) => {
    const period = defaultNoticePeriods[next];
    form.setFieldsValue({ periodDays: period.days, periodUnit: period.unit });
  };

  const save = async () => {
    const values = await form.validateFields();
    const common = {
      kind: values.kind,
      title: values.title,
      body: values.body,
      startsAt: values.startsAt ? values.startsAt.toISOString() : null,
      periodDays: values.periodDays,
      periodUnit: values.periodUnit,
      commentMode: values.commentMode,
    };
    const done = (notice: Notice) => {
      message.success(t('notices.saved'));
      props.onSaved(notice.id);
    };
    if (props.notice) {
      update.mutate(
        { id: props.notice.id, body: { ...common, version: props.notice.version } },
        { onSuccess: done, onError: showError },
      );
    } else {
      create.mutate({ ...common, areaCode: values.areaCode }, { onSuccess: done, onError: showError });
    }
  };

  const defaults = kind ? defaultNoticePeriods[kind] : null;
  return (
    <Drawer
      open={props.open}
      width={640}
      title={t(props.notice ? 'notices.edit' : 'notices.create')}
      onClose={props.onClose}
      destroyOnHidden
      footer={
        <DrawerFooter
          onCancel={props.onClose}
          onSave={save}
          saving={create.isPending || update.isPending}
          testId="notice-save"
        />
      }
    >
      <Form<Values> form={form} layout="vertical" name="notice-form">
        <Form.Item name="kind" label={t('notices.field.kind')} rules={[{ required: true }]}>
          <Select
            onChange={changeKind}
            options={noticeKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
            data-testid="notice-kind"
          />
        </Form.Item>
        <Form.Item name="title" label={t('notices.field.title')} rules={[{ required: true, max: 120 }]}>
          <Input data-testid="notice-title" />
        </Form.Item>
        <Form.Item name="areaCode" label={t('notices.field.area')} rules={[{ required: true }]}>
          <TreeSelect
            treeData={tree}
            disabled={props.notice !== null}
            showSearch
            treeNodeFilterProp="title"
            data-testid="notice-area"
          />
        </Form.Item>
        <Form.Item name="body" label={t('notices.field.body')} rules={[{ required: true, max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} data-testid="notice-body" />
        </Form.Item>
        <Form.Item
          name="startsAt"
          label={t('notices.field.startsAt')}
          extra={t('notices.field.startsAtHint')}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item
            name="periodDays"
            label={t('notices.field.periodDays')}
            rules={[{ required: true }]}
            extra={
              defaults
                ? t('notices.field.defaultPeriod', {
                    days: defaults.days,
                    unit: t(`notices.unit.${defaults.unit}`),
                  })
                : undefined
            }
          >
            <InputNumber min={1} max={NOTICE_MAX_PERIOD_DAYS} data-testid="notice-period" />
          </Form.Item>
          <Form.Item name="periodUnit" label={t('notices.field.periodUnit')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={noticePeriodUnits.map((u) => ({ value: u, label: t(`notices.unit.${u}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="commentMode" label={t('notices.field.commentMode')} rules={[{ required: true }]}>
          <Radio.Group>
            <Space direction="vertical">
              {noticeCommentModes.map((m) => (
                <Radio key={m} value={m}>
                  {t(`notices.mode.${m}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
