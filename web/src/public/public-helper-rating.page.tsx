import type { AppealRating } from '@lianxin/common';
import { Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { useHelperRatingLink, useRateHelper } from './public.api';
import { publicErrorText } from './public-errors';
import { PublicRating } from './public-rating';

// The link's token as the server makes it: 24 random bytes in base64url.
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

function Ended({
  status,
  title,
  text,
}: {
  status: 'success' | 'info' | 'warning';
  title: string;
  text: string;
}) {
  const t = useT();
  return (
    <Card>
      <Result
        status={status}
        title={title}
        subTitle={text}
        extra={
          <Link to="/public">
            <Button size="large">{t('public.back')}</Button>
          </Link>
        }
        data-testid="helper-rating-result"
      />
    </Card>
  );
}

/**
 * 帮扶评价: a paired household opens its one-time link and rates its helper cadre. The cadre sees
 * only counts; the link works once and for 30 days.
 */
export function PublicHelperRatingPage() {
  const t = useT();
  const { token = '' } = useParams();
  const wellFormed = TOKEN.test(token);
  const link = useHelperRatingLink(token, { enabled: wellFormed });
  const rate = useRateHelper(token);
  const [problem, setProblem] = useState<string | null>(null);
  const [rated, setRated] = useState<AppealRating | null>(null);

  if (rated) {
    return (
      <Ended
        status="success"
        title={t('public.helper.thanks')}
        text={t(rated === 'unsatisfied' ? 'public.helper.thanksUnsatisfied' : 'public.helper.thanksText')}
      />
    );
  }
  if (!wellFormed || link.data === null) {
    return (
      <Ended status="warning" title={t('public.helper.invalid')} text={t('public.helper.invalidText')} />
    );
  }
  if (link.error) {
    return (
      <Card>
        <Result
          status="error"
          title={publicErrorText(link.error, 'rate', t)}
          extra={
            <Button size="large" onClick={() => link.refetch()}>
              {t('common.reload')}
            </Button>
          }
        />
      </Card>
    );
  }
  if (!link.data) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin />
      </Flex>
    );
  }
  const view = link.data;
  if (view.used)
    return <Ended status="info" title={t('public.helper.used')} text={t('public.helper.usedText')} />;
  if (view.expired) {
    return (
      <Ended status="warning" title={t('public.helper.expired')} text={t('public.helper.expiredText')} />
    );
  }

  const send = (rating: AppealRating, comment: string) => {
    if (rate.isPending) return;
    setProblem(null);
    rate.mutate(
      { rating, comment },
      {
        onSuccess: () => setRated(rating),
        onError: (error) => {
          // Used meanwhile (a second tap, another phone): show how the link stands now.
          if (isApiError(error, 'RATING_LINK_INVALID')) void link.refetch();
          else setProblem(publicErrorText(error, 'rate', t));
        },
      },
    );
  };

  return (
    <Flex vertical gap={12}>
      <Card styles={{ body: { padding: '20px 16px' } }}>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="helper-rating-title">
          {t('public.helper.title', { name: view.cadreName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('public.helper.lead', { village: view.villageName })}
        </Typography.Paragraph>
      </Card>
      <PublicRating
        sending={rate.isPending}
        problem={problem}
        onRate={send}
        title={t('public.helper.question')}
        unsatisfiedHint={t('public.helper.unsatisfiedHint')}
      />
      <Typography.Text type="secondary" style={{ fontSize: 14, textAlign: 'center' }}>
        {t('public.helper.private')}
      </Typography.Text>
    </Flex>
  );
}
