import { AuditListQuery, AuditListResponse } from '../audit';
import { defineContract } from '../contract';

/** `/audit`: the append-only audit log, searched. */
export const auditApi = {
  list: defineContract({
    method: 'GET',
    path: '/audit',
    tag: 'audit',
    query: AuditListQuery,
    response: AuditListResponse,
  }),
};
