import { AssistanceSettings, quotaGroups, tiers } from '@lianxin/common';
import { App, Button, Card, Col, Form, InputNumber, Row, Skeleton, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useSchemaForm } from '../../shared/forms';
import { PageHeader } from '../../shared/page-header';
import { tierLabel } from '../tiering/tier-tag';
import { useAssistanceSettings, useSaveAssistanceSettings } from './assistance.api';
import { quotaGroupLabel } from './assistance-labels';

function WholeNumber({
  name,
  min,
  max,
  suffix,
  testId,
}: {
  name: (string | number)[];
  min: number;
  max: number;
  suffix?: string;
  testId?: string;
}) {
  return (
    <Form.Item name={name} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
      <InputNumber
        min={min}
        max={max}
        precision={0}
        suffix={suffix}
        style={{ width: '100%' }}
        data-testid={testId}
      />
    </Form.Item>
  );
}

function SettingsForm({ settings }: { settings: AssistanceSettings }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssistanceSettings>();
  const save = useSaveAssistanceSettings();
  const [initialValues] = useState(settings);
  const mapping = useMemo(
    () => ({
      messages: Object.fromEntries(
        quotaGroups.map((g) => [`quotas.${g}.min`, t('assistance.quota.rangeRule')]),
      ),
    }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, AssistanceSettings, mapping);

  const submit = (values: AssistanceSettings) => {
    const body = validate(values);
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => message.success(t('assistance.settings.saved')),
      onError: handleError,
    });
  };

  const unit = t('assistance.households');
  return (
    <Form<AssistanceSettings>
      form={form}
      layout="vertical"
      name="assistance-settings"
      initialValues={initialValues}
      onFinish={submit}
      style={{ maxWidth: 880 }}
    >
      <Typography.Paragraph type="secondary">{t('assistance.settings.intro')}</Typography.Paragraph>
      <Card size="small" title={t('assistance.settings.quotas')} style={{ marginBottom: 16 }}>
        <Table
          rowKey="group"
          size="small"
          pagination={false}
          dataSource={quotaGroups.map((group) => ({ group }))}
          columns={[
            {
              title: t('assistance.settings.group'),
              dataIndex: 'group',
              render: (group: (typeof quotaGroups)[number]) => quotaGroupLabel(t, group),
            },
            {
              title: t('assistance.quota.min'),
              key: 'min',
              width: 200,
              render: (_, { group }) => (
                <WholeNumber
                  name={['quotas', group, 'min']}
                  min={0}
                  max={100}
                  suffix={unit}
                  testId={`quota-${group}-min`}
                />
              ),
            },
            {
              title: t('assistance.quota.max'),
              key: 'max',
              width: 200,
              render: (_, { group }) => (
                <WholeNumber
                  name={['quotas', group, 'max']}
                  min={0}
                  max={100}
                  suffix={unit}
                  testId={`quota-${group}-max`}
                />
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('assistance.settings.quotasHint')}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('assistance.settings.frequency')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {[...tiers].reverse().map((tier) => (
            <Col xs={24} md={8} key={tier}>
              <Form.Item label={t('assistance.settings.everyDays', { tier: tierLabel(t, tier) })} required>
                <WholeNumber
                  name={['visitEveryDays', tier]}
                  min={1}
                  max={tier === 'stable' ? 731 : 366}
                  suffix={t('assistance.settings.days')}
                  testId={`every-${tier}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('assistance.settings.villageDays')}
              extra={t('assistance.settings.villageDaysHint')}
              required
            >
              <WholeNumber
                name={['villageDaysPerMonth']}
                min={0}
                max={31}
                suffix={t('assistance.settings.days')}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('assistance.settings.mustRules')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('assistance.settings.veteranYears')}
              extra={t('assistance.settings.veteranYearsHint')}
              required
            >
              <WholeNumber
                name={['veteranPartyYears']}
                min={1}
                max={100}
                suffix={t('assistance.settings.years')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('assistance.settings.manyPetitions')}
              extra={t('assistance.settings.manyPetitionsHint')}
              required
            >
              <WholeNumber
                name={['manyPetitionsThreshold']}
                min={1}
                max={10_000}
                suffix={t('assistance.settings.appealsUnit')}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Button
        type="primary"
        htmlType="submit"
        loading={save.isPending}
        data-testid="assistance-settings-save"
      >
        {t('common.save')}
      </Button>
    </Form>
  );
}

/** 帮扶设置 (district admins): quotas per group, visit frequency per tier, village days, the 五必 rules. */
export function AssistanceSettingsPage() {
  const t = useT();
  const { data } = useAssistanceSettings();
  return (
    <>
      <PageHeader title={t('assistance.settings.title')} />
      {data ? <SettingsForm settings={data} /> : <Skeleton active />}
    </>
  );
}
