import type { HouseholdsPage, Tier } from '@lianxin/common';
import { Card, Col, Row, Statistic } from 'antd';
import { useT } from '../../i18n/i18n';
import { tierHexColors, tierLabel } from '../tiering/tier-tag';

type TierCounts = HouseholdsPage['tierCounts'];

const shownTiers = ['priority', 'watch', 'stable'] as const satisfies readonly Tier[];

/**
 * How many households of the current filter are in each tier; a card also filters the list by
 * its tier (and a second click clears that again).
 */
export function TierCountCards(props: {
  counts: TierCounts | undefined;
  total: number | undefined;
  selected: Tier | undefined;
  onSelect: (tier: Tier | undefined) => void;
}) {
  const { counts, total, selected, onSelect } = props;
  const t = useT();
  const card = (key: Tier | 'all' | 'none', title: string, value: number | undefined, color: string) => {
    const clickable = key !== 'none';
    const active = key === 'all' ? selected === undefined : key === selected;
    return (
      <Col flex="1 1 170px" key={key}>
        <Card
          size="small"
          hoverable={clickable}
          className={`lx-tier-card${active && clickable ? ' lx-tier-card-active' : ''}`}
          style={{ borderTopColor: color }}
          onClick={
            clickable ? () => onSelect(key === 'all' || key === selected ? undefined : key) : undefined
          }
          data-testid={`tier-count-${key}`}
        >
          <Statistic
            title={title}
            value={value ?? '—'}
            loading={value === undefined}
            styles={{ content: { color: key === 'all' ? undefined : color } }}
            suffix={value === undefined ? undefined : t('households.unit')}
          />
        </Card>
      </Col>
    );
  };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} wrap>
      {card('all', t('households.totalCount'), total, '#1677ff')}
      {shownTiers.map((tier) => card(tier, tierLabel(t, tier), counts?.[tier], tierHexColors[tier]))}
      {card('none', t('tier.none'), counts?.none, tierHexColors.none)}
    </Row>
  );
}
