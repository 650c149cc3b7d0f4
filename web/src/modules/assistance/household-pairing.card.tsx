import { CopyOutlined, EditOutlined, LinkOutlined, StarOutlined } from '@ant-design/icons';
import type { Household, Pairing } from '@lianxin/common';
import { App, Button, Card, Descriptions, Flex, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { copyText } from '../../shared/client-id';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { usePairings, useRatingLink } from './assistance.api';

/** The public page's full address for a rating token (the server answers with the path). */
function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}

/** Shows a new one-time rating link once, with a button to copy it to send to the household. */
function RatingLinkModal(props: { link: { url: string; expiresAt: string } | null; onClose: () => void }) {
  const { link, onClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const url = link ? absoluteUrl(link.url) : '';
  const copy = async () => {
    if (await copyText(url)) message.success(t('common.copied'));
    else message.warning(t('assistance.ratingLink.copyFailed'));
  };
  return (
    <Modal
      title={t('assistance.ratingLink.title')}
      open={link !== null}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('assistance.ratingLink.close')}
        </Button>,
        <Button
          key="copy"
          type="primary"
          icon={<CopyOutlined />}
          onClick={copy}
          data-testid="rating-link-copy"
        >
          {t('common.copy')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('assistance.ratingLink.lead')}</Typography.Paragraph>
      <Input.TextArea
        value={url}
        readOnly
        autoSize
        onFocus={(event) => event.target.select()}
        data-testid="rating-link-url"
      />
      {link && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('assistance.ratingLink.expires', { at: formatDateTime(link.expiresAt) })}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

/**
 * 结对帮扶: who helps this household and since when, the last visit, and for those who visit, a
 * one-time link the household opens to rate its helper (the helper never sees who rated what).
 */
export function HouseholdPairingCard(props: { household: Household; onVisit: (() => void) | null }) {
  const { household, onVisit } = props;
  const t = useT();
  const can = useCan();
  const showError = useShowError();
  const pairings = usePairings({ householdId: household.id, status: 'active', limit: 5 });
  const ratingLink = useRatingLink();
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const pairing: Pairing | undefined = pairings.data?.items[0];

  const makeLink = (id: string) =>
    ratingLink.mutate(id, { onSuccess: (made) => setLink(made), onError: showError });

  return (
    <Card
      size="small"
      type="inner"
      title={t('assistance.household.pairing')}
      loading={pairings.isPending}
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          {pairing && can('assistance.visit') && (
            <Button
              size="small"
              icon={<StarOutlined />}
              loading={ratingLink.isPending}
              onClick={() => makeLink(pairing.id)}
              data-testid="rating-link-create"
            >
              {t('assistance.ratingLink.create')}
            </Button>
          )}
          {onVisit && (
            <Button
              size="small"
              type="primary"
              icon={<EditOutlined />}
              onClick={onVisit}
              data-testid="household-visit"
            >
              {t('assistance.worklist.record')}
            </Button>
          )}
        </Space>
      }
      data-testid="household-pairing"
    >
      {pairing ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'cadre',
              label: t('assistance.cadre'),
              children: (
                <Space size={6}>
                  <Typography.Text strong>{pairing.cadreName}</Typography.Text>
                  {pairing.needsReview && <Tag color="orange">{t('assistance.pairings.needsReview')}</Tag>}
                </Space>
              ),
            },
            { key: 'since', label: t('assistance.startDate'), children: pairing.startDate },
            {
              key: 'last',
              label: t('assistance.lastVisit'),
              children: pairing.lastVisitDate ?? t('assistance.neverVisited'),
            },
          ]}
        />
      ) : (
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">{t('assistance.household.noPairing')}</Typography.Text>
          {can('assistance.pair') && household.tier === 'priority' && (
            <Link to={`/pairings?area=${household.villageCode}`}>
              <LinkOutlined /> {t('assistance.household.toBoard')}
            </Link>
          )}
        </Flex>
      )}
      <RatingLinkModal link={link} onClose={() => setLink(null)} />
    </Card>
  );
}
