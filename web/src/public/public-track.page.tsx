import { type AppealRating, type PublicAppeal, TrackBody } from '@lianxin/common';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { useRateAppeal, useTrackAppeal } from './public.api';
import { publicErrorText } from './public-errors';
import { PublicProgress } from './public-progress';
import { PublicRating } from './public-rating';

interface FormValues {
  trackingCode?: string;
  phoneLast4?: string;
}

export function PublicTrackPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const track = useTrackAppeal();
  const rate = useRateAppeal();
  const [found, setFound] = useState<{ appeal: PublicAppeal; credentials: TrackBody } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [rateProblem, setRateProblem] = useState<string | null>(null);
  const [rated, setRated] = useState<AppealRating | null>(null);
  const topRef = useRef<HTMLDivElement>(null);

  const lookUp = (values: FormValues) => {
    if (track.isPending) return;
    setProblem(null);
    const parsed = TrackBody.safeParse({
      // Read over the phone or copied with spaces: only the letters and digits count.
      trackingCode: (values.trackingCode ?? '').replace(/[\s-]/g, ''),
      phoneLast4: (values.phoneLast4 ?? '').trim(),
    });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((i) => i.path[0]));
      form.setFields([
        ...(fields.has('trackingCode')
          ? [{ name: 'trackingCode' as const, errors: [t('public.track.codeInvalid')] }]
          : []),
        ...(fields.has('phoneLast4')
          ? [{ name: 'phoneLast4' as const, errors: [t('public.track.phoneLast4Invalid')] }]
          : []),
      ]);
      return;
    }
    track.mutate(parsed.data, {
      onSuccess: (appeal) => {
        setRated(null);
        setRateProblem(null);
        setFound({ appeal, credentials: parsed.data });
      },
      onError: (error) => setProblem(publicErrorText(error, 'track', t)),
    });
  };

  const sendRating = (rating: AppealRating, comment: string) => {
    if (!found || rate.isPending) return;
    setRateProblem(null);
    rate.mutate(
      { ...found.credentials, rating, comment },
      {
        onSuccess: (appeal) => {
          setFound({ ...found, appeal });
          setRated(rating);
          topRef.current?.scrollIntoView({ behavior: 'smooth' });
        },
        onError: (error) => {
          setRateProblem(publicErrorText(error, 'rate', t));
          // Rated meanwhile (on another phone, or at the callback): show how it stands now.
          if (isApiError(error, 'APPEAL_ALREADY_RATED')) {
            track.mutate(found.credentials, {
              onSuccess: (appeal) => setFound({ ...found, appeal }),
            });
          }
        },
      },
    );
  };

  if (found) {
    const { appeal } = found;
    return (
      <Flex vertical gap={12} ref={topRef}>
        {rated && (
          <Alert
            type={rated === 'unsatisfied' ? 'warning' : 'success'}
            showIcon
            title={rated === 'unsatisfied' ? t('public.rate.reopened') : t('public.rate.thanks')}
            data-testid="public-rated"
          />
        )}
        <PublicProgress appeal={appeal} />
        {appeal.canRate && (
          <PublicRating sending={rate.isPending} problem={rateProblem} onRate={sendRating} />
        )}
        {!appeal.canRate && appeal.rating && (
          <Card size="small">
            <Typography.Text strong data-testid="public-your-rating">
              {t('public.rate.yours', { rating: t(`public.rate.${appeal.rating}`) })}
            </Typography.Text>
          </Card>
        )}
        <Button
          block
          onClick={() => {
            setFound(null);
            form.resetFields();
            track.reset();
            rate.reset();
          }}
        >
          {t('public.track.another')}
        </Button>
      </Flex>
    );
  }

  return (
    <Card styles={{ body: { padding: '20px 16px' } }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('public.track.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('public.track.lead')}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="public-track"
        initialValues={{ trackingCode: params.get('code') ?? '' }}
        onFinish={lookUp}
        onValuesChange={(changed: FormValues) =>
          form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof FormValues, errors: [] })))
        }
        data-testid="public-track-form"
      >
        <Form.Item
          name="trackingCode"
          label={t('public.track.code')}
          required
          normalize={(value: string) => value.toUpperCase()}
        >
          <Input
            placeholder={t('public.track.codePlaceholder')}
            maxLength={16}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', letterSpacing: 2 }}
            data-testid="public-track-code"
          />
        </Form.Item>
        <Form.Item
          name="phoneLast4"
          label={t('public.track.phoneLast4')}
          required
          normalize={(value: string) => value.replace(/\D/g, '')}
        >
          <Input
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            placeholder={t('public.track.phoneLast4Placeholder')}
            data-testid="public-track-phone"
          />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={track.isPending}
          style={{ height: 52, fontSize: 18 }}
          data-testid="public-track-submit"
        >
          {t('public.track.send')}
        </Button>
      </Form>
    </Card>
  );
}
