import { Select } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../i18n/i18n';
import { useAreaIndex } from '../../areas/areas.api';

/** The villages of the caller's subtree, by town, searchable by name. */
export function VillageSelect(props: {
  value?: string | undefined;
  onChange?: (code: string) => void;
  testId?: string;
}) {
  const t = useT();
  const { index, isLoading } = useAreaIndex();
  const options = useMemo(
    () =>
      [...index.byCode.values()]
        .filter((a) => a.kind === 'village')
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((a) => {
          const parent = a.parentCode ? index.byCode.get(a.parentCode) : undefined;
          return { value: a.code, label: parent ? `${parent.name} · ${a.name}` : a.name };
        }),
    [index],
  );
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      options={options}
      loading={isLoading}
      showSearch
      optionFilterProp="label"
      placeholder={t('disclosures.village')}
      style={{ minWidth: 220, maxWidth: '100%' }}
      data-testid={props.testId}
    />
  );
}
