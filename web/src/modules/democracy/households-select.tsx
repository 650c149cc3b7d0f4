import { householdsApi } from '@lianxin/common';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useDebounced } from '../../shared/use-debounced';

/** The households of a village a representative stands for, found by number or head's name. */
export function HouseholdsSelect(props: {
  villageCode: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  'data-testid'?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const search = useDebounced(q, 300);
  const found = useQuery({
    queryKey: ['households', 'list', { areaCode: props.villageCode, q: search, picker: 'democracy' }],
    queryFn: () =>
      api(householdsApi.list, { query: { areaCode: props.villageCode, q: search || undefined, limit: 30 } }),
  });
  // The households already chosen are named even when the search does not find them.
  const chosen = useQueries({
    queries: (props.value ?? []).map((id) => ({
      queryKey: ['households', 'one', id],
      queryFn: () => api(householdsApi.get, { params: { id } }),
      staleTime: 5 * 60_000,
    })),
  });
  const options = useMemo(() => {
    const byId = new Map<string, string>();
    const label = (h: { number: string; headName: string | null }) =>
      `${h.number} ${h.headName ?? ''}`.trim();
    // The search's order first (stable while choosing), then the chosen ones it does not show.
    for (const h of found.data?.items ?? []) byId.set(h.id, label(h));
    for (const c of chosen) if (c.data && !byId.has(c.data.id)) byId.set(c.data.id, label(c.data));
    return [...byId].map(([value, text]) => ({ value, label: text }));
  }, [chosen, found.data]);

  return (
    <Select
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      value={props.value}
      onChange={props.onChange}
      options={options}
      placeholder={t('democracyWeb.members.householdsSearch')}
      maxCount={60}
      data-testid={props['data-testid']}
    />
  );
}
