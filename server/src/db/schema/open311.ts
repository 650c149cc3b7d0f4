// Appeals taken in from other systems: Open311 service requests and 12345 hotline work orders.
import type { Timestamp } from './columns';

export interface Open311RequestsTable {
  id: string;
  integration_id: string;
  appeal_id: string;
  service_code: string;
  created_at: Timestamp;
}

export interface HotlineWorkOrdersTable {
  id: string;
  /** The account that sent it (an integration's system account, or a person keying it in). */
  caller_id: string;
  integration_id: string | null;
  /** The hotline's own id of the work order (工单号). */
  external_id: string;
  appeal_id: string;
  /** The hotline's category as it sent it, kept beside the category it was mapped to. */
  hotline_category: string;
  /** The hotline's deadline for the answer, when it gave one. */
  due_at: Timestamp | null;
  /** What the work order said, hashed: a retry with the same id must say the same. */
  fingerprint: string;
  created_at: Timestamp;
}
