import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { useMe } from '../../session/session';
import { toTreeNodes } from './area-tree';
import { useAreaIndex } from './areas.api';

/** Whether the caller has areas below their own to choose from (a village cadre does not). */
export function useHasChildAreas(): boolean {
  const me = useMe();
  const { index } = useAreaIndex();
  return (index.children.get(me.areaCode) ?? []).some((a) => a.kind !== 'group');
}

/** The district, a town or a village of the caller's subtree (the reports work down to villages). */
export function AreaPicker(props: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  testId?: string;
}) {
  const { value, onChange, testId } = props;
  const t = useT();
  const me = useMe();
  const { index, isLoading } = useAreaIndex();
  const tree = useMemo(() => toTreeNodes(index, (a) => a.kind !== 'group'), [index]);
  const withoutGroups = useMemo(() => {
    type Node = (typeof tree)[number];
    const strip = (nodes: Node[]): Node[] =>
      nodes
        .filter((n) => n.kind !== 'group')
        .map((n) => (n.children ? { ...n, children: strip(n.children) } : n))
        .map((n) => (n.children && n.children.length === 0 ? { ...n, children: undefined } : n));
    return strip(tree);
  }, [tree]);

  return (
    <TreeSelect
      value={value ?? me.areaCode}
      onChange={(code: string) => onChange(code === me.areaCode ? undefined : code)}
      treeData={withoutGroups}
      loading={isLoading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200 }}
      aria-label={t('assistance.area')}
      data-testid={testId}
    />
  );
}
