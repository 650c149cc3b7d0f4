import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { PublicAppealBody } from '@lianxin/common';
import { Alert, App, Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { clientUuid, copyText } from '../shared/client-id';
import { formatDate } from '../shared/dates';
import type { PreparedPhoto } from '../shared/photo';
import { CategoryPicker } from './category-picker';
import { PhotoPicker } from './photo-picker';
import { type Submitted, usePublicCategories, usePublicVillages, useSubmitAppeal } from './public.api';
import { mayHaveArrived, publicErrorText } from './public-errors';
import { useVillageChoice } from './village/village-choice';
import { VillagePicker } from './village-picker';

interface FormValues {
  villageCode?: string;
  categoryCode?: string;
  title?: string;
  description?: string;
  address?: string;
  name?: string;
  phone?: string;
  website?: string;
}

type Field = keyof FormValues;

/** The server compares these to decide that a retry with the same id is the same appeal. */
function sameAppealKey(body: PublicAppealBody): string {
  return JSON.stringify([body.villageCode, body.title, body.description]);
}

export function PublicSubmitPage() {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const villages = usePublicVillages();
  const categories = usePublicCategories();
  // The village comes chosen from its page (`?village=`), or the one this phone remembers.
  const [searchParams] = useSearchParams();
  const [rememberedVillage] = useVillageChoice();
  const linkedVillage = searchParams.get('village');
  const initialVillage = linkedVillage && /^\d{12}$/.test(linkedVillage) ? linkedVillage : rememberedVillage;
  const submit = useSubmitAppeal();
  const [problem, setProblem] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [photo, setPhoto] = useState<PreparedPhoto | null>(null);
  const [photoBusy, setPhotoBusy] = useState(false);
  // The id of the last attempt that may have reached the server, and what it carried: a double
  // tap or a retry after a dropped connection sends the same id, so it counts once.
  const attempt = useRef<{ id: string; key: string } | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  const fieldMessages: Partial<Record<Field, string>> = {
    villageCode: t('public.submit.villageRequired'),
    categoryCode: t('public.submit.categoryRequired'),
    title: t('public.submit.titleRequired'),
    description: t('public.submit.descriptionRequired'),
    phone: t('public.submit.phoneInvalid'),
  };

  const showProblem = (text: string) => {
    setProblem(text);
    requestAnimationFrame(() => problemRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  };

  const send = (values: FormValues) => {
    if (submit.isPending || photoBusy) return;
    setProblem(null);
    const parsed = PublicAppealBody.safeParse({
      villageCode: values.villageCode ?? '',
      categoryCode: values.categoryCode ?? '',
      title: values.title ?? '',
      description: values.description ?? '',
      address: values.address ?? '',
      phone: values.phone ?? '',
      name: values.name?.trim() ? values.name : null,
      ...(values.website ? { website: values.website } : {}),
      ...(photo ? { photo: { contentType: photo.contentType, data: photo.data } } : {}),
    });
    if (!parsed.success) {
      const fields = new Map<Field, string>();
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field | 'photo';
        // The picker has checked the photo with this schema already; it has no form field to mark.
        if (field === 'photo') {
          showProblem(t('public.submit.photoTooBig'));
          continue;
        }
        if (!fields.has(field)) fields.set(field, fieldMessages[field] ?? issue.message);
      }
      if (fields.size === 0) return;
      form.setFields([...fields].map(([name, message]) => ({ name, errors: [message] })));
      form.scrollToField([...fields.keys()][0] ?? 'villageCode', { block: 'center' });
      return;
    }
    const key = sameAppealKey(parsed.data);
    if (attempt.current?.key !== key) attempt.current = { id: clientUuid(), key };
    const body = { ...parsed.data, id: attempt.current.id };
    submit.mutate(body, {
      onSuccess: (result) => {
        attempt.current = null;
        setSubmitted(result);
        window.scrollTo({ top: 0 });
      },
      onError: (error) => {
        // Refused for sure: the next try may start afresh.
        if (!mayHaveArrived(error)) attempt.current = null;
        if (error instanceof ApiError && error.details.length > 0) {
          form.setFields(
            error.details
              .map((d) => {
                const name = d.path.replace(/^body\./, '').split('.')[0] as Field;
                return { name, errors: [fieldMessages[name] ?? d.message] };
              })
              .filter((field) => (field.name as string) !== 'photo'),
          );
        }
        showProblem(publicErrorText(error, 'submit', t));
      },
    });
  };

  if (submitted) {
    return (
      <SubmittedView
        submitted={submitted}
        onAnother={() => {
          form.resetFields();
          setPhoto(null);
          submit.reset();
          setSubmitted(null);
        }}
      />
    );
  }

  return (
    <Card styles={{ body: { padding: '20px 16px' } }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('public.submit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('public.submit.lead')}</Typography.Paragraph>
      {(villages.isError || categories.isError) && (
        <Alert
          type="error"
          showIcon
          title={publicErrorText(villages.error ?? categories.error, 'submit', t)}
          action={
            <Button
              size="small"
              onClick={() => {
                if (villages.isError) villages.refetch();
                if (categories.isError) categories.refetch();
              }}
            >
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="public-appeal"
        initialValues={initialVillage ? { villageCode: initialVillage } : {}}
        onFinish={send}
        // Errors come from the shared schema, not from Form rules: a field that changes clears its own.
        onValuesChange={(changed: FormValues) =>
          form.setFields(Object.keys(changed).map((name) => ({ name: name as Field, errors: [] })))
        }
        requiredMark
        scrollToFirstError
        data-testid="public-submit-form"
      >
        <Form.Item name="villageCode" label={t('public.submit.village')} required>
          <VillagePicker villages={villages.data ?? []} loading={villages.isPending} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('public.submit.category')} required>
          <CategoryPicker categories={categories.data ?? []} loading={categories.isPending} />
        </Form.Item>
        <Form.Item name="title" label={t('public.submit.titleLabel')} required>
          <Input
            placeholder={t('public.submit.titlePlaceholder')}
            maxLength={60}
            showCount
            data-testid="public-title"
          />
        </Form.Item>
        <Form.Item name="description" label={t('public.submit.description')} required>
          <Input.TextArea
            placeholder={t('public.submit.descriptionPlaceholder')}
            maxLength={2000}
            showCount
            autoSize={{ minRows: 5, maxRows: 12 }}
            data-testid="public-description"
          />
        </Form.Item>
        <Form.Item label={t('public.submit.photo')}>
          <PhotoPicker value={photo} onChange={setPhoto} onBusy={setPhotoBusy} disabled={submit.isPending} />
        </Form.Item>
        <Form.Item name="address" label={t('public.submit.address')}>
          <Input placeholder={t('public.submit.addressPlaceholder')} maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('public.submit.name')}>
          <Input placeholder={t('public.submit.namePlaceholder')} maxLength={40} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('public.submit.phone')}
          required
          extra={t('public.submit.privacy')}
          normalize={(value: string) => value.replace(/[\s\u3000]/g, '')}
        >
          <Input
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder={t('public.submit.phonePlaceholder')}
            maxLength={13}
            data-testid="public-phone"
          />
        </Form.Item>
        {/* Robots fill in every field; people never see this one. */}
        <div className="lx-honeypot" aria-hidden="true">
          <Form.Item name="website" label={t('public.submit.honeypot')}>
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        <div ref={problemRef}>
          {problem && (
            <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />
          )}
        </div>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={submit.isPending}
          disabled={photoBusy}
          style={{ height: 52, fontSize: 18 }}
          data-testid="public-submit"
        >
          {t('public.submit.send')}
        </Button>
      </Form>
    </Card>
  );
}

function SubmittedView({ submitted, onAnother }: { submitted: Submitted; onAnother: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const copy = async () => {
    const ok = await copyText(submitted.trackingCode);
    if (ok) message.success(t('public.submitted.copied'));
    else message.warning(t('public.submitted.copyFailed'));
  };
  return (
    <Card styles={{ body: { padding: '8px 16px 20px' } }}>
      <Result
        icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
        title={t('public.submitted.title')}
        style={{ padding: '24px 0 8px' }}
      />
      <Flex vertical align="center" gap={8}>
        <Typography.Text type="secondary">{t('public.submitted.codeLabel')}</Typography.Text>
        <div className="lx-public-code" data-testid="tracking-code">
          {submitted.trackingCode}
        </div>
        <Button icon={<CopyOutlined />} onClick={copy} data-testid="copy-tracking-code">
          {t('public.submitted.copy')}
        </Button>
        <Alert
          type="info"
          showIcon
          title={t('public.submitted.remember')}
          style={{ marginTop: 8, width: '100%' }}
        />
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('public.submitted.expected', { date: formatDate(submitted.expectedBy) })}
        </Typography.Text>
      </Flex>
      <Flex vertical gap={12} style={{ marginTop: 20 }}>
        <Button
          type="primary"
          block
          onClick={() => navigate(`/public/track?code=${encodeURIComponent(submitted.trackingCode)}`)}
          data-testid="public-track-this"
        >
          {t('public.submitted.track')}
        </Button>
        <Button block onClick={onAnother}>
          {t('public.submitted.another')}
        </Button>
      </Flex>
    </Card>
  );
}
