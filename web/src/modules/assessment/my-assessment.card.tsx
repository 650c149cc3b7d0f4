import type { AssessmentScore } from '@lianxin/common';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useLocale, useT } from '../../i18n/i18n';
import { useOwnAssessment } from './assessment.api';
import { cohortLabel, formatRate, formatScore } from './assessment-labels';
import { chinaToday } from './dashboard-location';
import { useIndicatorText } from './indicators.api';
import './dashboard.css';

type BreakdownRow = AssessmentScore['breakdown'][number];

/**
 * 我的考核: the signed-in cadre's own score of this year (or, before this year is computed, of
 * last year), rank in their cohort and the breakdown with each indicator's definition. Renders
 * nothing for an account that was not assessed.
 */
export function MyAssessmentCard() {
  const current = Number(chinaToday().slice(0, 4));
  const thisYear = useOwnAssessment(current);
  const lastYear = useOwnAssessment(current - 1);
  if (thisYear.data) return <OwnScore year={current} score={thisYear.data} />;
  if (thisYear.data === null && lastYear.data) return <OwnScore year={current - 1} score={lastYear.data} />;
  return null;
}

function OwnScore({ year, score }: { year: number; score: AssessmentScore }) {
  const t = useT();
  const { locale } = useLocale();
  const text = useIndicatorText();
  return (
    <Card
      size="small"
      title={t('assessment.mine.title', { year })}
      extra={<Typography.Text type="secondary">{cohortLabel(t, score.cohort)}</Typography.Text>}
      data-testid="my-assessment"
      style={{ marginTop: 16 }}
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('assessment.score')} value={formatScore(score.score, t, locale)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('assessment.rank')}
            value={
              score.rank === null ? t('assessment.noData') : t('assessment.mine.rank', { rank: score.rank })
            }
          />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">{t('assessment.comment')}</Typography.Text>
          <Typography.Paragraph style={{ marginTop: 4 }}>{score.comment ?? '—'}</Typography.Paragraph>
        </Col>
        <Col span={24}>
          <Table<BreakdownRow>
            rowKey="indicator"
            size="small"
            pagination={false}
            dataSource={score.breakdown}
            columns={[
              {
                key: 'indicator',
                title: t('assessment.indicator'),
                render: (_, row) => {
                  const { name, definition } = text(row.indicator);
                  return (
                    <>
                      <div>{name}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {definition}
                      </Typography.Text>
                    </>
                  );
                },
              },
              {
                key: 'weight',
                title: t('assessment.weight'),
                dataIndex: 'weight',
                align: 'right',
                render: (weight: number) => `${weight}%`,
              },
              {
                key: 'value',
                title: t('assessment.value'),
                dataIndex: 'value',
                align: 'right',
                render: (value: number | null) => formatRate(value, t, locale),
              },
              {
                key: 'points',
                title: t('assessment.points'),
                dataIndex: 'points',
                align: 'right',
                render: (points: number, row) =>
                  row.value === null ? '—' : points.toLocaleString(locale, { maximumFractionDigits: 1 }),
              },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
