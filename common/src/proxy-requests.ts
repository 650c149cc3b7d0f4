import { z } from 'zod';
import { appealPhone } from './appeals';
import { TrackBody } from './public-appeals';
import { QueryFlag } from './query';
import { materialForms, proxyFileKinds, proxyStatuses } from './services';
import { PhoneProof } from './verification';
import { RecordVersion } from './versions';

// 代办: a proxy request for a service item on behalf of a resident — made on the public page (the
// phone proved by a code), by a cadre on a visit or at the station — assigned to an agent
// (代办员) who takes it through the item's steps, each timed; the resident follows it by
// tracking code + the phone's last four digits.

const text = (max: number) => z.string().trim().min(1).max(max);
const areaCode = z
  .string()
  .trim()
  .regex(/^\d{12}(\d{3})?$/);

/** What a timeline entry records: the creation and every step. */
export const proxyEventKinds = [
  'created',
  'assigned',
  'authorised',
  'collected',
  'lodged',
  'result',
  'delivered',
  'closed',
  'cancelled',
  'appealed',
  'warned',
  'overdue',
  'file_added',
  'papers_purged',
] as const;
export type ProxyEventKind = (typeof proxyEventKinds)[number];

/** The channels a cadre records a request through (the public page is `public`). */
export const cadreProxyChannels = ['visit', 'station'] as const;

export const ProxyRequestIdParams = z.strictObject({ id: z.uuid() });
export const ProxyRequestFileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

/** A cadre records a request on a visit or at the station's counter. */
export const ProxyRequestCreateBody = z
  .strictObject({
    itemId: z.uuid(),
    channel: z.enum(cadreProxyChannels),
    /** A resident of the registry in the caller's reach: name and phone come from the record… */
    residentId: z.uuid().optional(),
    /** …or the applicant's name and phone as given. */
    applicantName: text(40).optional(),
    phone: appealPhone.optional(),
    /** The resident's village (or group). */
    areaCode,
    description: z.string().trim().max(2000).default(''),
  })
  .refine((b) => b.residentId !== undefined || (b.applicantName !== undefined && b.phone !== undefined), {
    message: 'a resident of the registry, or a name and a phone',
    path: ['applicantName'],
  });
export type ProxyRequestCreateBody = z.infer<typeof ProxyRequestCreateBody>;

/** A resident asks for 代办 on the public page, the phone proved by a code (purpose proxy_request). */
export const PublicProxyRequestBody = z.strictObject({
  itemId: z.uuid(),
  villageCode: z
    .string()
    .trim()
    .regex(/^\d{12}$/),
  name: text(40),
  /** The proof from `/public/verification/verify` for this phone and purpose `proxy_request`. */
  proof: PhoneProof,
  description: z.string().trim().max(2000).default(''),
  /** Honeypot: people leave it empty, robots fill it in. */
  website: z.string().max(200).optional(),
});
export type PublicProxyRequestBody = z.infer<typeof PublicProxyRequestBody>;

export const PublicProxyRequestCreated = z.object({
  trackingCode: z.string(),
  /** The promised date (the item's working days from today). */
  dueAt: z.string(),
  stationName: z.string(),
});
export type PublicProxyRequestCreated = z.infer<typeof PublicProxyRequestCreated>;

/** Following a request: its tracking code and the phone's last four digits (as an appeal's). */
export const ProxyTrackBody = TrackBody;
export type ProxyTrackBody = z.infer<typeof ProxyTrackBody>;

/** What the resident sees of their request: the steps and their times, no names, no phone. */
export const PublicProxyRequest = z.object({
  trackingCode: z.string(),
  itemName: z.string(),
  villageName: z.string(),
  stationName: z.string(),
  unitName: z.string(),
  status: z.enum(proxyStatuses),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  deliveredAt: z.string().nullable(),
  steps: z.array(z.object({ kind: z.enum(proxyEventKinds), at: z.string() })),
});
export type PublicProxyRequest = z.infer<typeof PublicProxyRequest>;

