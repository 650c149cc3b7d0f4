import { LinkOutlined } from '@ant-design/icons';
import type { PairingBoard, UnpairedHousehold } from '@lianxin/common';
import { Badge, Button, Card, Collapse, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import { useT } from '../../i18n/i18n';

type Household = z.infer<typeof UnpairedHousehold>;

/** 未结对连心户: priority households without a helper, by village, each with a 结对 action. */
export function UnpairedCard(props: {
  board: PairingBoard | undefined;
  loading: boolean;
  canPair: boolean;
  onPair: (household: Household) => void;
}) {
  const { board, loading, canPair, onPair } = props;
  const t = useT();
  const villages = board?.unpairedByVillage ?? [];
  const total = villages.reduce((sum, v) => sum + v.count, 0);
  const shown = board?.unpaired.length ?? 0;

  return (
    <Card
      size="small"
      title={t('assistance.board.unpaired', { count: total })}
      loading={loading && !board}
      style={{ marginBottom: 16 }}
      data-testid="unpaired"
    >
      {villages.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assistance.board.allPaired')} />
      ) : (
        <>
          <Collapse
            size="small"
            // A short list opens at once; a long one by village.
            defaultActiveKey={total <= 30 || villages.length <= 3 ? villages.map((v) => v.villageCode) : []}
            items={villages.map((village) => ({
              key: village.villageCode,
              label: village.villageName,
              extra: <Badge count={village.count} color="#f5222d" overflowCount={999} />,
              children: (
                <Flex vertical>
                  {(board?.unpaired ?? [])
                    .filter((h) => h.villageCode === village.villageCode)
                    .map((h) => (
                      <Flex
                        key={h.id}
                        justify="space-between"
                        align="center"
                        gap={8}
                        className="lx-unpaired-row"
                      >
                        <span>
                          <Link to={`/households/${h.id}`}>{h.number}</Link>{' '}
                          <Typography.Text>{h.headName ?? '—'}</Typography.Text>
                        </span>
                        {canPair && (
                          <Button
                            size="small"
                            icon={<LinkOutlined />}
                            onClick={() => onPair(h)}
                            data-testid={`pair-${h.number}`}
                          >
                            {t('assistance.pair.action')}
                          </Button>
                        )}
                      </Flex>
                    ))}
                </Flex>
              ),
            }))}
            data-testid="unpaired-villages"
          />
          {shown < total && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              {t('assistance.board.unpairedFirst', { shown, total })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
