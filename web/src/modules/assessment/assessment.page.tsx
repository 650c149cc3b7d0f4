import { CalculatorOutlined, DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { assessmentsApi, cohorts } from '@lianxin/common';
import { App, Button, Card, DatePicker, Flex, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { useDownload } from '../../shared/download';
import { useShowError } from '../../shared/feedback';
import { PageHeader } from '../../shared/page-header';
import { useAssessment, useComputeAssessment, useFinalizeAssessment } from './assessment.api';
import { cohortLabel } from './assessment-labels';
import { CohortRanking } from './assessment-ranking';
import { AssessmentWeightsCard } from './assessment-weights.card';
import { chinaToday } from './dashboard-location';
import './dashboard.css';

const MIN_YEAR = 2020;

/** The year in the address (?year=2026), else this year in China. */
function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const current = Number(chinaToday().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= MIN_YEAR && asked <= current + 1 ? asked : current;
  return [year, (next) => setParams(next === current ? {} : { year: String(next) }, { replace: true })];
}

/**
 * 年度考核: a year's indicator weights per cohort, its computed scores ranked per cohort with
 * each indicator's value, reviewers' comments, and — for assessment.manage — compute and the
 * finalization that locks the year.
 */
export function AssessmentPage() {
  const t = useT();
  const can = useCan();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [year, setYear] = useYear();
  const { data, isPending, isError, refetch } = useAssessment(year);
  const compute = useComputeAssessment(year);
  const finalize = useFinalizeAssessment(year);
  const download = useDownload();
  const manage = can('assessment.manage');
  const draft = data?.status === 'draft';
  const editable = manage && draft && data?.year === year;

  const confirmFinalize = () =>
    modal.confirm({
      title: t('assessment.finalizeConfirm', { year }),
      content: t('assessment.finalizeConfirmText'),
      okText: t('assessment.finalize'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        finalize.mutateAsync(undefined).then(
          () => message.success(t('assessment.finalized', { year })),
          (error: unknown) => showError(error),
        ),
    });

  const extra = (
    <Space wrap>
      <DatePicker
        picker="year"
        allowClear={false}
        value={dayjs(`${year}-01-01`)}
        onChange={(value) => value && setYear(value.year())}
        disabledDate={(d) => d.year() < MIN_YEAR || d.year() > Number(chinaToday().slice(0, 4)) + 1}
        data-testid="assessment-year"
      />
      {data && (
        <Tag color={draft ? 'processing' : 'success'} data-testid="assessment-status">
          {t(draft ? 'assessment.status.draft' : 'assessment.status.finalized')}
        </Tag>
      )}
      {editable && (
        <Button
          type="primary"
          icon={<CalculatorOutlined />}
          loading={compute.isPending}
          data-testid="assessment-compute"
          onClick={() =>
            compute.mutate(undefined, {
              onSuccess: ({ cadres }) => message.success(t('assessment.computed', { n: cadres })),
              onError: showError,
            })
          }
        >
          {t('assessment.compute')}
        </Button>
      )}
      {editable && (
        <Button
          danger
          icon={<LockOutlined />}
          disabled={!data?.computedAt}
          loading={finalize.isPending}
          data-testid="assessment-finalize"
          onClick={confirmFinalize}
        >
          {t('assessment.finalize')}
        </Button>
      )}
      <Button
        icon={<DownloadOutlined />}
        disabled={!data?.computedAt}
        data-testid="assessment-export"
        onClick={() =>
          download.start({
            title: t('assessment.exportTitle', { year }),
            contract: assessmentsApi.export,
            input: { params: { year } },
            fileName: `assessment-${year}.xlsx`,
          })
        }
      >
        {t('assessment.export')}
      </Button>
    </Space>
  );

  return (
    <>
      <PageHeader title={t('assessment.title')} extra={extra} />
      {download.modal}
      {isError ? (
        <Result
          status="warning"
          title={t('assessment.loadFailed')}
          extra={<Button onClick={() => refetch()}>{t('common.reload')}</Button>}
        />
      ) : isPending || !data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary" data-testid="assessment-state">
            {data.finalizedAt
              ? t('assessment.finalizedAt', { at: formatDateTime(data.finalizedAt) })
              : data.computedAt
                ? t('assessment.computedAt', { at: formatDateTime(data.computedAt) })
                : t('assessment.notComputed')}
          </Typography.Text>
          <AssessmentWeightsCard year={year} config={data.config} editable={editable} />
          <Card size="small" title={t('assessment.ranking')}>
            <Tabs
              items={cohorts.map((cohort) => ({
                key: cohort,
                label: `${cohortLabel(t, cohort)} (${data.scores.filter((s) => s.cohort === cohort).length})`,
                children: <CohortRanking assessment={data} cohort={cohort} canComment={editable} />,
              }))}
            />
          </Card>
        </Flex>
      )}
    </>
  );
}
