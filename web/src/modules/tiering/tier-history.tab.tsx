import { ArrowRightOutlined } from '@ant-design/icons';
import type { Household } from '@lianxin/common';
import { Empty, Space, Timeline, Typography } from 'antd';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { TierReasonList } from './tier-reasons';
import { TierTag, tierHexColors } from './tier-tag';

type HistoryEntry = Household['tierHistory'][number];

/** 分类历史 (动态管理): every change of the household's tier, newest first, with why it changed. */
export function TierHistoryTab({ household }: { household: Household }) {
  const t = useT();
  const { tMaybe } = useLocale();
  const entries = [...household.tierHistory].sort((a, b) => b.at.localeCompare(a.at));
  if (entries.length === 0) return <Empty description={t('tierHistory.empty')} />;

  const item = (entry: HistoryEntry) => ({
    key: `${entry.at}-${entry.toTier}`,
    color: tierHexColors[entry.toTier],
    content: (
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(entry.at)}
        </Typography.Text>
        <Space size={6} wrap>
          {entry.fromTier ? (
            <TierTag tier={entry.fromTier} />
          ) : (
            <Typography.Text type="secondary">{t('tier.none')}</Typography.Text>
          )}
          <ArrowRightOutlined />
          <TierTag tier={entry.toTier} />
          <Typography.Text type="secondary">
            {tMaybe(`tierCause.${entry.cause}`) ?? entry.cause}
            {entry.ruleVersion !== null && ` · ${t('tierRules.versionN', { version: entry.ruleVersion })}`}
          </Typography.Text>
        </Space>
        <TierReasonList reasons={entry.reasons} />
      </Space>
    ),
  });

  return <Timeline items={entries.map(item)} data-testid="tier-history" />;
}
