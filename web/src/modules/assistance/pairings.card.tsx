import type { CadreLoad, Pairing } from '@lianxin/common';
import {
  Badge,
  Button,
  Card,
  Flex,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Translate, useLocale, useT } from '../../i18n/i18n';
import { FilterTags } from '../../shared/filter-tags';
import { formatNumber } from '../../shared/numbers';
import { useModalTarget } from '../../shared/use-modal-target';
import { TierTag } from '../tiering/tier-tag';
import { usePairings } from './assistance.api';
import { CadreSelect } from './cadre-select';
import { type PairingDecision, PairingDecisionModal } from './pairing-decision.modal';

type PairingView = 'active' | 'review' | 'ended';

const LIMIT = 500;

/** Whether the households were visited in a period (a dashboard figure's drill-down). */
export interface VisitedFilter {
  visited: 'true' | 'false';
  from?: string;
  to?: string;
}

function visitedLabel(t: Translate, filter: VisitedFilter): string {
  const { from, to } = filter;
  if (!from && !to)
    return t(
      filter.visited === 'true' ? 'assistance.pairings.visitedEver' : 'assistance.pairings.neverVisited',
    );
  const period = { from: from ?? '…', to: to ?? '…' };
  return t(
    filter.visited === 'true'
      ? 'assistance.pairings.visitedBetween'
      : 'assistance.pairings.notVisitedBetween',
    period,
  );
}

/** 结对名单: active, to-review and ended pairings of the area, with keep and end actions. */
export function PairingsCard(props: {
  areaCode: string | undefined;
  cadres: CadreLoad[];
  needsReview: number;
  canPair: boolean;
  visited?: VisitedFilter;
  onClearVisited?: () => void;
  /** Only this cadre's pairings (the board keeps it in the address). */
  cadreId?: string;
  onCadreChange: (cadreId: string | undefined) => void;
}) {
  const { areaCode, cadres, needsReview, canPair, visited, onClearVisited, cadreId, onCadreChange } = props;
  const t = useT();
  const { locale } = useLocale();
  // A drill-down from the dashboard lists active pairings, as the dashboard counts them.
  const [view, setView] = useState<PairingView>(
    needsReview > 0 && !visited && !cadreId ? 'review' : 'active',
  );
  const list = usePairings({
    ...(areaCode ? { areaCode } : {}),
    ...(cadreId ? { cadreId } : {}),
    status: view === 'ended' ? 'ended' : 'active',
    ...(view === 'review' ? { needsReview: 'true' as const } : {}),
    ...(visited
      ? {
          visited: visited.visited,
          ...(visited.from ? { visitedFrom: visited.from } : {}),
          ...(visited.to ? { visitedTo: visited.to } : {}),
        }
      : {}),
    limit: LIMIT,
  });
  const decision = useModalTarget<{ pairing: Pairing; decision: PairingDecision }>();
  const rows = list.data?.items ?? [];
  const total = list.data?.total;

  const columns: TableColumnsType<Pairing> = [
    {
      title: t('assistance.household'),
      dataIndex: 'householdNumber',
      render: (number: string, p) => (
        <Space size={6} wrap>
          <Link to={`/households/${p.householdId}?tab=visits`}>{number}</Link>
          <span>{p.headName ?? '—'}</span>
          {p.needsReview && <Tag color="orange">{t('assistance.pairings.needsReview')}</Tag>}
        </Space>
      ),
    },
    { title: t('assistance.village'), dataIndex: 'villageName' },
    { title: t('assistance.tier'), dataIndex: 'tier', render: (_, p) => <TierTag tier={p.tier} /> },
    { title: t('assistance.cadre'), dataIndex: 'cadreName' },
    { title: t('assistance.startDate'), dataIndex: 'startDate' },
    view === 'ended'
      ? { title: t('assistance.endDate'), dataIndex: 'endDate', render: (d: string | null) => d ?? '—' }
      : {
          title: t('assistance.lastVisit'),
          dataIndex: 'lastVisitDate',
          render: (d: string | null) =>
            d ?? <Typography.Text type="secondary">{t('assistance.neverVisited')}</Typography.Text>,
        },
  ];
  if (canPair && view !== 'ended') {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size={0}>
          {p.needsReview && (
            <Button
              type="link"
              size="small"
              onClick={() => decision.show({ pairing: p, decision: 'keep' })}
              data-testid={`pairing-keep-${p.householdNumber}`}
            >
              {t('assistance.pairings.keep')}
            </Button>
          )}
          <Button
            type="link"
            size="small"
            onClick={() => decision.show({ pairing: p, decision: 'end' })}
            data-testid={`pairing-end-${p.householdNumber}`}
          >
            {t('assistance.pairings.end')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Card
      size="small"
      title={t('assistance.pairings.title')}
      extra={
        total !== undefined && (
          <Typography.Text type="secondary" data-testid="pairings-total">
            {t('common.total', { total: formatNumber(total, locale) })}
          </Typography.Text>
        )
      }
      data-testid="pairings"
    >
      {visited && onClearVisited && (
        <FilterTags
          tags={[{ key: 'visited', label: visitedLabel(t, visited), onClose: onClearVisited }]}
          testId="pairings-filter-tags"
        />
      )}
      <Flex gap={8} wrap align="center" justify="flex-end" style={{ marginBottom: 12 }}>
        <CadreSelect
          cadres={cadres}
          value={cadreId}
          onChange={(next) => onCadreChange(typeof next === 'string' ? next : undefined)}
          allowClear
          placeholder={t('assistance.pairings.anyCadre')}
          size="small"
          style={{ minWidth: 160 }}
          data-testid="pairings-cadre"
        />
        <Segmented<PairingView>
          size="small"
          value={view}
          onChange={setView}
          options={[
            { value: 'active', label: t('assistance.pairings.active') },
            {
              value: 'review',
              label: (
                <Space size={4}>
                  {t('assistance.pairings.review')}
                  {needsReview > 0 && <Badge count={needsReview} size="small" />}
                </Space>
              ),
            },
            { value: 'ended', label: t('assistance.pairings.endedView') },
          ]}
          data-testid="pairings-view"
        />
      </Flex>
      {view === 'review' && (
        <Typography.Paragraph type="secondary">{t('assistance.pairings.reviewHint')}</Typography.Paragraph>
      )}
      <Table<Pairing>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        size="small"
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: t(view === 'review' ? 'assistance.pairings.noneToReview' : 'assistance.pairings.empty'),
        }}
        footer={
          (total ?? rows.length) > rows.length
            ? () => t('assistance.pairings.limited', { limit: LIMIT })
            : undefined
        }
        data-testid="pairings-table"
      />
      {decision.target && (
        <PairingDecisionModal
          pairing={decision.target.pairing}
          decision={decision.target.decision}
          open={decision.open}
          onClose={decision.hide}
          afterClose={decision.afterClose}
        />
      )}
    </Card>
  );
}
