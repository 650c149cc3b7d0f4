import type { Area, MatterStatus } from '@lianxin/common';
import { useMemo } from 'react';
import { useMe } from '../../session/session';
import { useAreaIndex } from '../areas/areas.api';

/** The board's columns: the four deliberations, the two publicities, and the finished matters. */
export const boardColumns = [
  'propose',
  'consult',
  'review',
  'decide',
  'resolution',
  'result',
  'finished',
] as const;
export type BoardColumn = (typeof boardColumns)[number];

export const columnOf: Record<MatterStatus, BoardColumn> = {
  proposing: 'propose',
  consulting: 'consult',
  reviewing: 'review',
  deciding: 'decide',
  // Adopted: the resolution is still to be made public (决议公开).
  adopted: 'resolution',
  // Carried out after the resolution was published, until its result is (实施结果公开).
  carrying_out: 'result',
  result_published: 'result',
  closed: 'finished',
  rejected: 'finished',
  withdrawn: 'finished',
};

export const statusColors: Record<MatterStatus, string> = {
  proposing: 'blue',
  consulting: 'blue',
  reviewing: 'blue',
  deciding: 'geekblue',
  adopted: 'gold',
  carrying_out: 'cyan',
  result_published: 'green',
  closed: 'success',
  rejected: 'red',
  withdrawn: 'default',
};

export const openStatuses: readonly MatterStatus[] = [
  'proposing',
  'consulting',
  'reviewing',
  'deciding',
  'adopted',
  'carrying_out',
  'result_published',
];

/** Yuan with two decimals and thousands separators, as the villages' accounts write them. */
export function formatYuan(amount: number): string {
  return `¥${amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Whole days since an ISO time. */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.floor((now - Date.parse(iso)) / 86_400_000);
}

/** The villages the caller reaches, in code order; a village cadre's own village only. */
export function useVillages(): { villages: Area[]; ownVillage: string | undefined; isLoading: boolean } {
  const me = useMe();
  const { index, isLoading } = useAreaIndex();
  const villages = useMemo(
    () =>
      [...index.byCode.values()]
        .filter((a) => a.kind === 'village')
        .sort((a, b) => a.code.localeCompare(b.code)),
    [index],
  );
  const own = index.byCode.get(me.areaCode);
  return { villages, ownVillage: own?.kind === 'village' ? own.code : undefined, isLoading };
}
