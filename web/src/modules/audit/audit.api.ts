import { AuditEntry, type AuditListQuery, pageOf } from '@lianxin/common';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';

const AuditPage = pageOf(AuditEntry);

export type AuditFilter = Omit<AuditListQuery, 'page' | 'pageSize'>;

export function useAuditEntries(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filter, page, pageSize],
    queryFn: () => apiGet('/audit', AuditPage, { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
