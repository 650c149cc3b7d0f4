import type { UnitKind } from '@lianxin/common';
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
