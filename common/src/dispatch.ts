import { z } from 'zod';
import { AppealActionBodies, appealUrgencies } from './appeals';
import { RecordVersion } from './versions';

/**
 * Dispatch (派单): the district — or a town, to the units of its own area — hands an appeal it holds
 * to the unit that can solve it: one lead unit (主办), which answers the resident, and optionally
 * co-units (协办), which give their part to the lead. A unit accepts or, once and within the return
 * window, returns it with a reason (退单); the dispatcher then re-dispatches or overrules. A late
 * dispatch is warned at the warning share of its time and put under supervision (督办) when due.
 */
export const dispatchRoles = ['lead', 'co'] as const;
export type DispatchRole = (typeof dispatchRoles)[number];

/**
 * pending: waiting for the unit to accept or return; accepted: the unit works on it; returned:
 * the unit sent it back, the dispatcher decides; redispatched: returned and given to another unit;
 * done: the lead resolved the appeal or the co-unit gave its part; withdrawn: a co-unit's part was
 * no longer needed (the lead resolved first).
 */
export const dispatchStatuses = [
  'pending',
  'accepted',
  'returned',
  'redispatched',
  'done',
  'withdrawn',
] as const;
export type DispatchStatus = (typeof dispatchStatuses)[number];

/** Dispatches still someone's work: they count for the queue, the warnings and supervision. */
export const activeDispatchStatuses: readonly DispatchStatus[] = ['pending', 'accepted'];

/** What a caller may do with a dispatch now; the server checks the same rules. */
export const dispatchActions = [
  'accept',
  'return',
  'part',
  'redispatch',
  'overrule',
  'note',
  'defer',
  'resolve',
] as const;
export type DispatchAction = (typeof dispatchActions)[number];

/** The appeal actions a lead unit takes itself, as a level does. */
export const leadAppealActions = ['note', 'defer', 'resolve'] as const;
export type LeadAppealAction = (typeof leadAppealActions)[number];

export const DispatchSettings = z.strictObject({
  /** Working days after the dispatch within which a unit may return it (退单). */
  returnWindowWorkingDays: z.number().int().min(1).max(10),
  /** Working days a co-unit has to give its part to the lead. */
  coPartWorkingDays: z.number().int().min(1).max(30),
});
export type DispatchSettings = z.infer<typeof DispatchSettings>;

export const defaultDispatchSettings: DispatchSettings = { returnWindowWorkingDays: 1, coPartWorkingDays: 3 };

export const Dispatch = z.object({
  id: z.string(),
  appealId: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(dispatchRoles),
  status: z.enum(dispatchStatuses),
  /** A co-unit whose part decides the outcome: the resident's rating counts for it too. */
  decisive: z.boolean(),
  dispatchedAt: z.string(),
  dispatchedBy: z.string().nullable(),
  /** Until when the unit may return it. */
  returnableUntil: z.string(),
  /** The lead's deadline to resolve; a co-unit's to give its part. */
  dueAt: z.string(),
  overdue: z.boolean(),
  supervisedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  decision: z.enum(['redispatched', 'overruled']).nullable(),
  decisionNote: z.string().nullable(),
  part: z.string().nullable(),
  partAt: z.string().nullable(),
  /** The dispatch this one replaced after a return. */
  replacesId: z.string().nullable(),
  actions: z.array(z.enum(dispatchActions)),
  version: z.number().int(),
});
export type Dispatch = z.infer<typeof Dispatch>;

/** A row of a unit's queue: the dispatch with what the unit needs to see of the appeal. */
export const DispatchQueueItem = Dispatch.extend({
  appeal: z.object({
    trackingCode: z.string(),
    title: z.string(),
    categoryCode: z.string(),
    urgency: z.enum(appealUrgencies),
    status: z.string(),
    villageName: z.string(),
  }),
});
export type DispatchQueueItem = z.infer<typeof DispatchQueueItem>;

const note = z.string().trim().min(2).max(2000);
const uuid = z.uuid();

