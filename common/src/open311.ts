import { z } from 'zod';
import { appealPhone, appealUrgencies } from './appeals';

// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) as Lianxin serves it at /open311/v2/, and
// the 12345 hotline's work orders. The JSON answers are declared here; the XML ones are the same
// fields under the spec's element names (server/src/modules/open311/open311.xml.ts).

/** The formats every Open311 resource is served in, by the extension of its path. */
export const open311Formats = ['json', 'xml'] as const;
export type Open311Format = (typeof open311Formats)[number];

/** The service attribute that places a request in a village (`attribute[village]`). */
export const OPEN311_VILLAGE_ATTRIBUTE = 'village';

const text = (max: number) => z.string().trim().max(max);

export const Open311Discovery = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
export type Open311Discovery = z.infer<typeof Open311Discovery>;

export const Open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  /** Always true: every service has the village attribute. */
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export type Open311Service = z.infer<typeof Open311Service>;

export const Open311ServiceAttribute = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int(),
  description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })),
});

export const Open311ServiceDefinition = z.object({
  service_code: z.string(),
  attributes: z.array(Open311ServiceAttribute),
});
export type Open311ServiceDefinition = z.infer<typeof Open311ServiceDefinition>;

/**
 * POST requests, form-encoded as the spec has it. A request is placed by `attribute[village]`, else
 * by a village named in `address_string`; a location alone (`lat`/`long`) cannot place it (areas
 * have no boundaries yet), so it waits in the queue of the integration's own area. As on the
 * residents' page, a phone is required (the limits count per phone).
 */
export const Open311RequestCreateBody = z
  .object({
    api_key: z.string().trim().min(1).max(200),
    jurisdiction_id: text(100).optional(),
    service_code: z.string().trim().min(1).max(40),
    lat: z.coerce.number().min(-90).max(90).optional(),
    long: z.coerce.number().min(-180).max(180).optional(),
    address_string: text(200).optional(),
    address_id: text(100).optional(),
    email: text(200).optional(),
    device_id: text(200).optional(),
    account_id: text(200).optional(),
    first_name: text(20).optional(),
    last_name: text(20).optional(),
    phone: appealPhone,
    description: text(2000).min(1),
    media_url: text(500).optional(),
    'attribute[village]': z
      .string()
      .trim()
      .regex(/^\d{12}$/)
      .optional(),
  })
  .refine((b) => (b.lat !== undefined && b.long !== undefined) || b.address_string || b.address_id, {
    path: ['lat'],
    message: 'lat and long, address_string or address_id is required',
  });
export type Open311RequestCreateBody = z.infer<typeof Open311RequestCreateBody>;

export const Open311RequestCreated = z.object({
  service_request_id: z.string(),
  service_notice: z.string(),
  account_id: z.string().nullable(),
});
export const Open311RequestCreateResponse = z.array(Open311RequestCreated);

export const open311Statuses = ['open', 'closed'] as const;

export const Open311RequestsQuery = z.object({
  api_key: z.string().trim().min(1).max(200),
  jurisdiction_id: text(100).optional(),
  /** Comma-separated; the other filters are then ignored, as the spec says. */
  service_request_id: text(2000).optional(),
  service_code: text(400).optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(open311Statuses).optional(),
});
export type Open311RequestsQuery = z.infer<typeof Open311RequestsQuery>;

export const Open311RequestQuery = z.object({
  api_key: z.string().trim().min(1).max(200),
  jurisdiction_id: text(100).optional(),
});

/**
 * A service request as its client reads it back: public fields only (status, the service, dates,
 * the reply the resident sees). The resident's words, name, phone and address stay private.
 */
export const Open311Request = z.object({
  service_request_id: z.string(),
  status: z.enum(open311Statuses),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  agency_responsible: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string(),
});
export type Open311Request = z.infer<typeof Open311Request>;
export const Open311RequestsResponse = z.array(Open311Request);

/** The spec's error answer: a list of errors, each the HTTP status and a description. */
export const Open311Error = z.object({ code: z.number().int(), description: z.string() });
export const Open311Errors = z.array(Open311Error);
export type Open311Errors = z.infer<typeof Open311Errors>;

// 12345 hotline work orders.

export const HotlineWorkOrderBody = z.strictObject({
  /** The hotline's own id of the work order (工单号): the same id is taken in once. */
  id: z
    .string()
    .trim()
    .regex(/^[\w.:-]{1,64}$/),
  /** The hotline's category as it files it (e.g. 城乡建设/道路维修), kept beside ours. */
  hotlineCategory: text(100).min(1),
  /** Our category; when absent, `hotlineCategory` is matched to a category's code or name. */
  categoryCode: z.string().trim().min(1).max(40).optional(),
  villageCode: z
    .string()
    .trim()
    .regex(/^\d{12}$/),
  title: text(60).min(1),
  description: text(4000).min(1),
  address: text(200).default(''),
  urgency: z.enum(appealUrgencies).optional(),
  reporterName: text(40).nullable().default(null),
  reporterPhone: appealPhone.nullable().default(null),
  /** The hotline's deadline for an answer (办理时限), kept with the work order and sent back. */
  dueAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type HotlineWorkOrderBody = z.infer<typeof HotlineWorkOrderBody>;

export const HotlineWorkOrder = z.object({
  /** The hotline's id, as sent. */
  id: z.string(),
  appealId: z.string(),
  trackingCode: z.string(),
  categoryCode: z.string(),
  hotlineCategory: z.string(),
  dueAt: z.string().nullable(),
  /** False when the same work order had been taken in before (a retry). */
  created: z.boolean(),
});
export type HotlineWorkOrder = z.infer<typeof HotlineWorkOrder>;
