import type { DispatchRole, DispatchStatus, UnitKind } from '@lianxin/common';
import type { Bool, Timestamp } from './columns';

// Handling units and what is routed to them.

export interface UnitsTable {
  id: string;
  kind: UnitKind;
  name: string;
  area_code: string;
  parent_id: string | null;
  phone: string | null;
  address: string | null;
  /** JSON {periods: [{start, end}]}; null keeps the district's working hours. */
  working_hours: string | null;
  active: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface UnitCategoriesTable {
  unit_id: string;
  category_code: string;
}

export interface AppealUnitsTable {
  appeal_id: string;
  unit_id: string;
  routed_at: Timestamp;
  routed_by: string | null;
}

export interface AppealDispatchesTable {
  id: string;
  appeal_id: string;
  unit_id: string;
  role: DispatchRole;
  status: DispatchStatus;
  decisive: Bool;
  dispatcher_area_code: string;
  dispatched_at: Timestamp;
  dispatched_by: string | null;
  returnable_until: Timestamp;
  may_return: Bool;
  due_at: Timestamp;
  warn_at: Timestamp | null;
  supervised_at: Timestamp | null;
  accepted_at: Timestamp | null;
  returned_at: Timestamp | null;
  return_reason: string | null;
  decision: 'redispatched' | 'overruled' | null;
  decision_note: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  part: string | null;
  part_at: Timestamp | null;
  part_by: string | null;
  replaces_id: string | null;
  version: number;
}
