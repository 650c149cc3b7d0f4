import type { Area } from '@lianxin/common';
import { useMemo } from 'react';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { useTags } from './households.api';

/** Households live in a village or one of its groups, never directly in a town. */
export function isHouseholdArea(area: Area): boolean {
  return area.kind === 'village' || area.kind === 'group';
}

/**
 * What a household form offers: the caller's area tree with only villages and groups selectable,
 * and the tags that apply to households (低保, 五保, …).
 */
export function useHouseholdFormOptions() {
  const { index, isLoading: areasLoading } = useAreaIndex();
  const { data: tags, isLoading: tagsLoading } = useTags();
  const areaTree = useMemo(() => toTreeNodes(index, isHouseholdArea), [index]);
  const tagOptions = useMemo(
    () =>
      (tags ?? [])
        .filter((tag) => tag.appliesTo !== 'resident')
        .map((tag) => ({ value: tag.code, label: tag.name })),
    [tags],
  );
  return { index, areaTree, areasLoading, tagOptions, tagsLoading };
}
