import { type AuditListQuery, auditApi } from '@lianxin/common';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export type AuditFilter = Omit<AuditListQuery, 'page' | 'pageSize'>;

export function useAuditEntries(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filter, page, pageSize],
    queryFn: () => api(auditApi.list, { query: { ...filter, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}
