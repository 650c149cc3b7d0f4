import { type Notice, type NoticeComment, noticeOutcomes } from '@lianxin/common';
import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { periodEndText } from '../../public/notices/notice-dates';
import { useShowError } from '../../shared/feedback';
import { useAppealCategories } from '../appeals/appeals.api';
import { useAreaIndex } from '../areas/areas.api';
import { useAnswerComment, useCloseNotice, useObjectionToAppeal, useWithdrawNotice } from './notices.api';

// The modals of a notice's page: answer a comment, turn an objection into an appeal, close, withdraw.

export type NoticeAction =
  | { kind: 'answer'; comment: NoticeComment }
  | { kind: 'appeal'; comment: NoticeComment }
  | { kind: 'close' }
  | { kind: 'withdraw' };

export function NoticeActionModal(props: {
  notice: Notice;
  action: NoticeAction | null;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const answer = useAnswerComment();
  const toAppeal = useObjectionToAppeal();
  const close = useCloseNotice();
  const withdraw = useWithdrawNotice();
  const categories = useAppealCategories();
  const { locale } = useLocale();
  const { notice, action } = props;
  const { index } = useAreaIndex({ enabled: action?.kind === 'appeal' });
  // A town's or the district's notice: the appeal still lives in a village, chosen here.
  const villages = useMemo(
    () =>
      [...index.byCode.values()].filter(
        (a) =>
          a.kind === 'village' &&
          a.code !== notice.areaCode &&
          a.code.startsWith(notice.areaCode.replace(/(000)+$/, '')),
      ),
    [index, notice.areaCode],
  );
  const needsVillage = index.byCode.get(notice.areaCode)?.kind !== 'village';

  useEffect(() => {
    if (action) {
      form.resetFields();
      if (action.kind === 'close')
        form.setFieldsValue({ outcome: notice.objections === 0 ? 'no_objection' : 'objections_handled' });
    }
  }, [form, action, notice.objections]);

  if (!action) return null;
  const pending = answer.isPending || toAppeal.isPending || close.isPending || withdraw.isPending;
  const finish = (text: string) => {
    message.success(text);
    props.onDone();
  };
  const submit = async () => {
    const values = await form.validateFields();
    const options = { onError: showError };
    switch (action.kind) {
      case 'answer':
        answer.mutate(
          { id: notice.id, commentId: action.comment.id, answer: values.answer },
          { ...options, onSuccess: () => finish(t('notices.answeredOk')) },
        );
        return;
      case 'appeal':
        toAppeal.mutate(
          {
            id: notice.id,
            commentId: action.comment.id,
            categoryCode: values.categoryCode,
            villageCode: values.villageCode ?? null,
          },
          { ...options, onSuccess: (r) => finish(t('notices.appealedOk', { code: r.trackingCode })) },
        );
        return;
      case 'close':
        close.mutate(
          { id: notice.id, version: notice.version, outcome: values.outcome, note: values.note ?? '' },
          { ...options, onSuccess: () => finish(t('notices.closedOk')) },
        );
        return;
      case 'withdraw':
        withdraw.mutate(
          { id: notice.id, version: notice.version, reason: values.reason },
          { ...options, onSuccess: () => finish(t('notices.withdrawnOk')) },
        );
        return;
    }
  };

  const titles = {
    answer: t('notices.answer.title'),
    appeal: t('notices.toAppeal.title'),
    close: t('notices.close.title'),
    withdraw: t('notices.withdraw.title'),
  } as const;
  const over = notice.endsAt !== null && Date.parse(notice.endsAt) <= Date.now();

  return (
    <Modal
      open
      title={titles[action.kind]}
      onCancel={props.onDone}
      onOk={submit}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="notice-action">
        {(action.kind === 'answer' || action.kind === 'appeal') && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>
            {action.comment.body}
          </Typography.Paragraph>
        )}
        {action.kind === 'answer' && (
          <Form.Item name="answer" rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea
              autoSize={{ minRows: 4 }}
              placeholder={t('notices.answer.placeholder')}
              data-testid="notice-answer"
            />
          </Form.Item>
        )}
        {action.kind === 'appeal' && (
          <>
            <Alert type="info" showIcon message={t('notices.toAppeal.hint')} style={{ marginBottom: 12 }} />
            <Form.Item
              name="categoryCode"
              label={t('notices.toAppeal.category')}
              rules={[{ required: true }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={(categories.data ?? [])
                  .filter((c) => c.active)
                  .map((c) => ({ value: c.code, label: locale === 'en' ? c.nameEn : c.nameZh }))}
              />
            </Form.Item>
            {needsVillage && (
              <Form.Item
                name="villageCode"
                label={t('notices.toAppeal.village')}
                rules={[{ required: true }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={villages.map((v) => ({ value: v.code, label: v.name }))}
                />
              </Form.Item>
            )}
          </>
        )}
        {action.kind === 'close' && (
          <>
            {!over && notice.endsAt && (
              <Alert
                type="warning"
                showIcon
                message={t('notices.close.running', { endsAt: periodEndText(notice.endsAt) })}
                style={{ marginBottom: 12 }}
              />
            )}
            {notice.openObjections > 0 && (
              <Alert
                type="warning"
                showIcon
                message={t('notices.close.pending', { count: notice.openObjections })}
                style={{ marginBottom: 12 }}
              />
            )}
            <Form.Item name="outcome" label={t('notices.close.outcome')} rules={[{ required: true }]}>
              <Radio.Group
                options={noticeOutcomes.map((o) => ({ value: o, label: t(`notices.outcome.${o}`) }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('notices.close.note')} rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} />
            </Form.Item>
          </>
        )}
        {action.kind === 'withdraw' && (
          <Form.Item
            name="reason"
            label={t('notices.withdraw.reason')}
            rules={[{ required: true, max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
