import { DeleteOutlined } from '@ant-design/icons';
import { type AssessmentConfig, type Cohort, cohorts } from '@lianxin/common';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  InputNumber,
  Row,
  Select,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useSaveAssessmentConfig } from './assessment.api';
import { CadreIndicatorLabel, cohortLabel } from './assessment-labels';
import { useIndicatorText, useSurfaceIndicators } from './indicators.api';

function sumOf(weights: Record<string, number>): number {
  return Object.values(weights).reduce((sum, w) => sum + w, 0);
}

/**
 * 指标权重: per cohort, the indicators it is scored on and their weights in percent, which must
 * add up to 100 (the server refuses anything else). Read-only without assessment.manage or once
 * the year is finalized.
 */
export function AssessmentWeightsCard({
  year,
  config,
  editable,
}: {
  year: number;
  config: AssessmentConfig;
  editable: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useSaveAssessmentConfig(year);
  const [draft, setDraft] = useState<AssessmentConfig>(config);
  // A new year, or the saved configuration coming back, replaces the edits.
  useEffect(() => setDraft(config), [config]);

  const changed = JSON.stringify(draft) !== JSON.stringify(config);
  const valid = cohorts.every((c) => sumOf(draft[c].weights) === 100);
  const setWeights = (cohort: Cohort, weights: Record<string, number>) =>
    setDraft((d) => ({ ...d, [cohort]: { weights } }));

  return (
    <Card
      size="small"
      title={t('assessment.weights.title')}
      data-testid="assessment-weights"
      extra={
        editable && (
          <Flex gap={8}>
            <Button size="small" disabled={!changed} onClick={() => setDraft(config)}>
              {t('common.reset')}
            </Button>
            <Tooltip title={valid ? undefined : t('assessment.weights.mustBe100')}>
              <Button
                size="small"
                type="primary"
                disabled={!changed || !valid}
                loading={save.isPending}
                data-testid="assessment-weights-save"
                onClick={() =>
                  save.mutate(draft, {
                    onSuccess: () => message.success(t('assessment.weights.saved')),
                    onError: showError,
                  })
                }
              >
                {t('common.save')}
              </Button>
            </Tooltip>
          </Flex>
        )
      }
    >
      <Row gutter={[12, 12]}>
        {cohorts.map((cohort) => (
          <Col key={cohort} xs={24} md={12} xxl={6}>
            <CohortWeights
              cohort={cohort}
              weights={draft[cohort].weights}
              editable={editable}
              onChange={(weights) => setWeights(cohort, weights)}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function CohortWeights({
  cohort,
  weights,
  editable,
  onChange,
}: {
  cohort: Cohort;
  weights: Record<string, number>;
  editable: boolean;
  onChange: (weights: Record<string, number>) => void;
}) {
  const t = useT();
  const text = useIndicatorText();
  const sum = sumOf(weights);
  const entries = Object.entries(weights);
  // Every indicator a module registered for the assessment that may be weighted in this cohort.
  const unused = useSurfaceIndicators('assessment')
    .filter((i) => i.cohorts.includes(cohort) && !(i.key in weights))
    .map((i) => i.key);

  return (
    <Card
      type="inner"
      size="small"
      title={cohortLabel(t, cohort)}
      data-testid={`assessment-weights-${cohort}`}
      extra={
        <Tag color={sum === 100 ? 'success' : 'error'} data-testid={`assessment-weights-sum-${cohort}`}>
          {t('assessment.weights.sum', { sum })}
        </Tag>
      }
    >
      {entries.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {entries.map(([indicator, weight]) => (
        <Flex key={indicator} align="center" justify="space-between" gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text style={{ flex: 1, minWidth: 0 }}>
            <CadreIndicatorLabel indicator={indicator} />
          </Typography.Text>
          <InputNumber
            size="small"
            min={0}
            max={100}
            precision={0}
            value={weight}
            disabled={!editable}
            suffix="%"
            style={{ width: 84 }}
            aria-label={text(indicator).name}
            onChange={(value) => onChange({ ...weights, [indicator]: value ?? 0 })}
          />
          {editable && (
            <Tooltip title={t('common.remove')}>
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('common.remove')}
                onClick={() => onChange(Object.fromEntries(entries.filter(([key]) => key !== indicator)))}
              />
            </Tooltip>
          )}
        </Flex>
      ))}
      {editable && unused.length > 0 && (
        <Select<string>
          size="small"
          value={null}
          placeholder={t('assessment.weights.add')}
          style={{ width: '100%' }}
          options={unused.map((i) => {
            const { name, definition } = text(i);
            return {
              value: i,
              label: (
                <Tooltip title={definition} placement="right">
                  <span style={{ display: 'block' }}>{name}</span>
                </Tooltip>
              ),
            };
          })}
          onChange={(indicator) => onChange({ ...weights, [indicator]: 0 })}
        />
      )}
    </Card>
  );
}
