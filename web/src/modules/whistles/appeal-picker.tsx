import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../shared/use-debounced';
import { useAppealChoices } from './whistles.api';

/** Picks an appeal of the caller's area by its tracking code or words of its title. */
export function AppealPicker(props: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  'data-testid'?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const { data, isFetching } = useAppealChoices(q);
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      placeholder={props.placeholder}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      allowClear
      options={(data ?? []).map((a) => ({ value: a.id, label: `${a.trackingCode} ${a.title}` }))}
      data-testid={props['data-testid']}
    />
  );
}
