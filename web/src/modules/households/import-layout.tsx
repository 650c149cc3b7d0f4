import { SyncOutlined } from '@ant-design/icons';
import {
  type HouseholdImport,
  type ImportColumnKey,
  type ImportMapping,
  importColumns,
  type RosterLayout,
} from '@lianxin/common';
import { Alert, Button, Card, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useMe } from '../../session/session';
import { useShowError } from '../../shared/feedback';
import { useAreaIndex } from '../areas/areas.api';
import { runningStatuses, useRelayoutImport } from './household-import.api';

type Column = RosterLayout['columns'][number];
const IGNORE = '';

/** The villages of the caller's area, for a one-village roster. */
export function useVillageOptions() {
  const { index } = useAreaIndex();
  return useMemo(
    () =>
      [...index.byCode.values()]
        .filter((a) => a.kind === 'village')
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((a) => ({ value: a.code, label: a.name })),
    [index],
  );
}

/**
 * How the check read the file: the row taken as the header, the sheet (a choice when several hold
 * a roster), the village of a file without a village column, and each column's field with sample
 * values — a field can be changed or the column left out, and the file is checked again (the
 * choice is remembered for the village and this header).
 */
export function ImportLayoutCard({ item }: { item: HouseholdImport }) {
  const t = useT();
  const me = useMe();
  const showError = useShowError();
  const relayout = useRelayoutImport();
  const villages = useVillageOptions();
  const layout = item.layout;
  const [choices, setChoices] = useState<Record<string, ImportColumnKey | null>>({});
  if (!layout) return null;

  const locked = runningStatuses.includes(item.status) || item.status === 'committed';
  const recognised = layout.sheets.filter((s) => s.recognised);
  const fieldOf = (c: Column) => (Object.hasOwn(choices, c.header) ? choices[c.header] : c.field) ?? null;
  const changed = layout.columns.some((c) => fieldOf(c) !== c.field);
  const send = (body: Parameters<typeof relayout.mutate>[0]['body']) =>
    relayout.mutate({ id: item.id, body }, { onError: showError, onSuccess: () => setChoices({}) });
  const recheck = () => {
    const mapping: ImportMapping = {};
    for (const c of layout.columns) mapping[c.header] = fieldOf(c);
    send({ mapping });
  };
  const headerRows = layout.headerRows.join('–');
  const fieldOptions = [
    { value: IGNORE, label: t('import.ignore') },
    ...importColumns.map((c) => ({ value: c.key, label: c.header })),
  ];

  const columns: TableColumnsType<Column> = [
    { title: t('import.column'), dataIndex: 'header', width: 160 },
    {
      title: t('import.samples'),
      dataIndex: 'samples',
      ellipsis: true,
      render: (samples: string[]) => (
        <Typography.Text type="secondary">{samples.join(' / ') || '—'}</Typography.Text>
      ),
    },
    {
      title: t('import.field'),
      key: 'field',
      width: 200,
      render: (_, c) => (
        <Select<string>
          size="small"
          style={{ width: '100%' }}
          value={fieldOf(c) ?? IGNORE}
          options={fieldOptions}
          disabled={locked}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v) =>
            setChoices((prev) => ({ ...prev, [c.header]: v === IGNORE ? null : (v as ImportColumnKey) }))
          }
          aria-label={`${t('import.field')} ${c.header}`}
          data-testid={`import-field-${c.index}`}
        />
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('import.layoutTitle')}
      style={{ marginBottom: 16 }}
      data-testid="import-layout"
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap size="large">
          {layout.headerRows.length > 0 && (
            <Typography.Text data-testid="import-header-row">
              {t('import.headerRows', { rows: headerRows })}
            </Typography.Text>
          )}
          {layout.sheets.length > 1 && (
            <Space>
              <Typography.Text>{t('import.sheet')}</Typography.Text>
              <Select<number>
                size="small"
                value={layout.sheet}
                disabled={locked || relayout.isPending}
                style={{ minWidth: 160 }}
                options={layout.sheets.map((s) => ({
                  value: s.index,
                  label: s.recognised ? s.name : `${s.name}（${t('import.noRoster')}）`,
                  disabled: !s.recognised,
                }))}
                onChange={(sheet) => send({ sheet })}
                data-testid="import-sheet"
              />
              {recognised.length > 1 && <Tag color="warning">{t('import.severalSheets')}</Tag>}
            </Space>
          )}
        </Space>
        {!layout.villageColumn && layout.headerRows.length > 0 && (
          <Alert
            type={item.villageCode || villages.length <= 1 ? 'info' : 'warning'}
            showIcon
            title={t('import.villageHint')}
            description={
              <Select<string>
                value={
                  item.villageCode ??
                  (villages.some((v) => v.value === me.areaCode) ? me.areaCode : undefined)
                }
                placeholder={t('import.village')}
                options={villages}
                disabled={locked || relayout.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ minWidth: 220 }}
                onChange={(villageCode) => send({ villageCode })}
                data-testid="import-village"
              />
            }
          />
        )}
        {layout.ignored.length > 0 && (
          <div data-testid="import-ignored">
            <Typography.Text type="secondary">{t('import.ignored')}</Typography.Text>{' '}
            {layout.ignored.map((h) => (
              <Tag key={h}>{h}</Tag>
            ))}
          </div>
        )}
        {layout.columns.length > 0 && (
          <>
            <Table<Column>
              rowKey="index"
              size="small"
              columns={columns}
              dataSource={layout.columns}
              pagination={false}
              scroll={{ x: 560, y: 360 }}
              data-testid="import-mapping"
            />
            <Space wrap>
              <Button
                icon={<SyncOutlined />}
                disabled={locked || !changed}
                loading={relayout.isPending}
                onClick={recheck}
                data-testid="import-recheck"
              >
                {t('import.recheck')}
              </Button>
              <Typography.Text type="secondary">{t('import.mappingHint')}</Typography.Text>
            </Space>
          </>
        )}
      </Space>
    </Card>
  );
}
