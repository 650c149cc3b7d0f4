import { PlusOutlined } from '@ant-design/icons';
import type { MatterSummary } from '@lianxin/common';
import { Badge, Button, Card, Empty, Flex, Grid, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { PageHeader } from '../../shared/page-header';
import { useMatters } from './democracy.api';
import {
  type BoardColumn,
  boardColumns,
  columnOf,
  daysSince,
  formatYuan,
  statusColors,
  useVillages,
} from './democracy-labels';
import { MatterFormDrawer } from './matter-form.drawer';

function MatterCard({ matter, showVillage }: { matter: MatterSummary; showVillage: boolean }) {
  const t = useT();
  const days = daysSince(matter.updatedAt);
  return (
    <Link to={`/democracy/matters/${matter.id}`} data-testid={`matter-card-${matter.id}`}>
      <Card size="small" hoverable style={{ marginBottom: 8 }}>
        <Typography.Text strong>{matter.title}</Typography.Text>
        <Flex wrap gap={4} style={{ marginTop: 6 }}>
          <Tag>{t(`democracy.kind.${matter.kind}`)}</Tag>
          <Tag color={statusColors[matter.status]}>{t(`democracy.status.${matter.status}`)}</Tag>
        </Flex>
        <Flex justify="space-between" style={{ marginTop: 6, fontSize: 12 }}>
          <Typography.Text type="secondary">
            {showVillage ? `${matter.villageName} · ` : ''}
            {matter.estimatedAmount !== null ? formatYuan(matter.estimatedAmount) : ''}
          </Typography.Text>
          <Typography.Text type={days >= 30 ? 'danger' : 'secondary'}>
            {t('democracyWeb.board.daysAtStep', { days })}
          </Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}

function Column(props: {
  column: BoardColumn;
  matters: MatterSummary[];
  showVillage: boolean;
  /** Side by side on a wide screen (with its title), else a tab's content. */
  asColumn?: boolean;
}) {
  const t = useT();
  return (
    <div
      // Seven columns share the width, narrowing to 150 px before the board scrolls sideways.
      style={props.asColumn ? { flex: '1 1 0', minWidth: 150 } : undefined}
      data-testid={`board-${props.column}`}
    >
      {props.asColumn && (
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t(`democracyWeb.column.${props.column}`)}</Typography.Text>
          <Badge count={props.matters.length} showZero color="#8c8c8c" />
        </Flex>
      )}
      {props.matters.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('democracyWeb.board.empty')} />
      ) : (
        props.matters.map((m) => <MatterCard key={m.id} matter={m} showVillage={props.showVillage} />)
      )}
    </div>
  );
}

/**
 * The matters board of a village (or of a town's villages): one column per stage of 四议两公开, a
 * card per matter; on a phone the stages are tabs.
 */
export function MattersBoardPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const { villages, ownVillage } = useVillages();
  const areaCode = ownVillage ?? params.get('village') ?? undefined;
  const [creating, setCreating] = useState(false);
  // Until a stage is chosen, the phone opens on the first stage with matters.
  const [tab, setTab] = useState<BoardColumn | null>(null);
  const { data, isLoading } = useMatters(areaCode ? { areaCode } : {});

  const byColumn = useMemo(() => {
    const groups = new Map<BoardColumn, MatterSummary[]>(boardColumns.map((c) => [c, []]));
    for (const matter of data?.items ?? []) groups.get(columnOf[matter.status])?.push(matter);
    return groups;
  }, [data]);
  const showVillage = ownVillage === undefined && areaCode === undefined;

  return (
    <>
      <PageHeader
        title={t('democracyWeb.board.title')}
        extra={
          can('democracy.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="matter-create"
            >
              {t('democracyWeb.matter.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('democracyWeb.board.intro')}</Typography.Paragraph>
      {ownVillage === undefined && (
        <Space style={{ marginBottom: 16 }} wrap>
          <Typography.Text>{t('democracyWeb.field.village')}</Typography.Text>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.all')}
            style={{ width: 200 }}
            value={areaCode}
            onChange={(code?: string) => setParams(code ? { village: code } : {})}
            options={villages.map((v) => ({ value: v.code, label: v.name }))}
            data-testid="board-village"
          />
        </Space>
      )}
      <Spin spinning={isLoading}>
        {phone ? (
          <Tabs
            activeKey={tab ?? boardColumns.find((c) => (byColumn.get(c)?.length ?? 0) > 0) ?? 'propose'}
            onChange={(key) => setTab(key as BoardColumn)}
            items={boardColumns.map((c) => ({
              key: c,
              label: `${t(`democracyWeb.column.${c}`)} ${byColumn.get(c)?.length ?? 0}`,
              children: <Column column={c} matters={byColumn.get(c) ?? []} showVillage={showVillage} />,
            }))}
          />
        ) : (
          <Flex gap={12} style={{ overflowX: 'auto', paddingBottom: 8 }} align="flex-start">
            {boardColumns.map((c) => (
              <Column key={c} column={c} matters={byColumn.get(c) ?? []} showVillage={showVillage} asColumn />
            ))}
          </Flex>
        )}
      </Spin>
      <MatterFormDrawer
        open={creating}
        villageCode={areaCode}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          navigate(`/democracy/matters/${id}`);
        }}
      />
    </>
  );
}