export const DispatchCreateBody = z
  .strictObject({
    appealId: uuid,
    leadUnitId: uuid,
    coUnits: z
      .array(z.strictObject({ unitId: uuid, decisive: z.boolean().default(false) }))
      .max(8)
      .default([]),
    note: z.string().trim().max(2000).optional(),
    /** The appeal's version, as the other appeal actions take it. */
    version: RecordVersion,
  })
  .refine(
    (body) => {
      const ids = [body.leadUnitId, ...body.coUnits.map((c) => c.unitId)];
      return new Set(ids).size === ids.length;
    },
    { message: 'a unit appears twice', path: ['coUnits'] },
  );
export type DispatchCreateBody = z.infer<typeof DispatchCreateBody>;

export const DispatchListQuery = z.strictObject({
  appealId: uuid.optional(),
  /** A unit's queue by default: the active ones; `all` for every state. */
  status: z.enum([...dispatchStatuses, 'active', 'all']).optional(),
  role: z.enum(dispatchRoles).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DispatchListQuery = z.infer<typeof DispatchListQuery>;

export const DispatchIdParams = z.strictObject({ id: uuid });

export const DispatchAcceptBody = z.strictObject({ version: RecordVersion });
export const DispatchReturnBody = z.strictObject({ reason: note, version: RecordVersion });
export const DispatchPartBody = z.strictObject({ part: note, version: RecordVersion });
export const DispatchRedispatchBody = z.strictObject({
  unitId: uuid,
  note: z.string().trim().max(2000).optional(),
  version: RecordVersion,
});
export const DispatchOverruleBody = z.strictObject({ note, version: RecordVersion });
export type DispatchReturnBody = z.infer<typeof DispatchReturnBody>;
export type DispatchPartBody = z.infer<typeof DispatchPartBody>;
export type DispatchRedispatchBody = z.infer<typeof DispatchRedispatchBody>;
export type DispatchOverruleBody = z.infer<typeof DispatchOverruleBody>;

/**
 * The lead unit's own work on the appeal, with the appeal's version: a note (public or not), a
 * deferral with its plan (the dispatcher approves it), or the resolution the resident reads.
 */
export const DispatchAppealActionBody = z.discriminatedUnion('action', [
  AppealActionBodies.note.extend({ action: z.literal('note') }),
  AppealActionBodies.defer.extend({ action: z.literal('defer') }),
  AppealActionBodies.resolve.extend({ action: z.literal('resolve') }),
]);
export type DispatchAppealActionBody = z.infer<typeof DispatchAppealActionBody>;

export const DispatchStatsQuery = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.from <= q.to, { message: 'from after to', path: ['to'] });
export type DispatchStatsQuery = z.infer<typeof DispatchStatsQuery>;

const rate = z.number().min(0).max(1).nullable();

/**
 * A department's record over the dispatches given to it in a period — the three rates of 接诉即办
 * (响应率, 解决率, 满意率), the on-time rate, its returns, supervision, and its whistles' response.
 */
export const DepartmentDispatchStats = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  /** Dispatches given to it, as lead or co-unit. */
  dispatched: z.number().int(),
  /** Of those, accepted, returned or answered with the co-unit's part within the return window. */
  responded: z.number().int(),
  returned: z.number().int(),
  /** Lead dispatches it kept (not re-dispatched elsewhere after a return). */
  leads: z.number().int(),
  resolved: z.number().int(),
  resolvedOnTime: z.number().int(),
  /** Active past their deadline now, or done after it. */
  overdue: z.number().int(),
  supervised: z.number().int(),
  /** Appeals it led, or gave a decisive part to, that the resident rated; and how many satisfied. */
  rated: z.number().int(),
  satisfied: z.number().int(),
  responseRate: rate,
  resolutionRate: rate,
  onTimeRate: rate,
  satisfactionRate: rate,
  whistles: z.object({
    named: z.number().int(),
    reported: z.number().int(),
    late: z.number().int(),
    medianResponseMinutes: z.number().nullable(),
  }),
});
export type DepartmentDispatchStats = z.infer<typeof DepartmentDispatchStats>;
