import type { ServiceRateResult } from '@lianxin/common';
import { Alert, Card, Flex, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { formatDate } from '../../shared/dates';
import { publicErrorText } from '../public-errors';
import { FiveLevelRatingForm } from './five-level-rating';
import { useRateByLink, useRatingLink } from './services.public-api';
import './services-public.css';

/** The one-time link sent by SMS after delivery: what is rated, then the five levels twice. */
export function ServiceRatingLinkPage() {
  const t = useT();
  const { token = '' } = useParams();
  const link = useRatingLink(token);
  const rate = useRateByLink(token);
  const [problem, setProblem] = useState<string | null>(null);
  const [rated, setRated] = useState<ServiceRateResult | null>(null);

  if (link.isPending) return <Spin />;
  const view = link.data;
  if (!view || view.used || view.expired) {
    return (
      <Result
        status="info"
        title={view?.rated ? t('servicesWeb.public.rated') : t('servicesWeb.public.rateLinkGone')}
        data-testid="rating-link-gone"
      />
    );
  }
  return (
    <Flex vertical gap={14}>
      <Card size="small">
        <Typography.Text strong style={{ fontSize: 17 }}>
          {view.itemName}
        </Typography.Text>
        <div className="lx-svc-list-hint">
          {view.stationName} · {view.unitName}
          {view.deliveredAt ? ` · ${formatDate(view.deliveredAt)}` : ''}
        </div>
      </Card>
      {rated || view.rated ? (
        <Alert
          type="success"
          showIcon
          title={rated ? t('servicesWeb.public.rateThanks') : t('servicesWeb.public.rated')}
          description={
            rated?.followUpDueAt
              ? t('servicesWeb.public.followUpBy', { date: formatDate(rated.followUpDueAt) })
              : undefined
          }
          data-testid="rating-link-done"
        />
      ) : (
        <FiveLevelRatingForm
          sending={rate.isPending}
          problem={problem}
          onRate={(rating) =>
            rate.mutate(rating, {
              onSuccess: setRated,
              onError: (error) => setProblem(publicErrorText(error, 'rate', t)),
            })
          }
        />
      )}
    </Flex>
  );
}
