import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type Household, IndicatorsInput } from '@lianxin/common';
import {
  App,
  Button,
  Empty,
  Flex,
  Form,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useSchemaForm } from '../../shared/forms';
import { formatNumber } from '../../shared/numbers';
import { useModalTarget } from '../../shared/use-modal-target';
import { hardshipLabel } from './household-labels';
import { useSaveIndicators } from './households.api';
import { freeYear, IndicatorFields, type IndicatorFormValues, toIndicatorsBody } from './indicator-fields';

type YearIndicators = Household['indicators'][number];

function activeMemberCount(household: Household): number {
  return household.members.filter((m) => m.status === 'active').length;
}

/** Records or corrects one year's income, debt and hardships; the tier is recomputed on save. */
function IndicatorsModal(props: {
  household: Household;
  existing: YearIndicators | null;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { household, existing, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<IndicatorFormValues>();
  const save = useSaveIndicators();
  const { validate, handleError } = useSchemaForm(form, IndicatorsInput);
  const takenYears = household.indicators.map((i) => i.year);
  const [initialValues] = useState<IndicatorFormValues>(() => {
    if (existing) return { ...existing, mainIncomeSource: existing.mainIncomeSource ?? '' };
    return { year: freeYear(takenYears), hardships: [] };
  });

  const submit = (values: IndicatorFormValues) => {
    if (!existing && values.year !== undefined && takenYears.includes(values.year)) {
      form.setFields([{ name: 'year', errors: [t('indicators.yearTaken', { year: values.year })] }]);
      return;
    }
    const body = validate(toIndicatorsBody(values));
    if (!body || values.year === undefined) return;
    const year = values.year;
    save.mutate(
      { householdId: household.id, year, body },
      {
        onSuccess: () => {
          message.success(t('indicators.saved', { year }));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Modal
      title={existing ? t('indicators.editTitle', { year: existing.year }) : t('indicators.addTitle')}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'indicators-submit' }}
      width={680}
    >
      <Typography.Paragraph type="secondary">{t('indicators.retierHint')}</Typography.Paragraph>
      <Form<IndicatorFormValues>
        form={form}
        layout="vertical"
        name="indicators-form"
        initialValues={initialValues}
        onFinish={submit}
      >
        <IndicatorFields yearLocked={existing !== null} members={activeMemberCount(household)} />
      </Form>
    </Modal>
  );
}

/** 收入与困难: the household's economic indicators by year, the latest (which tiering uses) first. */
export function IndicatorsTab({ household }: { household: Household }) {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const canManage = can('households.manage');
  const modal = useModalTarget<{ existing: YearIndicators | null }>();
  const rows = [...household.indicators].sort((a, b) => b.year - a.year);
  const latestYear = rows[0]?.year;
  const yuan = (amount: number) => t('common.yuan', { amount: formatNumber(amount, locale) });

  const columns: TableColumnsType<YearIndicators> = [
    {
      title: t('indicators.year'),
      dataIndex: 'year',
      render: (year: number) => (
        <Space size={4}>
          {year}
          {year === latestYear && <Tag color="blue">{t('indicators.usedForTier')}</Tag>}
        </Space>
      ),
    },
    { title: t('indicators.totalIncome'), dataIndex: 'totalIncome', align: 'right', render: yuan },
    {
      title: t('indicators.perCapita'),
      dataIndex: 'perCapitaIncome',
      align: 'right',
      render: (amount: number) => <Typography.Text strong>{yuan(amount)}</Typography.Text>,
    },
    { title: t('indicators.debt'), dataIndex: 'debt', align: 'right', render: yuan },
    {
      title: t('indicators.mainIncomeSource'),
      dataIndex: 'mainIncomeSource',
      render: (source: string | null) => source || '—',
    },
    {
      title: t('indicators.hardships'),
      dataIndex: 'hardships',
      render: (_, row) =>
        row.hardships.length === 0 ? (
          <Typography.Text type="secondary">{t('indicators.noHardships')}</Typography.Text>
        ) : (
          <Space size={[0, 4]} wrap>
            {row.hardships.map((h) => (
              <Tag key={h} color="orange">
                {hardshipLabel(t, h)}
              </Tag>
            ))}
          </Space>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => modal.show({ existing: row })}
          data-testid={`indicators-edit-${row.year}`}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      {canManage && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => modal.show({ existing: null })}
            data-testid="indicators-add"
          >
            {t('indicators.add')}
          </Button>
        </Flex>
      )}
      <Table<YearIndicators>
        rowKey="year"
        columns={columns}
        dataSource={rows}
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('indicators.empty')} /> }}
        data-testid="indicators-table"
      />
      {modal.target && (
        <IndicatorsModal
          household={household}
          existing={modal.target.existing}
          open={modal.open}
          onClose={modal.hide}
          afterClose={modal.afterClose}
        />
      )}
    </>
  );
}
