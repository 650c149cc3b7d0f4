import { type RatingLevel, ratedParties, ratingLevels } from '@lianxin/common';
import { Alert, Button, Card, Flex, Input, Radio, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useT } from '../../i18n/i18n';

/** 非常满意 → 非常 / 满意: five choices side by side on a phone break at the word, not mid-word. */
function twoLines(label: string): ReactNode {
  if (label.length < 4 || !/^[\u4e00-\u9fff]+$/.test(label)) return label;
  return (
    <>
      {label.slice(0, 2)}
      <br />
      {label.slice(2)}
    </>
  );
}

export interface FiveLevelRating {
  agentLevel: RatingLevel;
  unitLevel: RatingLevel;
  comment: string;
}

/**
 * 好差评 on the national five levels, the agent's service and the handling unit's result apart,
 * each as five big choices a thumb can hit; a word optional; 差评 says it will be followed up.
 */
export function FiveLevelRatingForm(props: {
  sending: boolean;
  problem: string | null;
  onRate: (rating: FiveLevelRating) => void;
}) {
  const t = useT();
  const [levels, setLevels] = useState<{ agent?: RatingLevel; unit?: RatingLevel }>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const bad = (levels.agent ?? 5) <= 2 || (levels.unit ?? 5) <= 2;

  return (
    <Card title={t('servicesWeb.public.rateTitle')} data-testid="service-rating">
      <Flex vertical gap={14}>
        <Typography.Text type="secondary">{t('servicesWeb.public.rateLead')}</Typography.Text>
        {ratedParties.map((party) => (
          <div key={party}>
            <Typography.Text strong>{t(`servicesWeb.party.${party}`)}</Typography.Text>
            <Radio.Group
              className="lx-public-choices lx-svc-levels"
              optionType="button"
              value={levels[party]}
              onChange={(event) => {
                setLevels({ ...levels, [party]: event.target.value });
                setMissing(false);
              }}
              aria-label={t(`servicesWeb.party.${party}`)}
              options={ratingLevels.map((level) => ({
                value: level,
                label: twoLines(t(`servicesWeb.rating.${level}`)),
              }))}
              data-testid={`rate-${party}`}
            />
          </div>
        ))}
        {missing && <Typography.Text type="danger">{t('servicesWeb.public.rateChoose')}</Typography.Text>}
        {bad && <Alert type="warning" showIcon title={t('servicesWeb.public.rateBadHint')} />}
        <Input.TextArea
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          placeholder={t('servicesWeb.public.rateComment')}
          aria-label={t('servicesWeb.public.rateComment')}
          maxLength={500}
          showCount
          autoSize={{ minRows: 3, maxRows: 8 }}
        />
        {props.problem && <Alert type="error" showIcon title={props.problem} role="alert" />}
        <Button
          type="primary"
          block
          loading={props.sending}
          style={{ height: 52, fontSize: 18 }}
          onClick={() => {
            if (!levels.agent || !levels.unit) {
              setMissing(true);
              return;
            }
            props.onRate({ agentLevel: levels.agent, unitLevel: levels.unit, comment: comment.trim() });
          }}
          data-testid="service-rate-submit"
        >
          {t('servicesWeb.public.rateSend')}
        </Button>
      </Flex>
    </Card>
  );
}
