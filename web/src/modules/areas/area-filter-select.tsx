import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { toTreeNodes } from './area-tree';
import { useAreaIndex } from './areas.api';

/**
 * The area field of a list's filter bar: the caller's area tree, searchable, opened at its top,
 * "all" when empty. Groups are left out where the list has nothing at group level.
 */
export function AreaFilterSelect(props: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  withGroups?: boolean;
  'data-testid'?: string;
}) {
  const { withGroups = true, ...field } = props;
  const t = useT();
  const { index } = useAreaIndex();
  const treeData = useMemo(
    () => toTreeNodes(index, withGroups ? undefined : (a) => a.kind !== 'group'),
    [index, withGroups],
  );
  return (
    <TreeSelect
      {...field}
      treeData={treeData}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
      placeholder={t('common.all')}
      style={{ width: 200 }}
      popupMatchSelectWidth={false}
    />
  );
}
