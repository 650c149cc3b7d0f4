import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { Card, Flex, Statistic, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { useHelperRatings } from './assistance.api';
import { percentOf } from './assistance-labels';

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
        <Flex wrap gap={24} align="flex-end">
          <Statistic
            title={t('assistance.ratings.rate')}
            value={rate ?? 0}
            precision={1}
            suffix="%"
            styles={{ content: { color: '#1677ff' } }}
          />
          <Statistic
            title={t('assistance.ratings.satisfied')}
            value={data?.satisfied ?? 0}
            prefix={<SmileOutlined style={{ color: '#52c41a' }} />}
          />
          <Statistic
            title={t('assistance.ratings.basicallySatisfied')}
            value={data?.basicallySatisfied ?? 0}
            prefix={<MehOutlined style={{ color: '#faad14' }} />}
          />
          <Statistic
            title={t('assistance.ratings.unsatisfied')}
            value={data?.unsatisfied ?? 0}
            prefix={<FrownOutlined style={{ color: '#ff4d4f' }} />}
          />
        </Flex>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('assistance.ratings.private')}
      </Typography.Paragraph>
    </Card>
  );
}
