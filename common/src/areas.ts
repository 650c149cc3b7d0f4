import { z } from 'zod';
import type { FieldProblem } from './field-problems';
import { RecordVersion } from './versions';

/** The levels of the area tree, top down. 街道 is a town-level kind, 社区 a village-level one. */
export const areaKinds = ['district', 'town', 'village', 'group'] as const;
export type AreaKind = (typeof areaKinds)[number];

/**
 * Significant digits of an area code per level. District, town and village codes are the
 * 12-digit statistical codes (统计用区划代码) with trailing zeros; a group (组/网格) below a
 * village takes three more digits, so its code is 15 digits long.
 */
export const areaPrefixLength: Record<AreaKind, number> = {
  district: 6,
  town: 9,
  village: 12,
  group: 15,
};

export const areaParentKind: Record<AreaKind, AreaKind | null> = {
  district: null,
  town: 'district',
  village: 'town',
  group: 'village',
};

export function areaCodeLength(kind: AreaKind): number {
  return kind === 'group' ? 15 : 12;
}

/** The digits that every code in this area's subtree starts with. */
export function areaPrefix(code: string, kind: AreaKind): string {
  return code.slice(0, areaPrefixLength[kind]);
}

/** Whether `code` is a well-formed code for an area of `kind` under `parentCode`. */
export function isValidAreaCode(code: string, kind: AreaKind, parentCode: string | null): boolean {
  if (!/^\d+$/.test(code) || code.length !== areaCodeLength(kind)) return false;
  const significant = areaPrefixLength[kind];
  const own = code.slice(0, significant);
  // Codes are zero-padded to 12 digits below the significant part.
  if (kind !== 'group' && !/^0*$/.test(code.slice(significant))) return false;
  const parentKind = areaParentKind[kind];
  if (parentKind === null) return parentCode === null && !/0{3}$/.test(own);
  if (parentCode === null) return false;
  const parentPrefix = areaPrefix(parentCode, parentKind);
  return own.startsWith(parentPrefix) && !/^0+$/.test(own.slice(parentPrefix.length));
}

export const AreaFlags = z.strictObject({
  extremelyPoor: z.boolean().default(false),
  remote: z.boolean().default(false),
  hardToAdvance: z.boolean().default(false),
  disasterHit: z.boolean().default(false),
  disasterFrom: z.iso.date().nullable().default(null),
  disasterTo: z.iso.date().nullable().default(null),
});
export type AreaFlags = z.infer<typeof AreaFlags>;

const areaName = z.string().trim().min(1).max(60);
const areaCode = z.string().regex(/^\d{12}(\d{3})?$/);

export const Area = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(areaKinds),
  parentCode: z.string().nullable(),
  flags: AreaFlags,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Area = z.infer<typeof Area>;

export const AreasListQuery = z.strictObject({
  parentCode: areaCode.optional(),
  kind: z.enum(areaKinds).optional(),
  q: z.string().trim().max(60).optional(),
});
export type AreasListQuery = z.infer<typeof AreasListQuery>;

export const AreaCodeParams = z.strictObject({ code: areaCode });

function checkDisasterRange(flags: Partial<AreaFlags> | undefined, ctx: z.RefinementCtx): void {
  if (flags?.disasterFrom && flags.disasterTo && flags.disasterFrom > flags.disasterTo) {
    ctx.addIssue({
      code: 'custom',
      path: ['flags', 'disasterTo'],
      message: 'area.disasterRange' satisfies FieldProblem,
    });
  }
}

export const AreasCreateBody = z
  .strictObject({
    code: areaCode,
    name: areaName,
    kind: z.enum(['town', 'village', 'group']),
    parentCode: areaCode,
    flags: AreaFlags.optional(),
  })
  .superRefine((body, ctx) => checkDisasterRange(body.flags, ctx));
export type AreasCreateBody = z.infer<typeof AreasCreateBody>;

export const AreasUpdateBody = z
  .strictObject({
    name: areaName.optional(),
    flags: AreaFlags.partial().optional(),
    version: RecordVersion,
  })
  .superRefine((body, ctx) => checkDisasterRange(body.flags, ctx));
export type AreasUpdateBody = z.infer<typeof AreasUpdateBody>;

export const AreaSummary = z.object({ code: z.string(), name: z.string(), kind: z.enum(areaKinds) });
export type AreaSummary = z.infer<typeof AreaSummary>;

/** The codes of an area and all its ancestors, top down; they follow from the code itself. */
export function lineageCodes(code: string, kind: AreaKind): string[] {
  const district = `${code.slice(0, 6)}000000`;
  const town = `${code.slice(0, 9)}000`;
  const village = code.slice(0, 12);
  switch (kind) {
    case 'district':
      return [district];
    case 'town':
      return [district, town];
    case 'village':
      return [district, town, village];
    case 'group':
      return [district, town, village, code];
  }
}
