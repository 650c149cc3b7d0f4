import {
  type AppealLevel,
  type AppealStatus,
  AppealsListQuery,
  appealLevels,
  appealQueues,
  appealStatuses,
  type Role,
} from '@lianxin/common';
import { Card, Form, Input, Select, TreeSelect } from 'antd';
import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { FilterActions } from '../../shared/form-actions';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { useCategoryIndex } from './appeal-categories';
import { type AppealQueue, statusLabel } from './appeal-labels';
import type { AppealsFilter } from './appeals.api';

/** The level tab: one of the three levels, or every level at once. */
export type LevelTab = AppealLevel | 'all';

/** The fields of the filter bar (the level tab and the queue are chosen above it). */
export type AppealsFieldFilter = Pick<AppealsFilter, 'status' | 'categoryCode' | 'areaCode' | 'q'>;

export interface AppealsLocation {
  level: LevelTab;
  queue: AppealQueue;
  fields: AppealsFieldFilter;
}

const fieldKeys = ['status', 'categoryCode', 'areaCode', 'q'] as const;

/** The level whose problem repository a role works in: its own tab opens first. */
export function homeLevel(role: Role): LevelTab {
  if (role === 'village_cadre') return 'village';
  if (role === 'town_head' || role === 'town_staff') return 'town';
  if (role === 'district_admin' || role === 'district_staff') return 'district';
  return 'all';
}

function read(params: URLSearchParams, defaultLevel: LevelTab): AppealsLocation {
  const levelParam = params.get('level');
  const level: LevelTab =
    levelParam === 'all' ? 'all' : (appealLevels.find((l) => l === levelParam) ?? defaultLevel);
  const queue = appealQueues.find((q) => q === params.get('queue')) ?? 'all';
  const raw: Record<string, string> = {};
  for (const key of fieldKeys) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = AppealsListQuery.pick({
    status: true,
    categoryCode: true,
    areaCode: true,
    q: true,
  }).safeParse(raw);
  return { level, queue, fields: parsed.success ? parsed.data : {} };
}

/** The queue's level, queue and filter live in the address: a link or the back button shows the same list. */
export function useAppealsLocation(defaultLevel: LevelTab) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const location = useMemo(() => read(new URLSearchParams(search), defaultLevel), [search, defaultLevel]);
  const navigateTo = useCallback(
    (next: AppealsLocation) => {
      const out = new URLSearchParams();
      if (next.level !== defaultLevel) out.set('level', next.level);
      if (next.queue !== 'all') out.set('queue', next.queue);
      for (const key of fieldKeys) {
        const value = next.fields[key];
        if (value !== undefined && value !== '') out.set(key, String(value));
      }
      setParams(out);
    },
    [setParams, defaultLevel],
  );
  const filter = useMemo<AppealsFilter>(
    () => ({
      ...location.fields,
      queue: location.queue,
      ...(location.level === 'all' ? {} : { level: location.level }),
    }),
    [location],
  );
  return { ...location, filter, search, navigateTo };
}

interface FilterValues {
  status?: AppealStatus | 'open';
  categoryCode?: string;
  areaCode?: string;
  q?: string;
}

/** Status, category, area and a text or tracking code. */
export function AppealFilterBar(props: {
  fields: AppealsFieldFilter;
  onChange: (fields: AppealsFieldFilter) => void;
}) {
  const { fields, onChange } = props;
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  const { index } = useAreaIndex();
  const categories = useCategoryIndex();
  const areaTree = useMemo(() => toTreeNodes(index, (a) => a.kind !== 'group'), [index]);
  const categoryTree = useMemo(() => categories.tree({ includeInactive: true }), [categories]);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(fields);
  }, [form, fields]);

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form<FilterValues>
        form={form}
        layout="inline"
        name="appeals-filter"
        style={{ rowGap: 12 }}
        onFinish={(values) =>
          onChange({
            status: values.status || undefined,
            categoryCode: values.categoryCode || undefined,
            areaCode: values.areaCode || undefined,
            q: values.q?.trim() || undefined,
          })
        }
      >
        <Form.Item name="status" label={t('appeals.filterStatus')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 130 }}
            options={[
              { value: 'open', label: t('appeals.statusOpen') },
              ...appealStatuses.map((s) => ({ value: s, label: statusLabel(t, s) })),
            ]}
            data-testid="appeals-filter-status"
          />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('appeals.filterCategory')}>
          <TreeSelect
            allowClear
            treeData={categoryTree}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder={t('common.all')}
            style={{ width: 160 }}
            popupMatchSelectWidth={false}
            loading={categories.isLoading}
          />
        </Form.Item>
        <Form.Item name="areaCode" label={t('appeals.filterArea')}>
          <TreeSelect
            allowClear
            treeData={areaTree}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
            placeholder={t('common.all')}
            style={{ width: 180 }}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name="q">
          <Input
            allowClear
            placeholder={t('appeals.filterQuery')}
            style={{ width: 220 }}
            maxLength={60}
            data-testid="appeals-filter-q"
          />
        </Form.Item>
        <Form.Item>
          <FilterActions
            testId="appeals-search"
            onReset={() => {
              form.resetFields();
              onChange({});
            }}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
