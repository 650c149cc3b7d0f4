import { type PublicProxyRequest, type ServiceRateResult, TrackBody } from '@lianxin/common';
import { Alert, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../shared/dates';
import { publicErrorText } from '../public-errors';
import { FiveLevelRatingForm } from './five-level-rating';
import { useRateProxyRequest, useTrackProxyRequest } from './services.public-api';
import './services-public.css';

const stepKinds = [
  'created',
  'assigned',
  'authorised',
  'collected',
  'lodged',
  'result',
  'delivered',
] as const;

/** The request's steps as dots: done ones green with their time, the rest grey. */
export function ProxySteps({ request }: { request: PublicProxyRequest }) {
  const t = useT();
  const at = new Map(request.steps.map((s) => [s.kind, s.at]));
  return (
    <ul className="lx-svc-steps" data-testid="proxy-steps">
      {stepKinds.map((kind) => (
        <li key={kind}>
          <span className={at.has(kind) ? 'lx-svc-dot lx-svc-dot-done' : 'lx-svc-dot'} aria-hidden />
          <span>
            <strong>{t(`servicesWeb.event.${kind}`)}</strong>
            {at.has(kind) && <div className="lx-svc-list-hint">{formatDateTime(at.get(kind))}</div>}
          </span>
        </li>
      ))}
      {request.status === 'cancelled' && (
        <li>
          <span className="lx-svc-dot" style={{ background: '#cf1322' }} aria-hidden />
          <strong>{t('servicesWeb.status.cancelled')}</strong>
        </li>
      )}
    </ul>
  );
}

/** 查询代办进度: tracking code + the phone's last four digits; after delivery, the rating. */
export function ProxyTrackPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ trackingCode: string; phoneLast4: string }>();
  const track = useTrackProxyRequest();
  const rate = useRateProxyRequest();
  const [found, setFound] = useState<{ request: PublicProxyRequest; credentials: TrackBody } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [rateProblem, setRateProblem] = useState<string | null>(null);
  const [rated, setRated] = useState<ServiceRateResult | null>(null);

  const lookUp = (values: { trackingCode?: string; phoneLast4?: string }) => {
    setProblem(null);
    const parsed = TrackBody.safeParse({
      trackingCode: (values.trackingCode ?? '').replace(/[\s-]/g, ''),
      phoneLast4: (values.phoneLast4 ?? '').trim(),
    });
    if (!parsed.success) {
      setProblem(t('servicesWeb.public.trackNone'));
      return;
    }
    track.mutate(parsed.data, {
      onSuccess: (request) => {
        setRated(null);
        setFound({ request, credentials: parsed.data });
      },
      onError: (error) => setProblem(publicErrorText(error, 'track', t)),
    });
  };

  const r = found?.request;
  return (
    <Flex vertical gap={14}>
      <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
        {t('servicesWeb.public.trackTitle')}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ trackingCode: params.get('code') ?? '' }}
        onFinish={lookUp}
      >
        <Form.Item name="trackingCode" label={t('servicesWeb.public.trackCode')} rules={[{ required: true }]}>
          <Input autoCapitalize="characters" data-testid="proxy-track-code" />
        </Form.Item>
        <Form.Item name="phoneLast4" label={t('public.track.phoneLast4')} rules={[{ required: true }]}>
          <Input inputMode="numeric" maxLength={4} data-testid="proxy-track-phone" />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 12 }} />}
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={track.isPending}
          style={{ height: 48 }}
          data-testid="proxy-track-submit"
        >
          {t('servicesWeb.public.trackSend')}
        </Button>
      </Form>
      {r && (
        <Card data-testid="proxy-track-result">
          <Flex justify="space-between" align="start" gap={8}>
            <Typography.Text strong style={{ fontSize: 17 }}>
              {r.itemName}
            </Typography.Text>
            <Tag color={r.overdue ? 'red' : 'blue'} data-testid="proxy-track-status">
              {t(`servicesWeb.status.${r.status}`)}
            </Tag>
          </Flex>
          <div className="lx-svc-list-hint">
            {r.villageName} · {r.stationName} · {r.unitName}
          </div>
          {r.dueAt && (
            <div className="lx-svc-list-hint">{t('servicesWeb.dueOn', { date: formatDate(r.dueAt) })}</div>
          )}
          <ProxySteps request={r} />
        </Card>
      )}
      {r && rated && (
        <Alert
          type="success"
          showIcon
          title={t('servicesWeb.public.rateThanks')}
          description={
            rated.followUpDueAt
              ? t('servicesWeb.public.followUpBy', { date: formatDate(rated.followUpDueAt) })
              : undefined
          }
          data-testid="proxy-rated"
        />
      )}
      {r && !rated && r.status === 'delivered' && found && (
        <FiveLevelRatingForm
          sending={rate.isPending}
          problem={rateProblem}
          onRate={(rating) =>
            rate.mutate(
              { ...found.credentials, ...rating },
              {
                onSuccess: (result) => {
                  setRated(result);
                  // Rating closes the request: show it as it now stands.
                  track.mutate(found.credentials, {
                    onSuccess: (request) => setFound({ ...found, request }),
                  });
                },
                onError: (error) => setRateProblem(publicErrorText(error, 'rate', t)),
              },
            )
          }
        />
      )}
    </Flex>
  );
}
