import { type NoticeCommentKind, type PublicNotice, PublicNoticeCommentBody } from '@lianxin/common';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PhoneVerification, type VerifiedPhone } from '../phone-verification';
import { useSendNoticeComment } from './notices.public-api';

interface Values {
  kind: NoticeCommentKind;
  body: string;
  name?: string;
  website?: string;
}

/**
 * A comment or an objection on an open notice. An objection, and any comment on a named notice,
 * needs a name and a verified phone; an anonymous comment needs neither.
 */
export function NoticeCommentForm({ notice }: { notice: PublicNotice }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const send = useSendNoticeComment(notice.id);
  const [verified, setVerified] = useState<VerifiedPhone | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const kind = Form.useWatch('kind', form) ?? 'comment';
  const signed = kind === 'objection' || notice.commentMode === 'named';

  const submit = (values: Values) => {
    setProblem(null);
    if (signed && !values.name?.trim()) {
      form.setFields([{ name: 'name', errors: [t('notices.public.nameRequired')] }]);
      return;
    }
    if (signed && !verified) {
      setProblem(t('notices.public.verifyFirst'));
      return;
    }
    const parsed = PublicNoticeCommentBody.safeParse({
      kind: values.kind,
      body: values.body ?? '',
      name: signed ? (values.name ?? null) : null,
      proof: signed ? (verified?.proof ?? null) : null,
      ...(values.website ? { website: values.website } : {}),
    });
    if (!parsed.success) {
      form.setFields([{ name: 'body', errors: [t('notices.public.bodyRequired')] }]);
      return;
    }
    send.mutate(parsed.data, {
      onSuccess: () => {
        setSent(true);
        form.resetFields();
      },
      onError: (error) => setProblem(isApiError(error) ? error.message : t('error.unexpected')),
    });
  };

  if (sent)
    return (
      <Alert type="success" showIcon message={t('notices.public.sent')} data-testid="notice-comment-sent" />
    );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="notice-comment"
      initialValues={{ kind: 'comment' }}
      onFinish={submit}
    >
      <Form.Item name="kind" label={t('notices.public.kind')}>
        <Radio.Group
          className="lx-public-choices"
          optionType="button"
          options={[
            { value: 'comment', label: t('notices.comment.kind.comment') },
            { value: 'objection', label: t('notices.comment.kind.objection') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('notices.public.body')}
        rules={[{ required: true, message: t('notices.public.bodyRequired') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 4 }}
          maxLength={1000}
          showCount
          placeholder={t('notices.public.bodyPlaceholder')}
          data-testid="notice-comment-body"
        />
      </Form.Item>
      <p className="lx-notice-hint">
        {signed ? t('notices.public.namedHint') : t('notices.public.anonymousHint')}
      </p>
      {signed && (
        <>
          <Form.Item name="name" label={t('notices.public.name')}>
            <Input maxLength={20} autoComplete="name" data-testid="notice-comment-name" />
          </Form.Item>
          <PhoneVerification purpose="notice_comment" onVerified={setVerified} />
        </>
      )}
      {/* People never see this field; bots fill it. */}
      <Form.Item name="website" className="lx-honeypot" aria-hidden>
        <Input tabIndex={-1} autoComplete="off" />
      </Form.Item>
      {problem && <Alert type="error" showIcon message={problem} style={{ margin: '12px 0' }} />}
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={send.isPending}
        style={{ marginTop: 12 }}
        data-testid="notice-comment-submit"
      >
        {t('notices.public.submit')}
      </Button>
    </Form>
  );
}
