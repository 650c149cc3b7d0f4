import type { AppealCategory } from '@lianxin/common';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/i18n';
import { categoryName } from './appeal-labels';
import { useAppealCategories } from './appeals.api';

export interface CategoryNode {
  key: string;
  value: string;
  title: string;
  disabled?: boolean;
  children?: CategoryNode[];
}

export interface CategoryIndex {
  categories: AppealCategory[];
  byCode: Map<string, AppealCategory>;
  /** The category's name in the UI language, or its code when it is unknown. */
  name: (code: string) => string;
  /** Nodes for a TreeSelect, parents before children; inactive ones only when asked. */
  tree: (options?: { includeInactive?: boolean; onlyDisputes?: boolean }) => CategoryNode[];
  isLoading: boolean;
}

/** The category tree (parents and their sub-categories) in sort order, with names by code. */
export function useCategoryIndex(): CategoryIndex {
  const { locale } = useLocale();
  const { data, isLoading } = useAppealCategories();
  return useMemo(() => {
    const categories = data ?? [];
    const byCode = new Map(categories.map((c) => [c.code, c]));
    const childrenOf = new Map<string | null, AppealCategory[]>();
    for (const category of categories) {
      // A sub-category whose parent is unknown is shown at the top.
      const parent = category.parentCode && byCode.has(category.parentCode) ? category.parentCode : null;
      childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), category]);
    }
    const tree = (options: { includeInactive?: boolean; onlyDisputes?: boolean } = {}) => {
      const build = (parent: string | null): CategoryNode[] =>
        (childrenOf.get(parent) ?? [])
          .filter((c) => options.includeInactive || c.active)
          .map((c): CategoryNode | null => {
            const children = build(c.code);
            const fits = !options.onlyDisputes || c.dispute;
            if (!fits && children.length === 0) return null;
            return {
              key: c.code,
              value: c.code,
              title: categoryName(c, locale),
              ...(fits ? {} : { disabled: true }),
              ...(children.length > 0 ? { children } : {}),
            };
          })
          .filter((node): node is CategoryNode => node !== null);
      return build(null);
    };
    return {
      categories,
      byCode,
      name: (code: string) => {
        const category = byCode.get(code);
        return category ? categoryName(category, locale) : code;
      },
      tree,
      isLoading,
    };
  }, [data, isLoading, locale]);
}
