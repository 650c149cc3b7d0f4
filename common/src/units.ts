import { z } from 'zod';
import { AreaSummary } from './areas';
import { type Role, roles } from './roles';
import { RecordVersion } from './versions';
import { WorkingHoursSchema } from './working-days';

/**
 * Handling units (承办单位): who answers for what reaches them. A district department (人社局,
 * 卫健局…), a town government or one of its offices, a village committee, a service station
 * (便民服务站) or the CPPCC office. Appeals, 代办 requests, proposals and programme cases are routed
 * to units; a unit's staff see what was routed to their unit.
 */
export const unitKinds = [
  'department',
  'town_office',
  'village_committee',
  'service_station',
  'cppcc_office',
] as const;
export type UnitKind = (typeof unitKinds)[number];

/** The level of area each kind of unit sits at. */
export const unitAreaKinds: Record<UnitKind, readonly ('district' | 'town' | 'village')[]> = {
  department: ['district'],
  town_office: ['town'],
  village_committee: ['village'],
  service_station: ['town', 'village'],
  cppcc_office: ['district'],
};

/**
 * The kind of unit an account of each role must be bound to. Roles absent here reach an area; they
 * may still be bound to a unit of their area (a town office's staff), but need not be.
 */
export const roleUnitKinds: Partial<Record<Role, readonly UnitKind[]>> = {
  department_head: ['department'],
  department_staff: ['department'],
  station_head: ['service_station'],
  service_agent: ['service_station'],
  cppcc_office: ['cppcc_office'],
};

export const Unit = z.object({
  id: z.string(),
  kind: z.enum(unitKinds),
  name: z.string(),
  area: AreaSummary,
  parentId: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  /** Null: the district's working hours. */
  workingHours: WorkingHoursSchema.nullable(),
  /** The appeal categories it answers for. */
  categories: z.array(z.string()),
  active: z.boolean(),
  staffCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

const unitName = z.string().trim().min(2).max(60);
const unitPhone = z.string().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{5,8})$/);
const categoryCodes = z.array(z.string().min(1).max(40)).max(100);

export const UnitsCreateBody = z.strictObject({
  kind: z.enum(unitKinds),
  name: unitName,
  areaCode: z.string().regex(/^\d{12}$/),
  parentId: z.string().uuid().nullable().default(null),
  phone: unitPhone.nullable().default(null),
  address: z.string().trim().max(200).nullable().default(null),
  workingHours: WorkingHoursSchema.nullable().default(null),
  categories: categoryCodes.default([]),
});
export type UnitsCreateBody = z.infer<typeof UnitsCreateBody>;

export const UnitsUpdateBody = z.strictObject({
  name: unitName.optional(),
  phone: unitPhone.nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  workingHours: WorkingHoursSchema.nullable().optional(),
  categories: categoryCodes.optional(),
  active: z.boolean().optional(),
  version: RecordVersion,
});
export type UnitsUpdateBody = z.infer<typeof UnitsUpdateBody>;

export const UnitsListQuery = z.strictObject({
  kind: z.enum(unitKinds).optional(),
  /** Units sitting in this area's subtree. */
  areaCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  /** Units answering for this appeal category. */
  categoryCode: z.string().min(1).max(40).optional(),
  q: z.string().trim().max(40).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type UnitsListQuery = z.infer<typeof UnitsListQuery>;

export const UnitIdParams = z.strictObject({ id: z.string().uuid() });

export const UnitStaff = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(roles),
  disabled: z.boolean(),
});
export type UnitStaff = z.infer<typeof UnitStaff>;

export const UnitsRouteAppealBody = z.strictObject({ appealId: z.string().uuid() });
export type UnitsRouteAppealBody = z.infer<typeof UnitsRouteAppealBody>;
