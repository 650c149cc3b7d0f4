import type { DashboardQuery } from '@lianxin/common';
import { Col, Row } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { InfoLabel } from './indicators';
import { useWork } from './work.api';
import { CadresCard } from './work-cadres.card';
import { CoverageCard, VisitCoverageCard } from './work-coverage.cards';
import { PendingCard, WorkLabel } from './work-labels';
import './dashboard.css';
import './work-section.css';

/**
 * 干部工作: for the dashboard's area and period, the households visited as often as their tier
 * asks, the must-visit and must-go coverage (for those who read contact and assistance), and a
 * row per cadre with the appeals they handle, their pairings and visits, and the households'
 * ratings of them.
 */
export function WorkSection(props: { areaCode: string | undefined; from: string; to: string }) {
  const { areaCode, from, to } = props;
  const t = useT();
  const can = useCan();
  const query = useMemo<DashboardQuery>(
    () => ({ from, to, ...(areaCode ? { areaCode } : {}) }),
    [from, to, areaCode],
  );
  const work = useWork(query);
  const showCoverage = can('assistance.read');
  const failed = work.isError && !work.data ? { error: work.error } : undefined;
  const retry = () => work.refetch();

  return (
    <div className="lx-cadre-work" data-testid="dashboard-work">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={showCoverage ? 12 : 24}>
          {work.data ? (
            <VisitCoverageCard work={work.data} fetching={work.isFetching} />
          ) : (
            <PendingCard
              title={<WorkLabel indicator="visitCoverage" />}
              failure={failed}
              onRetry={retry}
              testId="work-visit-coverage"
            />
          )}
        </Col>
        {showCoverage && (
          <Col xs={24} lg={12}>
            <CoverageCard query={query} />
          </Col>
        )}
      </Row>
      {work.data ? (
        <CadresCard key={work.data.area.code} work={work.data} fetching={work.isFetching} />
      ) : (
        <PendingCard
          title={<InfoLabel name={t('work.cadres.title')} definition={t('work.cadres.definition')} />}
          failure={failed}
          onRetry={retry}
          testId="work-cadres"
        />
      )}
    </div>
  );
}
