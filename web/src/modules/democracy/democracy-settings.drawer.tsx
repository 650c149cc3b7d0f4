import type { BodyRule, DemocracySettings, Threshold } from '@lianxin/common';
import { Divider, Drawer, Form, InputNumber, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { type Translate, useLocale, useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { DrawerFooter } from '../../shared/form-actions';
import { useDemocracySettings, useUpdateDemocracySettings } from './democracy.api';
import { ruleText, zhDigits } from './quorum-panel';

const configurable = ['branchCommittee', 'jointCommittees', 'partyMembers'] as const;
type Configurable = (typeof configurable)[number];
const bodyOf = {
  branchCommittee: 'branch_committee',
  jointCommittees: 'joint_committees',
  partyMembers: 'party_members',
} as const;

// The shares village rules of procedure use; a stored share outside them is kept as it is.
const presets: Threshold[] = [
  { numerator: 1, denominator: 2, comparison: 'atLeast' },
  { numerator: 1, denominator: 2, comparison: 'moreThan' },
  { numerator: 2, denominator: 3, comparison: 'atLeast' },
  { numerator: 3, denominator: 4, comparison: 'atLeast' },
  { numerator: 4, denominator: 5, comparison: 'atLeast' },
];
const keyOf = (t: Threshold) => `${t.numerator}/${t.denominator}/${t.comparison}`;
const thresholdOf = (key: string): Threshold => {
  const [n, d, c] = key.split('/');
  return {
    numerator: Number(n),
    denominator: Number(d),
    comparison: c === 'moreThan' ? 'moreThan' : 'atLeast',
  };
};
const shareLabel = (t: Translate, th: Threshold, zh: boolean) => {
  const word = (n: number) => (zh && n <= 10 ? (zhDigits[n] ?? String(n)) : n);
  return t(`democracyWeb.settings.share.${th.comparison}`, {
    n: word(th.numerator),
    d: word(th.denominator),
  });
};

type Values = Record<
  Configurable,
  { quorum: string; majority: string; majorityOf: BodyRule['majorityOf'] }
> & {
  villagersNoticeDays: number;
};

/** The district's rules for the Party bodies and the two committees (the law fixes the other two). */
export function DemocracySettingsDrawer(props: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const showError = useShowError();
  const { data } = useDemocracySettings();
  const update = useUpdateDemocracySettings();
  const [form] = Form.useForm<Values>();
  const watched = Form.useWatch([], form);

  useEffect(() => {
    if (!props.open || !data) return;
    const rule = (r: BodyRule) => ({
      quorum: keyOf(r.quorum),
      majority: keyOf(r.majority),
      majorityOf: r.majorityOf,
    });
    form.setFieldsValue({
      branchCommittee: rule(data.branchCommittee),
      jointCommittees: rule(data.jointCommittees),
      partyMembers: rule(data.partyMembers),
      villagersNoticeDays: data.villagersNoticeDays,
    });
  }, [props.open, data, form]);

  const options = (current: Threshold | undefined) =>
    [...presets, ...(current && !presets.some((p) => keyOf(p) === keyOf(current)) ? [current] : [])].map(
      (p) => ({
        value: keyOf(p),
        label: shareLabel(t, p, locale === 'zh-CN'),
      }),
    );

  const save = async () => {
    const v = await form.validateFields();
    const rule = (r: Values[Configurable]): BodyRule => ({
      quorum: thresholdOf(r.quorum),
      majority: thresholdOf(r.majority),
      majorityOf: r.majorityOf,
    });
    const body: DemocracySettings = {
      branchCommittee: rule(v.branchCommittee),
      jointCommittees: rule(v.jointCommittees),
      partyMembers: rule(v.partyMembers),
      villagersNoticeDays: v.villagersNoticeDays,
    };
    update.mutate(body, { onSuccess: props.onClose, onError: showError });
  };

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={t('democracyWeb.settings.title')}
      width={480}
      footer={
        <DrawerFooter
          onCancel={props.onClose}
          onSave={save}
          saving={update.isPending}
          testId="democracy-settings-save"
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('democracyWeb.settings.intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" name="democracy-settings">
        {configurable.map((key) => {
          const current = data?.[key];
          const w = watched?.[key];
          return (
            <div key={key}>
              <Divider titlePlacement="start" plain>
                {t(`democracy.body.${bodyOf[key]}`)}
              </Divider>
              <Form.Item
                name={[key, 'quorum']}
                label={t('democracyWeb.settings.quorum')}
                rules={[{ required: true }]}
              >
                <Select options={options(current?.quorum)} />
              </Form.Item>
              <Form.Item
                name={[key, 'majority']}
                label={t('democracyWeb.settings.majority')}
                rules={[{ required: true }]}
              >
                <Select options={options(current?.majority)} />
              </Form.Item>
              <Form.Item
                name={[key, 'majorityOf']}
                label={t('democracyWeb.settings.majorityOf')}
                rules={[{ required: true }]}
              >
                <Select
                  options={(['present', 'entitled'] as const).map((o) => ({
                    value: o,
                    label: t(`democracyWeb.settings.of.${o}`),
                  }))}
                />
              </Form.Item>
              {w?.quorum && w.majority && w.majorityOf && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {ruleText(
                    t,
                    {
                      quorum: thresholdOf(w.quorum),
                      majority: thresholdOf(w.majority),
                      majorityOf: w.majorityOf,
                    },
                    locale === 'zh-CN',
                  )}
                </Typography.Text>
              )}
            </div>
          );
        })}
        <Divider titlePlacement="start" plain>
          {t('democracy.body.villagers')}
        </Divider>
        <Form.Item
          name="villagersNoticeDays"
          label={t('democracyWeb.settings.noticeDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={60} precision={0} addonAfter={t('democracyWeb.settings.days')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
