import {
  type AppealLevel,
  type AppealStatus,
  AppealsListQuery,
  appealLevels,
  appealQueues,
  appealStatuses,
  type Role,
} from '@lianxin/common';
import { DatePicker, Form, Input, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { FilterBar } from '../../shared/filter-bar';
import { type FilterTag, FilterTags } from '../../shared/filter-tags';
import { AreaFilterSelect } from '../areas/area-filter-select';
import { useCategoryIndex } from './appeal-categories';
import { type AppealQueue, levelLabel, statusLabel } from './appeal-labels';
import type { AppealsFilter } from './appeals.api';

/** The level tab: one of the three levels, or every level at once. */
export type LevelTab = AppealLevel | 'all';

/**
 * The fields of the filter bar and the drill-down conditions a link may add (the level tab and
 * the queue are chosen above it).
 */
export type AppealsFieldFilter = Pick<AppealsFilter, (typeof fieldKeys)[number]>;

export interface AppealsLocation {
  level: LevelTab;
  queue: AppealQueue;
  fields: AppealsFieldFilter;
}

const formKeys = ['status', 'categoryCode', 'areaCode', 'q', 'receivedFrom', 'receivedTo'] as const;
// Set by a dashboard figure's link and shown as removable tags: the records the figure counts.
const flagKeys = ['responded', 'resolved', 'onTime', 'rated', 'satisfied', 'merged'] as const;
const drillKeys = ['handlerId', 'reachedLevel', 'resolvedLevel', ...flagKeys] as const;
const fieldKeys = [...formKeys, ...drillKeys] as const;
const fieldShape = Object.fromEntries(fieldKeys.map((key) => [key, true])) as Record<
  (typeof fieldKeys)[number],
  true
>;

/** A filter without the conditions shown as tags. */
function withoutTags(fields: AppealsFieldFilter): AppealsFieldFilter {
  const out = { ...fields };
  for (const key of ['receivedFrom', 'receivedTo', ...drillKeys] as const) delete out[key];
  return out;
}

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
  const parsed = AppealsListQuery.pick(fieldShape).safeParse(raw);
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
  received?: [Dayjs | null, Dayjs | null] | null;
}

const DAY = 'YYYY-MM-DD';

function formValues(fields: AppealsFieldFilter): FilterValues {
  const { status, categoryCode, areaCode, q, receivedFrom, receivedTo } = fields;
  return {
    status,
    categoryCode,
    areaCode,
    q,
    received:
      receivedFrom || receivedTo
        ? [receivedFrom ? dayjs(receivedFrom) : null, receivedTo ? dayjs(receivedTo) : null]
        : null,
  };
}

/** The drill-down conditions of a filter as tags, each removing itself. */
function useDrillTags(
  fields: AppealsFieldFilter,
  onChange: (fields: AppealsFieldFilter) => void,
  handlerName: string | undefined,
): FilterTag[] {
  const t = useT();
  const without = (...keys: (keyof AppealsFieldFilter)[]) => {
    const next = { ...fields };
    for (const key of keys) delete next[key];
    onChange(next);
  };
  const tags: FilterTag[] = [];
  const { receivedFrom: from, receivedTo: to } = fields;
  if (from || to)
    tags.push({
      key: 'received',
      label:
        from && to
          ? t('appeals.tag.receivedBetween', { from, to })
          : from
            ? t('appeals.tag.receivedFrom', { from })
            : t('appeals.tag.receivedTo', { to: to ?? '' }),
      onClose: () => without('receivedFrom', 'receivedTo'),
    });
  if (fields.handlerId)
    tags.push({
      key: 'handler',
      label: handlerName ? t('appeals.tag.handler', { name: handlerName }) : t('appeals.handler'),
      onClose: () => without('handlerId'),
    });
  if (fields.reachedLevel) {
    tags.push({
      key: 'reachedLevel',
      label: t(`appeals.tag.reached.${fields.reachedLevel}`),
      onClose: () => without('reachedLevel'),
    });
  }
  if (fields.resolvedLevel) {
    tags.push({
      key: 'resolvedLevel',
      label: t('appeals.tag.resolvedLevel', { level: levelLabel(t, fields.resolvedLevel) }),
      onClose: () => without('resolvedLevel'),
    });
  }
  for (const key of flagKeys) {
    const value = fields[key];
    if (value) tags.push({ key, label: t(`appeals.tag.${key}.${value}`), onClose: () => without(key) });
  }
  return tags;
}

/** Status, category, area, the day received and a text or tracking code; a drill-down's other conditions as tags. */
export function AppealFilterBar(props: {
  fields: AppealsFieldFilter;
  onChange: (fields: AppealsFieldFilter) => void;
  /** The name of the `handlerId` filter's cadre, once a listed appeal names them. */
  handlerName?: string;
}) {
  const { fields, onChange } = props;
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  const categories = useCategoryIndex();
  const categoryTree = useMemo(() => categories.tree({ includeInactive: true }), [categories]);
  const tags = useDrillTags(fields, onChange, props.handlerName);

  const values = useMemo(() => formValues(fields), [fields]);

  return (
    <FilterBar<FilterValues>
      form={form}
      name="appeals-filter"
      values={values}
      testId="appeals-search"
      tags={
        <FilterTags tags={tags} onClear={() => onChange(withoutTags(fields))} testId="appeals-filter-tags" />
      }
      onSearch={(values) =>
        onChange({
          // The conditions the form does not show stay as they are.
          ...fields,
          status: values.status || undefined,
          categoryCode: values.categoryCode || undefined,
          areaCode: values.areaCode || undefined,
          q: values.q?.trim() || undefined,
          receivedFrom: values.received?.[0]?.format(DAY),
          receivedTo: values.received?.[1]?.format(DAY),
        })
      }
      onReset={() => onChange({})}
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
        <AreaFilterSelect withGroups={false} />
      </Form.Item>
      <Form.Item name="received" label={t('appeals.filterReceived')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          style={{ width: 240 }}
          data-testid="appeals-filter-received"
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
    </FilterBar>
  );
}