export const ProxyMaterial = z.object({
  id: z.uuid(),
  name: z.string(),
  form: z.enum(materialForms),
  count: z.number().int(),
  collectedAt: z.string().nullable(),
  /** The receipt (回执) number given for an original taken. */
  receiptNo: z.string().nullable(),
  returnedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type ProxyMaterial = z.infer<typeof ProxyMaterial>;

/** A stored file's description (the bytes are sealed; downloaded one by one). */
export const ProxyFile = z.object({
  id: z.uuid(),
  kind: z.enum(proxyFileKinds),
  materialId: z.uuid().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type ProxyFile = z.infer<typeof ProxyFile>;

export const ProxyEvent = z.object({
  id: z.uuid(),
  kind: z.enum(proxyEventKinds),
  note: z.string().nullable(),
  /** A receipt number, the materials ticked…; per kind. */
  data: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
  byName: z.string().nullable(),
});
export type ProxyEvent = z.infer<typeof ProxyEvent>;

/** A row of the agent's queue and the station's list (phone masked). */
export const ProxyRequestSummary = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  itemId: z.uuid(),
  itemName: z.string(),
  applicantName: z.string(),
  phoneMasked: z.string(),
  areaCode: z.string(),
  villageName: z.string(),
  stationId: z.uuid(),
  stationName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  agentId: z.uuid().nullable(),
  agentName: z.string().nullable(),
  channel: z.enum(['public', 'visit', 'station']),
  status: z.enum(proxyStatuses),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  /** Open and past its promised date. */
  overdue: z.boolean(),
  version: z.number().int(),
});
export type ProxyRequestSummary = z.infer<typeof ProxyRequestSummary>;

export const ProxyRequest = ProxyRequestSummary.extend({
  itemVersion: z.number().int(),
  residentId: z.uuid().nullable(),
  description: z.string().nullable(),
  warnedAt: z.string().nullable(),
  assignedAt: z.string().nullable(),
  authorisedAt: z.string().nullable(),
  collectedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  unitReceiptNo: z.string().nullable(),
  resultAt: z.string().nullable(),
  resultNote: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  appealId: z.uuid().nullable(),
  papersPurgedAt: z.string().nullable(),
  materials: z.array(ProxyMaterial),
  files: z.array(ProxyFile),
  events: z.array(ProxyEvent),
});
export type ProxyRequest = z.infer<typeof ProxyRequest>;

export const ProxyRequestsListQuery = z.strictObject({
  /** `true`: only those assigned to the caller. */
  mine: QueryFlag.optional(),
  status: z.enum(proxyStatuses).optional(),
  /** `true`: open and past the promised date. */
  overdue: QueryFlag.optional(),
  stationId: z.uuid().optional(),
  /** A town, village or group inside the caller's reach. */
  areaCode: areaCode.optional(),
  itemId: z.uuid().optional(),
  /** The tracking code or the applicant's name. */
  q: z.string().trim().max(40).optional(),
  /** `true`: the answer carries `total` (ask on the first page). */
  withTotal: QueryFlag.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProxyRequestsListQuery = z.infer<typeof ProxyRequestsListQuery>;

export const ProxyRequestsPage = z.object({
  items: z.array(ProxyRequestSummary),
  nextCursor: z.string().nullable(),
  total: z.number().nullable(),
});
export type ProxyRequestsPage = z.infer<typeof ProxyRequestsPage>;

export const ProxyBoardQuery = z.strictObject({ stationId: z.uuid().optional() });
export type ProxyBoardQuery = z.infer<typeof ProxyBoardQuery>;

/** The station head's board: requests in the caller's reach by step, overdue, due soon, per agent. */
export const ProxyBoard = z.object({
  byStatus: z.record(z.enum(proxyStatuses), z.number().int()),
  open: z.number().int(),
  overdue: z.number().int(),
  /** Open and due within the warning days. */
  dueSoon: z.number().int(),
  unassigned: z.number().int(),
  agents: z.array(
    z.object({
      agentId: z.uuid(),
      agentName: z.string(),
      open: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
});
export type ProxyBoard = z.infer<typeof ProxyBoard>;

export const ProxyAssignBody = z.strictObject({
  version: RecordVersion,
  /** A service_agent of the station, or a village cadre of the area named as agent. */
  agentId: z.uuid(),
});
export type ProxyAssignBody = z.infer<typeof ProxyAssignBody>;

/** The signed 代办委托书: its photo uploaded first (kind authorisation), then this step. */
export const ProxyAuthoriseBody = z.strictObject({
  version: RecordVersion,
  fileId: z.uuid(),
  note: z.string().trim().max(500).optional(),
});
export type ProxyAuthoriseBody = z.infer<typeof ProxyAuthoriseBody>;

/** Tick materials of the checklist as collected; each original taken gets a receipt number. */
export const ProxyCollectBody = z.strictObject({
  version: RecordVersion,
  materialIds: z.array(z.uuid()).min(1).max(50),
  note: z.string().trim().max(500).optional(),
  /** Send the receipt numbers to the resident by SMS. */
  sendSms: z.boolean().default(false),
});
export type ProxyCollectBody = z.infer<typeof ProxyCollectBody>;

/** Lodged with the handling unit: its receipt (受理) number. */
export const ProxyLodgeBody = z.strictObject({
  version: RecordVersion,
  unitReceiptNo: text(60),
  note: z.string().trim().max(500).optional(),
});
export type ProxyLodgeBody = z.infer<typeof ProxyLodgeBody>;

/** The unit's result; a file of it (kind result) may be uploaded before and named here. */
export const ProxyResultBody = z.strictObject({
  version: RecordVersion,
  note: text(1000),
  fileId: z.uuid().optional(),
});
export type ProxyResultBody = z.infer<typeof ProxyResultBody>;

/** Handed to the resident: the originals returned (every original taken must be). */
export const ProxyDeliverBody = z.strictObject({
  version: RecordVersion,
  returnedMaterialIds: z.array(z.uuid()).max(50).default([]),
  note: z.string().trim().max(500).optional(),
});
export type ProxyDeliverBody = z.infer<typeof ProxyDeliverBody>;

export const ProxyCloseBody = z.strictObject({
  version: RecordVersion,
  note: z.string().trim().max(500).optional(),
});
export type ProxyCloseBody = z.infer<typeof ProxyCloseBody>;

export const ProxyCancelBody = z.strictObject({
  version: RecordVersion,
  reason: text(500),
  /** The originals taken against a receipt, handed back now: none may stay with the agent. */
  returnedMaterialIds: z.array(z.uuid()).max(50).default([]),
});
export type ProxyCancelBody = z.infer<typeof ProxyCancelBody>;

/** A request that reveals a problem becomes an appeal in one step. */
export const ProxyAppealBody = z.strictObject({
  version: RecordVersion,
  title: text(60),
  description: text(2000),
  categoryCode: z.string().trim().min(1).max(40),
});
export type ProxyAppealBody = z.infer<typeof ProxyAppealBody>;

export const ProxyAppealResponse = z.object({ appealId: z.uuid(), trackingCode: z.string() });
export type ProxyAppealResponse = z.infer<typeof ProxyAppealResponse>;

export const ProxyFileUploadQuery = z.strictObject({
  kind: z.enum(proxyFileKinds),
  fileName: z.string().trim().min(1).max(120),
  /** For a paper's photo: the material it shows. */
  materialId: z.uuid().optional(),
});
export type ProxyFileUploadQuery = z.infer<typeof ProxyFileUploadQuery>;
