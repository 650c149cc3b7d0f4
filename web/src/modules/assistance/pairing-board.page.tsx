import { ThunderboltOutlined } from '@ant-design/icons';
import type { CadreLoad, UnpairedHousehold } from '@lianxin/common';
import { Button, Card, Col, Row, Space, Statistic } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { AreaPicker, useHasChildAreas } from '../areas/area-picker';
import { useAreaIndex } from '../areas/areas.api';
import { usePairingBoard } from './assistance.api';
import { loadColors } from './assistance-labels';
import { CadreLoadsCard } from './cadre-loads.card';
import { kindOfCode } from './cadre-select';
import { PairModal } from './pair.modal';
import { PairingsCard, type VisitedFilter } from './pairings.card';
import { ProposalDrawer } from './proposal.drawer';
import { QuotaModal } from './quota.modal';
import { UnpairedCard } from './unpaired.card';
import './assistance.css';

type Household = z.infer<typeof UnpairedHousehold>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The visited filter a dashboard figure's link puts in the address (a period alone means visited). */
function visitedFilterOf(params: URLSearchParams): VisitedFilter | undefined {
  const from = params.get('visitedFrom') ?? undefined;
  const to = params.get('visitedTo') ?? undefined;
  const flag = params.get('visited');
  const period = {
    ...(from && DATE.test(from) ? { from } : {}),
    ...(to && DATE.test(to) ? { to } : {}),
  };
  if (flag === 'true' || flag === 'false') return { visited: flag, ...period };
  return period.from || period.to ? { visited: 'true', ...period } : undefined;
}

/**
 * 结对帮扶: the town head's one page — which priority households have no helper, which cadres are
 * under or over quota, which pairings to review and how many visits are overdue — and the fixes.
 */
export function PairingBoardPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const areaCode = params.get('area') ?? undefined;
  const visited = useMemo(() => visitedFilterOf(params), [params]);
  // The cadre filter lives in the address too: the dashboard's cadre table links to a cadre's pairings.
  const cadreParam = params.get('cadre');
  const cadreId = cadreParam && UUID.test(cadreParam) ? cadreParam : undefined;
  const hasChildAreas = useHasChildAreas();
  const { index } = useAreaIndex();
  const board = usePairingBoard(areaCode);
  const canPair = can('assistance.pair');
  const quota = useModalTarget<CadreLoad>();
  const pair = useModalTarget<Household>();
  const proposal = useModalTarget<true>();
  const data = board.data;
  const cadres = data?.cadres ?? [];
  const under = cadres.filter((c) => c.state === 'under').length;
  const over = cadres.filter((c) => c.state === 'over').length;
  const unpaired = (data?.unpairedByVillage ?? []).reduce((sum, v) => sum + v.count, 0);

  const towns = useMemo(() => [...index.byCode.values()].filter((a) => a.kind === 'town'), [index]);
  // The town the proposal is for: the board's own, or the town above a village on the board.
  const boardArea = areaCode ?? me.areaCode;
  const boardKind = kindOfCode(boardArea);
  const initialTown =
    boardKind === 'town'
      ? boardArea
      : boardKind === 'village' || boardKind === 'group'
        ? `${boardArea.slice(0, 9)}000`
        : undefined;

  const setArea = (code: string | undefined) => {
    const next = new URLSearchParams(params);
    if (code) next.set('area', code);
    else next.delete('area');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('assistance.board.title')}
        extra={
          <Space wrap>
            {hasChildAreas && <AreaPicker value={areaCode} onChange={setArea} testId="board-area" />}
            {canPair && (
              <Button
                type="primary"
                icon={<ThunderboltOutlined />}
                onClick={() => proposal.show(true)}
                data-testid="proposal-open"
              >
                {t('assistance.proposal.open')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small" className="lx-board-stat">
            <Statistic
              title={t('assistance.board.unpairedStat')}
              value={unpaired}
              styles={{ content: { color: unpaired > 0 ? '#f5222d' : undefined } }}
              loading={!data}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" className="lx-board-stat">
            <Statistic
              title={t('assistance.board.quotaStat')}
              value={under + over}
              suffix={
                <span className="lx-board-stat-detail">
                  <span style={{ color: loadColors.under }}>
                    {t('assistance.board.underN', { count: under })}
                  </span>
                  {' · '}
                  <span style={{ color: loadColors.over }}>
                    {t('assistance.board.overN', { count: over })}
                  </span>
                </span>
              }
              loading={!data}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" className="lx-board-stat">
            <Statistic
              title={t('assistance.board.reviewStat')}
              value={data?.needsReview ?? 0}
              styles={{ content: { color: (data?.needsReview ?? 0) > 0 ? '#fa8c16' : undefined } }}
              loading={!data}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" className="lx-board-stat">
            <Statistic
              title={t('assistance.board.overdueStat')}
              value={data?.overdueVisits ?? 0}
              styles={{ content: { color: (data?.overdueVisits ?? 0) > 0 ? '#f5222d' : undefined } }}
              loading={!data}
              data-testid="board-overdue"
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <CadreLoadsCard
            cadres={cadres}
            loading={board.isFetching}
            canEditQuota={canPair}
            onEditQuota={quota.show}
          />
        </Col>
        <Col xs={24} xl={10}>
          <UnpairedCard board={data} loading={board.isFetching} canPair={canPair} onPair={pair.show} />
        </Col>
      </Row>
      {data && (
        <PairingsCard
          key={data.areaCode}
          areaCode={areaCode}
          cadres={cadres}
          needsReview={data.needsReview}
          canPair={canPair}
          visited={visited}
          cadreId={cadreId}
          onCadreChange={(next) => {
            const out = new URLSearchParams(params);
            if (next) out.set('cadre', next);
            else out.delete('cadre');
            setParams(out, { replace: true });
          }}
          onClearVisited={() => {
            const next = new URLSearchParams(params);
            for (const key of ['visited', 'visitedFrom', 'visitedTo']) next.delete(key);
            setParams(next);
          }}
        />
      )}
      {quota.target && (
        <QuotaModal
          cadre={quota.target}
          open={quota.open}
          onClose={quota.hide}
          afterClose={quota.afterClose}
        />
      )}
      {pair.target && (
        <PairModal
          household={pair.target}
          cadres={cadres}
          open={pair.open}
          onClose={pair.hide}
          afterClose={pair.afterClose}
        />
      )}
      {proposal.target && (
        <ProposalDrawer
          towns={towns}
          initialTown={initialTown}
          villageName={(code) => index.byCode.get(code)?.name ?? code}
          open={proposal.open}
          onClose={proposal.hide}
          afterClose={proposal.afterClose}
        />
      )}
    </>
  );
}
