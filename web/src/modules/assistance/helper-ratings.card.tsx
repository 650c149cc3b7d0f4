import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { Card, Flex, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { useHelperRatings } from './assistance.api';
import { percentOf } from './assistance-labels';

function Count({ icon, count, label }: { icon: ReactNode; count: number; label: string }) {
  return (
    <Space size={4} align="center">
      <span style={{ fontSize: 20 }}>{icon}</span>
      <Typography.Text strong style={{ fontSize: 18 }}>
        {count}
      </Typography.Text>
      <Typography.Text type="secondary">{label}</Typography.Text>
    </Space>
  );
}

/**
 * 群众评价: how the households a cadre helps rated them — counts and the satisfaction rate only;
 * the server never says who rated what.
 */
export function HelperRatingsCard({ cadreId }: { cadreId: string }) {
  const t = useT();
  const { data } = useHelperRatings(cadreId);
  const rate = percentOf(data?.rate ?? null);
  return (
    <Card size="small" title={t('assistance.ratings.title')} loading={!data} data-testid="helper-ratings">
      {data && data.rated === 0 ? (
        <Typography.Text type="secondary">{t('assistance.ratings.none')}</Typography.Text>
      ) : (
        <Flex wrap gap={24} align="center">
          <Statistic
            title={t('assistance.ratings.rate')}
            value={rate ?? 0}
            precision={1}
            suffix="%"
            styles={{ content: { color: '#1677ff' } }}
          />
          <Flex wrap gap={16}>
            <Count
              icon={<SmileOutlined style={{ color: '#52c41a' }} />}
              count={data?.satisfied ?? 0}
              label={t('assistance.ratings.satisfied')}
            />
            <Count
              icon={<MehOutlined style={{ color: '#faad14' }} />}
              count={data?.basicallySatisfied ?? 0}
              label={t('assistance.ratings.basicallySatisfied')}
            />
            <Count
              icon={<FrownOutlined style={{ color: '#ff4d4f' }} />}
              count={data?.unsatisfied ?? 0}
              label={t('assistance.ratings.unsatisfied')}
            />
          </Flex>
        </Flex>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('assistance.ratings.private')}
      </Typography.Paragraph>
    </Card>
  );
}
