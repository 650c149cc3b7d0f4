import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { type AppealRating, appealRatings } from '@lianxin/common';
import { Alert, Button, Card, Flex, Input, Radio, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useT } from '../i18n/i18n';

const icons: Record<AppealRating, ReactNode> = {
  satisfied: <SmileOutlined aria-hidden className="lx-public-rating-icon" style={{ color: '#52c41a' }} />,
  basically_satisfied: (
    <MehOutlined aria-hidden className="lx-public-rating-icon" style={{ color: '#faad14' }} />
  ),
  unsatisfied: <FrownOutlined aria-hidden className="lx-public-rating-icon" style={{ color: '#ff4d4f' }} />,
};

interface Props {
  sending: boolean;
  problem: string | null;
  onRate: (rating: AppealRating, comment: string) => void;
  /** What is rated, when it is not an appeal (a household rates its helper). */
  title?: string;
  /** What "unsatisfied" leads to; null to say nothing. */
  unsatisfiedHint?: string | null;
}

/** 满意 / 基本满意 / 不满意 as three big choices, with an optional word. */
export function PublicRating({ sending, problem, onRate, title, unsatisfiedHint }: Props) {
  const t = useT();
  const heading = title ?? t('public.rate.title');
  const hint = unsatisfiedHint === undefined ? t('public.rate.unsatisfiedHint') : unsatisfiedHint;
  const [rating, setRating] = useState<AppealRating | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  return (
    <Card title={heading} data-testid="public-rating">
      <Flex vertical gap={12}>
        <Radio.Group
          className="lx-public-choices lx-public-choices-3"
          optionType="button"
          value={rating}
          onChange={(event) => {
            setRating(event.target.value);
            setMissing(false);
          }}
          aria-label={heading}
          options={appealRatings.map((r) => ({
            value: r,
            label: (
              <span>
                {icons[r]}
                {t(`public.rate.${r}`)}
              </span>
            ),
          }))}
        />
        {missing && <Typography.Text type="danger">{t('public.rate.choose')}</Typography.Text>}
        {rating === 'unsatisfied' && hint && <Alert type="warning" showIcon title={hint} />}
        <Input.TextArea
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          placeholder={t('public.rate.comment')}
          aria-label={t('public.rate.comment')}
          maxLength={500}
          showCount
          autoSize={{ minRows: 3, maxRows: 8 }}
        />
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
        <Button
          type="primary"
          block
          loading={sending}
          style={{ height: 52, fontSize: 18, marginTop: 8 }}
          onClick={() => {
            if (!rating) {
              setMissing(true);
              return;
            }
            onRate(rating, comment.trim());
          }}
          data-testid="public-rate-submit"
        >
          {t('public.rate.send')}
        </Button>
      </Flex>
    </Card>
  );
}
