import { HouseholdsFilter, householdSorts, householdStatuses, tiers } from '@lianxin/common';
import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { FilterBar } from '../../shared/filter-bar';
import { type FilterTag, FilterTags } from '../../shared/filter-tags';
import { AreaFilterSelect } from '../areas/area-filter-select';
import { tierLabel } from '../tiering/tier-tag';
import { householdStatusLabel } from './household-labels';
import { type HouseholdSort, useTags } from './households.api';

const filterKeys = [
  'areaCode',
  'tier',
  'tag',
  'status',
  'q',
  'perCapitaMin',
  'perCapitaMax',
  'hardshipsMin',
  // Set by a dashboard figure's link and shown as removable tags.
  'leftPriorityFrom',
  'leftPriorityTo',
  'paired',
] as const satisfies readonly (keyof HouseholdsFilter)[];

/** The list's filter lives in the address, so a link (or the back button) shows the same list. */
function readFilter(params: URLSearchParams): HouseholdsFilter {
  const raw: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = HouseholdsFilter.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

function readSort(params: URLSearchParams): HouseholdSort {
  const sort = params.get('sort');
  return householdSorts.find((s) => s === sort) ?? 'area';
}

/** The filter and sort in the address, each object stable while the address stays the same. */
export function useHouseholdsLocation() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const { filter, sort } = useMemo(() => {
    const current = new URLSearchParams(search);
    return { filter: readFilter(current), sort: readSort(current) };
  }, [search]);
  const navigateTo = useCallback(
    (next: HouseholdsFilter, nextSort: HouseholdSort) => setParams(filterParams(next, nextSort)),
    [setParams],
  );
  return { filter, sort, search, navigateTo };
}

function filterParams(filter: HouseholdsFilter, sort: HouseholdSort): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filter[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (sort !== 'area') params.set('sort', sort);
  return params;
}

type FilterValues = Omit<
  HouseholdsFilter,
  'perCapitaMin' | 'perCapitaMax' | 'leftPriorityFrom' | 'leftPriorityTo' | 'paired'
> & {
  perCapitaMin?: number | null;
  perCapitaMax?: number | null;
};

function cleanFilter(values: FilterValues): HouseholdsFilter {
  return {
    areaCode: values.areaCode || undefined,
    tier: values.tier || undefined,
    tag: values.tag || undefined,
    status: values.status || undefined,
    q: values.q?.trim() || undefined,
    perCapitaMin: values.perCapitaMin ?? undefined,
    perCapitaMax: values.perCapitaMax ?? undefined,
    hardshipsMin: values.hardshipsMin || undefined,
  };
}

/** A dashboard figure's conditions that the form does not show, as tags that remove themselves. */
function useDrillTags(filter: HouseholdsFilter, onChange: (filter: HouseholdsFilter) => void): FilterTag[] {
  const t = useT();
  const tags: FilterTag[] = [];
  const { leftPriorityFrom: from, leftPriorityTo: to, paired } = filter;
  if (from || to)
    tags.push({
      key: 'leftPriority',
      label:
        from && to
          ? t('households.tag.leftPriorityBetween', { from, to })
          : from
            ? t('households.tag.leftPriorityFrom', { from })
            : t('households.tag.leftPriorityTo', { to: to ?? '' }),
      onClose: () => onChange({ ...filter, leftPriorityFrom: undefined, leftPriorityTo: undefined }),
    });
  if (paired)
    tags.push({
      key: 'paired',
      label: t(`households.tag.paired.${paired}`),
      onClose: () => onChange({ ...filter, paired: undefined }),
    });
  return tags;
}

/** The filter bar of the household list: area, tier, tag, status, text, income and hardships. */
export function HouseholdFilterBar(props: {
  filter: HouseholdsFilter;
  onChange: (filter: HouseholdsFilter) => void;
}) {
  const { filter, onChange } = props;
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  const { data: tags, isLoading: tagsLoading } = useTags();
  const drillTags = useDrillTags(filter, onChange);

  // A tier card or the back button changes the filter from outside: the fields follow. `filter`
  // keeps its identity while the address does not change (see useHouseholdsLocation).
  return (
    <FilterBar<FilterValues>
      form={form}
      name="households-filter"
      values={filter}
      testId="households-search"
      tags={<FilterTags tags={drillTags} testId="households-filter-tags" />}
      onSearch={(values) =>
        // The conditions the form does not show stay as they are.
        onChange({
          ...cleanFilter(values),
          leftPriorityFrom: filter.leftPriorityFrom,
          leftPriorityTo: filter.leftPriorityTo,
          paired: filter.paired,
        })
      }
      onReset={() => onChange({})}
    >
      <Form.Item name="areaCode" label={t('households.filterArea')}>
        <AreaFilterSelect data-testid="households-filter-area" />
      </Form.Item>
      <Form.Item name="tier" label={t('households.filterTier')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 120 }}
          options={tiers.map((tier) => ({ value: tier, label: tierLabel(t, tier) }))}
        />
      </Form.Item>
      <Form.Item name="tag" label={t('households.filterTag')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={tagsLoading}
          placeholder={t('common.all')}
          style={{ width: 140 }}
          options={(tags ?? []).map((tag) => ({ value: tag.code, label: tag.name }))}
        />
      </Form.Item>
      <Form.Item name="status" label={t('households.filterStatus')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 110 }}
          options={householdStatuses.map((s) => ({ value: s, label: householdStatusLabel(t, s) }))}
        />
      </Form.Item>
      <Form.Item label={t('households.filterPerCapita')} tooltip={t('households.filterPerCapitaHint')}>
        <Space.Compact>
          <Form.Item name="perCapitaMin" noStyle>
            <InputNumber min={0} precision={0} placeholder={t('households.min')} style={{ width: 100 }} />
          </Form.Item>
          <Input disabled value="~" style={{ width: 32, textAlign: 'center', pointerEvents: 'none' }} />
          <Form.Item name="perCapitaMax" noStyle>
            <InputNumber min={0} precision={0} placeholder={t('households.max')} style={{ width: 100 }} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="hardshipsMin" label={t('households.filterHardships')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 120 }}
          options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('households.hardshipsAtLeast', { n }) }))}
        />
      </Form.Item>
      <Form.Item name="q">
        <Input
          allowClear
          placeholder={t('households.filterQuery')}
          style={{ width: 240 }}
          maxLength={40}
          data-testid="households-filter-q"
        />
      </Form.Item>
    </FilterBar>
  );
}
