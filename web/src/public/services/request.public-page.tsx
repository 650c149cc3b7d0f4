import { CheckCircleFilled } from '@ant-design/icons';
import type { PublicProxyRequestCreated } from '@lianxin/common';
import { Alert, Button, Card, Flex, Form, Input, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { formatDate } from '../../shared/dates';
import { PhoneVerification, type VerifiedPhone } from '../phone-verification';
import { usePublicVillages } from '../public.api';
import { publicErrorText } from '../public-errors';
import { useVillageChoice } from '../village/village-choice';
import { VillagePicker } from '../village-picker';
import { usePublicServiceItem, useSubmitProxyRequest } from './services.public-api';
import './services-public.css';

interface Values {
  name: string;
  villageCode: string;
  description?: string;
  website?: string;
}

/** 申请代办: name, village, the phone proved by a code, a word; the answer is the tracking code. */
export function ProxyRequestPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const item = usePublicServiceItem(id);
  const villages = usePublicVillages();
  const [village] = useVillageChoice();
  const [form] = Form.useForm<Values>();
  const [phone, setPhone] = useState<VerifiedPhone | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<PublicProxyRequestCreated | null>(null);
  const submit = useSubmitProxyRequest();

  if (item.isPending) return <Spin />;
  if (!item.data) return <Result status="404" title={t('servicesWeb.public.noItems')} />;

  if (done) {
    return (
      <Card data-testid="proxy-request-done">
        <Flex vertical align="center" gap={10} style={{ textAlign: 'center' }}>
          <CheckCircleFilled style={{ fontSize: 48, color: '#389e0d' }} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('servicesWeb.public.done.title')}
          </Typography.Title>
          <Typography.Text>{t('servicesWeb.request.code')}</Typography.Text>
          <div className="lx-public-code" data-testid="proxy-tracking-code">
            {done.trackingCode}
          </div>
          <Typography.Text>
            {done.stationName} · {t('servicesWeb.dueOn', { date: formatDate(done.dueAt) })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('servicesWeb.public.done.hint')}</Typography.Text>
          <Button
            block
            size="large"
            onClick={() => navigate(`/public/services/track?code=${done.trackingCode}`)}
            data-testid="proxy-go-track"
          >
            {t('servicesWeb.public.track')}
          </Button>
        </Flex>
      </Card>
    );
  }

  const send = async () => {
    if (submit.isPending) return;
    setProblem(null);
    const values = await form.validateFields();
    if (!phone) {
      setProblem(t('servicesWeb.public.form.verifyFirst'));
      return;
    }
    submit.mutate(
      {
        itemId: id,
        villageCode: values.villageCode,
        name: values.name.trim(),
        proof: phone.proof,
        description: values.description?.trim() ?? '',
        ...(values.website ? { website: values.website } : {}),
      },
      { onSuccess: setDone, onError: (error) => setProblem(publicErrorText(error, 'submit', t)) },
    );
  };

  return (
    <Flex vertical gap={12} data-testid="proxy-request-form">
      <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
        {t('servicesWeb.public.form.title')}
      </Typography.Title>
      <Typography.Text strong style={{ fontSize: 17 }}>
        {item.data.guide.name}
      </Typography.Text>
      <Typography.Text type="secondary">{t('servicesWeb.public.proxyHint')}</Typography.Text>
      <Form form={form} layout="vertical" size="large" initialValues={{ villageCode: village ?? undefined }}>
        <Form.Item
          name="name"
          label={t('servicesWeb.public.form.name')}
          rules={[{ required: true, max: 40 }]}
        >
          <Input autoComplete="name" data-testid="proxy-name" />
        </Form.Item>
        <Form.Item
          name="villageCode"
          label={t('servicesWeb.public.form.village')}
          rules={[{ required: true }]}
        >
          <VillagePicker villages={villages.data ?? []} loading={villages.isPending} />
        </Form.Item>
        <Form.Item label={t('servicesWeb.request.phone')} required>
          <PhoneVerification purpose="proxy_request" onVerified={setPhone} />
        </Form.Item>
        <Form.Item name="description" label={t('servicesWeb.public.form.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="proxy-notes" />
        </Form.Item>
        <div className="lx-honeypot" aria-hidden="true">
          <Form.Item name="website" label={t('public.submit.honeypot')}>
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" data-testid="proxy-problem" />}
      <Button
        type="primary"
        block
        loading={submit.isPending}
        style={{ height: 52, fontSize: 18 }}
        onClick={send}
        data-testid="proxy-submit"
      >
        {t('servicesWeb.public.form.send')}
      </Button>
    </Flex>
  );
}
