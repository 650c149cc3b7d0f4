import { EditOutlined } from '@ant-design/icons';
import type { Assessment, AssessmentScore, Cohort, Locale } from '@lianxin/common';
import { App, Button, Card, Empty, Flex, Input, Modal, Table, type TableColumnsType, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, use } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { type Translate, useLocale, useT } from '../../i18n/i18n';
import { EChart } from '../../shared/echart';
import { useShowError } from '../../shared/feedback';
import { useCommentScore } from './assessment.api';
import { CadreIndicatorLabel, formatRate, formatScore } from './assessment-labels';

use([BarChart, GridComponent, TooltipComponent]);

const TOP = 20;

/** The indicators a cohort's scores were computed on (the configuration may have changed since). */
function indicatorsOf(assessment: Assessment, cohort: Cohort, scores: AssessmentScore[]): string[] {
  const computed = new Set(scores.flatMap((s) => s.breakdown.map((b) => b.indicator)));
  return computed.size > 0 ? [...computed] : Object.keys(assessment.config[cohort].weights);
}

function weightOf(
  scores: AssessmentScore[],
  indicator: string,
  fallback: number | undefined,
): number | undefined {
  for (const s of scores) {
    const row = s.breakdown.find((b) => b.indicator === indicator);
    if (row) return row.weight;
  }
  return fallback;
}

function topOption(scores: AssessmentScore[], t: Translate, locale: Locale): EChartsCoreOption {
  const top = scores.filter((s) => s.score !== null).slice(0, TOP);
  return {
    color: ['#1677ff'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: top.map((s) => `${s.rank ?? ''}. ${s.cadreName}`),
    },
    series: [
      {
        type: 'bar',
        name: t('assessment.score'),
        data: top.map((s) => s.score),
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          formatter: ({ value }: { value: number }) => formatScore(value, t, locale),
        },
      },
    ],
  };
}

/** One cohort: the top 20 as a bar chart and every cadre ranked in a table. */
export function CohortRanking({
  assessment,
  cohort,
  canComment,
}: {
  assessment: Assessment;
  cohort: Cohort;
  canComment: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [editing, setEditing] = useState<AssessmentScore | null>(null);
  const scores = useMemo(
    () => assessment.scores.filter((s) => s.cohort === cohort),
    [assessment.scores, cohort],
  );
  const indicators = indicatorsOf(assessment, cohort, scores);
  const option = useMemo(() => topOption(scores, t, locale), [scores, t, locale]);
  const ranked = scores.filter((s) => s.score !== null).length;

  const columns: TableColumnsType<AssessmentScore> = [
    {
      key: 'rank',
      title: t('assessment.rank'),
      dataIndex: 'rank',
      width: 72,
      fixed: 'left',
      render: (rank: number | null) => rank ?? '—',
    },
    { key: 'name', title: t('assessment.name'), dataIndex: 'cadreName', width: 110, fixed: 'left' },
    { key: 'area', title: t('assessment.area'), dataIndex: 'areaName', width: 140 },
    {
      key: 'score',
      title: t('assessment.score'),
      dataIndex: 'score',
      width: 96,
      align: 'right',
      render: (score: number | null) =>
        score === null ? (
          <Typography.Text type="secondary">{t('assessment.noData')}</Typography.Text>
        ) : (
          <Typography.Text strong>{formatScore(score, t, locale)}</Typography.Text>
        ),
    },
    ...indicators.map((indicator) => {
      const weight = weightOf(scores, indicator, assessment.config[cohort].weights[indicator]);
      return {
        key: indicator,
        title: (
          <span>
            <CadreIndicatorLabel indicator={indicator} />
            {weight !== undefined && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                {t('assessment.weightOf', { weight })}
              </Typography.Text>
            )}
          </span>
        ),
        width: 150,
        align: 'right' as const,
        render: (_: unknown, row: AssessmentScore) => {
          const value = row.breakdown.find((b) => b.indicator === indicator)?.value;
          return value === null || value === undefined ? (
            <Typography.Text type="secondary">{t('assessment.noData')}</Typography.Text>
          ) : (
            formatRate(value, t, locale)
          );
        },
      };
    }),
    {
      key: 'comment',
      title: t('assessment.comment'),
      dataIndex: 'comment',
      width: 240,
      render: (comment: string | null, row) => (
        <Flex gap={4} align="start" justify="space-between">
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: comment }}>
            {comment ?? ''}
          </Typography.Paragraph>
          {canComment && (
            <Button
              size="small"
              type="link"
              icon={<EditOutlined />}
              aria-label={t('assessment.editComment')}
              data-testid={`assessment-comment-${row.cadreId}`}
              onClick={() => setEditing(row)}
            />
          )}
        </Flex>
      ),
    },
  ];

  if (scores.length === 0)
    return (
      <Empty description={t(assessment.computedAt ? 'assessment.emptyCohort' : 'assessment.notComputed')} />
    );

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('assessment.topTitle', { n: Math.min(TOP, ranked) })}>
        {ranked === 0 ? (
          <Empty description={t('assessment.noData')} />
        ) : (
          <EChart
            option={option}
            height={Math.max(160, Math.min(TOP, ranked) * 26 + 24)}
            testId={`assessment-chart-${cohort}`}
          />
        )}
      </Card>
      <Table<AssessmentScore>
        rowKey="cadreId"
        size="small"
        columns={columns}
        dataSource={scores}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
        data-testid={`assessment-table-${cohort}`}
      />
      <CommentModal year={assessment.year} score={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}

function CommentModal({
  year,
  score,
  onClose,
}: {
  year: number;
  score: AssessmentScore | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const comment = useCommentScore(year);
  const [text, setText] = useState('');
  useEffect(() => setText(score?.comment ?? ''), [score]);

  return (
    <Modal
      title={score ? t('assessment.commentTitle', { name: score.cadreName }) : ''}
      open={score !== null}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={comment.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => {
        if (!score) return;
        comment.mutate(
          { cadreId: score.cadreId, comment: text },
          {
            onSuccess: () => {
              message.success(t('assessment.commentSaved'));
              onClose();
            },
            onError: showError,
          },
        );
      }}
    >
      <Input.TextArea
        value={text}
        maxLength={1000}
        showCount
        autoSize={{ minRows: 3, maxRows: 8 }}
        onChange={(e) => setText(e.target.value)}
        data-testid="assessment-comment-input"
      />
    </Modal>
  );
}
