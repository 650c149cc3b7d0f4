import type { AppealCategory } from '@lianxin/common';
import { Flex, Radio, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../i18n/i18n';

interface Props {
  categories: AppealCategory[];
  loading: boolean;
  /** The category code (Form.Item passes it in). */
  value?: string;
  onChange?: (code: string) => void;
  id?: string;
}

/**
 * The kinds of problem as big tiles; a kind with finer categories shows them below once chosen.
 * Choosing only the broad kind is fine: the server takes any active category.
 */
export function CategoryPicker({ categories, loading, value, onChange, id }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const codes = new Set(categories.map((c) => c.code));
  // A child whose parent is no longer offered stands on its own.
  const isTop = (c: AppealCategory) => c.parentCode === null || !codes.has(c.parentCode);
  const sorted = [...categories].sort((a, b) => a.sort - b.sort);
  const tops = sorted.filter(isTop);
  const current = categories.find((c) => c.code === value);
  const [chosenTop, setChosenTop] = useState<string | undefined>();
  const top = current ? (isTop(current) ? current.code : (current.parentCode ?? undefined)) : chosenTop;
  const children = sorted.filter((c) => !isTop(c) && c.parentCode === top);
  const name = (c: AppealCategory) => (locale === 'zh-CN' ? c.nameZh : c.nameEn);

  if (loading) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;

  return (
    <Flex vertical gap={12} id={id}>
      <Radio.Group
        className="lx-public-choices"
        optionType="button"
        buttonStyle="solid"
        value={top}
        onChange={(event) => {
          setChosenTop(event.target.value);
          onChange?.(event.target.value);
        }}
        options={tops.map((c) => ({ value: c.code, label: name(c) }))}
        aria-label={t('public.submit.category')}
        data-testid="public-category"
      />
      {children.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('public.submit.subcategory')}</Typography.Text>
          <Radio.Group
            className="lx-public-choices"
            optionType="button"
            value={current && !isTop(current) ? current.code : undefined}
            onChange={(event) => onChange?.(event.target.value)}
            options={children.map((c) => ({ value: c.code, label: name(c) }))}
            aria-label={t('public.submit.subcategory')}
          />
        </>
      )}
    </Flex>
  );
}
