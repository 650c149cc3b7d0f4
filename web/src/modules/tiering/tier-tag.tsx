import type { Tier } from '@lianxin/common';
import { Space, Tag, Tooltip } from 'antd';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/i18n';

/** 放心户 green, 关心户 gold, 连心户 red: the colours village offices already paint on their maps. */
export const tierColors: Record<Tier, string> = {
  stable: 'green',
  watch: 'gold',
  priority: 'red',
};

/** The same colours as chart and statistic colours (antd's green-6, gold-6, red-6). */
export const tierHexColors: Record<Tier | 'none', string> = {
  stable: '#52c41a',
  watch: '#faad14',
  priority: '#f5222d',
  none: '#bfbfbf',
};

export function tierLabel(t: Translate, tier: Tier | null): string {
  return tier ? t(`tier.${tier}`) : t('tier.none');
}

/** A household's tier as a coloured tag; "人工调整" beside it when an approved override set it. */
export function TierTag({ tier, source }: { tier: Tier | null; source?: 'rules' | 'override' | null }) {
  const t = useT();
  if (!tier) return <Tag>{t('tier.none')}</Tag>;
  return (
    <Space size={4} wrap={false}>
      <Tag color={tierColors[tier]} style={{ marginInlineEnd: 0 }} data-testid={`tier-${tier}`}>
        {t(`tier.${tier}`)}
      </Tag>
      {source === 'override' && (
        <Tooltip title={t('tierSource.overrideHint')}>
          <Tag color="purple" bordered={false} style={{ marginInlineEnd: 0 }}>
            {t('tierSource.override')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
