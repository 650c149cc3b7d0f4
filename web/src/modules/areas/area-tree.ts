import {
  type Area,
  type AreaKind,
  areaCodeLength,
  areaParentKind,
  areaPrefixLength,
  isValidAreaCode,
} from '@lianxin/common';

export interface AreaIndex {
  byCode: Map<string, Area>;
  /** Children of each area, by code. */
  children: Map<string, Area[]>;
  /** The top of the caller's subtree (usually one area: the caller's own). */
  roots: Area[];
}

/** Builds the tree from the flat list: an area whose parent is not in the list is a root. */
export function indexAreas(areas: readonly Area[]): AreaIndex {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const children = new Map<string, Area[]>();
  const roots: Area[] = [];
  for (const area of areas) {
    if (area.parentCode === null || !byCode.has(area.parentCode)) {
      roots.push(area);
      continue;
    }
    const siblings = children.get(area.parentCode) ?? [];
    siblings.push(area);
    children.set(area.parentCode, siblings);
  }
  const byCodeOrder = (a: Area, b: Area) => a.code.localeCompare(b.code);
  for (const list of children.values()) list.sort(byCodeOrder);
  roots.sort(byCodeOrder);
  return { byCode, children, roots };
}

/** The areas from the root of the subtree down to `code`. */
export function pathTo(index: AreaIndex, code: string): Area[] {
  const path: Area[] = [];
  let current = index.byCode.get(code);
  while (current) {
    path.unshift(current);
    current = current.parentCode ? index.byCode.get(current.parentCode) : undefined;
  }
  return path;
}

export function childKindOf(kind: AreaKind): AreaKind | null {
  const entry = (Object.entries(areaParentKind) as [AreaKind, AreaKind | null][]).find(([, p]) => p === kind);
  return entry ? entry[0] : null;
}

const SEGMENT = 3;

/** The digits a child's code must start with, e.g. a village's 9-digit town prefix. */
export function childCodePrefix(parent: Area): string {
  return parent.code.slice(0, areaPrefixLength[parent.kind]);
}

/**
 * Suggests the next free statistical code for a new child: the parent's prefix, the next
 * three-digit serial after the highest sibling, and zero padding to 12 digits (groups take 15).
 */
export function suggestChildCode(parent: Area, siblings: readonly Area[]): string | null {
  const kind = childKindOf(parent.kind);
  if (!kind) return null;
  const prefix = childCodePrefix(parent);
  const serials = siblings.map((s) => Number(s.code.slice(prefix.length, prefix.length + SEGMENT)) || 0);
  const next = Math.max(0, ...serials) + 1;
  if (next > 999) return null;
  const code = `${prefix}${String(next).padStart(SEGMENT, '0')}`.padEnd(areaCodeLength(kind), '0');
  return isValidAreaCode(code, kind, parent.code) ? code : null;
}

export interface AreaTreeNode {
  key: string;
  value: string;
  title: string;
  kind: AreaKind;
  selectable?: boolean;
  disabled?: boolean;
  children?: AreaTreeNode[];
}

/** Nodes for antd Tree / TreeSelect; `selectable` decides which areas may be picked. */
export function toTreeNodes(
  index: AreaIndex,
  selectable: (area: Area) => boolean = () => true,
): AreaTreeNode[] {
  const build = (area: Area): AreaTreeNode => {
    const kids = index.children.get(area.code);
    const canSelect = selectable(area);
    return {
      key: area.code,
      value: area.code,
      title: area.name,
      kind: area.kind,
      ...(canSelect ? {} : { selectable: false, disabled: true }),
      ...(kids && kids.length > 0 ? { children: kids.map(build) } : {}),
    };
  };
  return index.roots.map(build);
}
