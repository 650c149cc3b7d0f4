import type { PublicVillage } from '@lianxin/common';
import { Flex, Select } from 'antd';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { useT } from '../i18n/i18n';

type Village = z.infer<typeof PublicVillage>;

interface Props {
  villages: Village[];
  loading: boolean;
  /** The village code (Form.Item passes it in). */
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}

/**
 * Town first, then one of its villages; or the village straight away by typing its name, which
 * fills in the town. Two plain lists read better on a phone than a cascader over ~500 villages.
 */
export function VillagePicker({ villages, loading, value, onChange, id }: Props) {
  const t = useT();
  const [chosenTown, setChosenTown] = useState<string | undefined>();
  const selected = villages.find((v) => v.code === value);
  const town = selected?.townName ?? chosenTown;

  const towns = useMemo(() => [...new Set(villages.map((v) => v.townName))], [villages]);
  const villageOptions = useMemo(
    () =>
      villages
        .filter((v) => !town || v.townName === town)
        .map((v) => ({
          value: v.code,
          label: town ? v.name : `${v.name}（${v.townName}）`,
          // Searching by the town's name finds its villages too.
          search: `${v.name} ${v.townName}`,
        })),
    [villages, town],
  );

  return (
    <Flex vertical gap={12}>
      <Select
        aria-label={t('public.submit.town')}
        placeholder={t('public.submit.townPlaceholder')}
        loading={loading}
        value={town}
        options={towns.map((name) => ({ value: name, label: name }))}
        listItemHeight={44}
        listHeight={320}
        onChange={(next: string) => {
          setChosenTown(next);
          if (selected && selected.townName !== next) onChange?.(undefined);
        }}
        data-testid="public-town"
      />
      <Select
        id={id}
        aria-label={t('public.submit.village')}
        placeholder={t('public.submit.villagePlaceholder')}
        loading={loading}
        value={value}
        options={villageOptions}
        showSearch={{ optionFilterProp: 'search' }}
        listItemHeight={44}
        listHeight={320}
        onChange={(code: string) => {
          const village = villages.find((v) => v.code === code);
          if (village) setChosenTown(village.townName);
          onChange?.(code);
        }}
        data-testid="public-village"
      />
    </Flex>
  );
}
