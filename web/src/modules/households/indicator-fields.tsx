import { type HardshipFactor, hardshipFactors } from '@lianxin/common';
import { Checkbox, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useLocale, useT } from '../../i18n/i18n';
import { blankToNull } from '../../shared/forms';
import { formatNumber } from '../../shared/numbers';
import { hardshipLabel } from './household-labels';

/** One year's economic indicators as the form holds them. */
export interface IndicatorFormValues {
  year?: number;
  totalIncome?: number | null;
  debt?: number | null;
  mainIncomeSource?: string;
  hardships: HardshipFactor[];
}

export function toIndicatorsBody(values: IndicatorFormValues) {
  return {
    totalIncome: values.totalIncome ?? undefined,
    debt: values.debt ?? 0,
    mainIncomeSource: blankToNull(values.mainIncomeSource),
    hardships: values.hardships,
  };
}

/** The year a new record is for: this year, or the latest year before it that has none yet. */
export function freeYear(taken: readonly number[] = []): number {
  let year = new Date().getFullYear();
  while (taken.includes(year)) year -= 1;
  return year;
}

/**
 * Year, income, debt, main source and hardship factors, under `prefix`. With `members`, the
 * per-capita income the tiering rules will use is shown as the income is typed.
 */
export function IndicatorFields(props: {
  prefix?: (string | number)[];
  yearLocked?: boolean;
  members?: number;
  required?: boolean;
}) {
  const { prefix = [], yearLocked, members, required = true } = props;
  const t = useT();
  const { locale } = useLocale();
  const form = Form.useFormInstance();
  const totalIncome = Form.useWatch([...prefix, 'totalIncome'], form);
  const name = (field: string) => [...prefix, field];
  const perCapita =
    members && members > 0 && typeof totalIncome === 'number' ? Math.round(totalIncome / members) : null;

  return (
    <Row gutter={16}>
      <Col xs={24} md={6}>
        <Form.Item
          name={name('year')}
          label={t('indicators.year')}
          rules={[{ required, message: t('indicators.yearRule') }]}
        >
          <InputNumber min={2000} max={2100} precision={0} disabled={yearLocked} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={9}>
        <Form.Item
          name={name('totalIncome')}
          label={t('indicators.totalIncome')}
          rules={[{ required, message: t('indicators.totalIncomeRule') }]}
          extra={
            perCapita === null
              ? undefined
              : t('indicators.perCapitaPreview', {
                  amount: formatNumber(perCapita, locale),
                  members: members ?? 0,
                })
          }
        >
          <InputNumber
            min={0}
            max={100_000_000}
            precision={0}
            suffix={t('common.yuanUnit')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={9}>
        <Form.Item name={name('debt')} label={t('indicators.debt')}>
          <InputNumber
            min={0}
            max={1_000_000_000}
            precision={0}
            suffix={t('common.yuanUnit')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={name('mainIncomeSource')} label={t('indicators.mainIncomeSource')}>
          <Input maxLength={60} placeholder={t('indicators.mainIncomeSourcePlaceholder')} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={name('hardships')} label={t('indicators.hardships')} style={{ marginBottom: 0 }}>
          <Checkbox.Group
            options={hardshipFactors.map((h) => ({ value: h, label: hardshipLabel(t, h) }))}
            data-testid="indicator-hardships"
          />
        </Form.Item>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('indicators.hardshipsHint')}
        </Typography.Text>
      </Col>
    </Row>
  );
}
