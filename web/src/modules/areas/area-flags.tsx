import type { AreaFlags } from '@lianxin/common';
import { Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n';

export const flagNames = ['extremelyPoor', 'remote', 'hardToAdvance', 'disasterHit'] as const;
export type FlagName = (typeof flagNames)[number];

const flagColors: Record<FlagName, string> = {
  extremelyPoor: 'volcano',
  remote: 'geekblue',
  hardToAdvance: 'gold',
  disasterHit: 'red',
};

/** The must-go (五必去) flags of an area as tags; a dash when none is set. */
export function AreaFlagTags({ flags }: { flags: AreaFlags }) {
  const t = useT();
  const set = flagNames.filter((name) => flags[name]);
  if (set.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {set.map((name) => {
        const period =
          name === 'disasterHit' && flags.disasterFrom
            ? ` ${flags.disasterFrom}${flags.disasterTo ? ` ~ ${flags.disasterTo}` : ''}`
            : '';
        return (
          <Tag key={name} color={flagColors[name]} data-testid={`area-flag-${name}`}>
            {t(`flag.${name}`)}
            {period}
          </Tag>
        );
      })}
    </Space>
  );
}
