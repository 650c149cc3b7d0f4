import {
  defaultServiceSettings,
  type MaterialForm,
  openProxyStatuses,
  type ProxyEvent,
  type ProxyEventKind,
  type ProxyFile,
  type ProxyMaterial,
  type ProxyRequest,
  type ProxyRequestSummary,
  type ProxyStatus,
  proxyEventKinds,
  type ServiceSettings,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { readSetting } from '../../../platform/settings/settings.repository';
import type {
  RequestRow,
  requestEvents,
  requestFiles,
  requestMaterials,
  SummaryRow,
} from './requests.repository';

// 代办's words in the server: the steps each status allows, and the rows as the API answers them.

/** The statuses each step may be taken from, and where it leads (null: stays). */
export const steps = {
  assign: { from: ['submitted', 'assigned', 'collecting', 'lodged', 'result_ready'], to: null },
  authorise: { from: ['assigned'], to: 'collecting' },
  collect: { from: ['collecting'], to: null },
  lodge: { from: ['collecting'], to: 'lodged' },
  result: { from: ['lodged'], to: 'result_ready' },
  deliver: { from: ['result_ready'], to: 'delivered' },
  close: { from: ['delivered'], to: 'closed' },
  cancel: { from: openProxyStatuses, to: 'cancelled' },
  appeal: {
    from: ['submitted', 'assigned', 'collecting', 'lodged', 'result_ready', 'delivered', 'closed'],
    to: null,
  },
} as const satisfies Record<string, { from: readonly ProxyStatus[]; to: ProxyStatus | null }>;
export type StepName = keyof typeof steps;

export function allows(step: StepName, status: ProxyStatus): boolean {
  return (steps[step].from as readonly ProxyStatus[]).includes(status);
}

export function isOverdue(status: ProxyStatus, dueAt: string | null, now: Date): boolean {
  return openProxyStatuses.includes(status) && dueAt !== null && Date.parse(dueAt) < now.getTime();
}

/** The services settings as stored (helper routes write them) over the defaults. */
export async function serviceSettings(db: Db): Promise<ServiceSettings> {
  const stored = await readSetting<Partial<ServiceSettings>>(db, 'services.settings');
  return { ...defaultServiceSettings, ...(stored ?? {}) };
}

/** The materials of a guide (JSON of a version), as far as they are readable. */
export function guideMaterials(
  guide: string,
): { name: string; form: MaterialForm; count: number; notes: string }[] {
  try {
    const parsed = JSON.parse(guide) as { materials?: unknown };
    if (!Array.isArray(parsed.materials)) return [];
    return parsed.materials.flatMap(
      (m: { name?: unknown; form?: unknown; count?: unknown; notes?: unknown }) =>
        typeof m.name === 'string' &&
        (m.form === 'original' || m.form === 'copy' || m.form === 'original_and_copy')
          ? [
              {
                name: m.name,
                form: m.form,
                count: typeof m.count === 'number' ? m.count : 1,
                notes: String(m.notes ?? ''),
              },
            ]
          : [],
    );
  } catch {
    return [];
  }
}

export function toSummary(row: SummaryRow, now: Date): ProxyRequestSummary {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    itemId: row.item_id,
    itemName: row.item_name,
    applicantName: row.applicant_name,
    phoneMasked: row.phone_masked,
    areaCode: row.area_code,
    villageName: row.village_name,
    stationId: row.station_id,
    stationName: row.station_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    agentId: row.agent_id,
    agentName: row.agent_name,
    channel: row.channel,
    status: row.status,
    createdAt: row.created_at,
    dueAt: row.due_at,
    overdue: isOverdue(row.status, row.due_at, now),
    version: row.version,
  };
}

type MaterialRow = Awaited<ReturnType<typeof requestMaterials>>[number];
type FileRow = Awaited<ReturnType<typeof requestFiles>>[number];
type EventRow = Awaited<ReturnType<typeof requestEvents>>[number];

export function toMaterial(m: MaterialRow): ProxyMaterial {
  return {
    id: m.id,
    name: m.name,
    form: m.form,
    count: m.count,
    collectedAt: m.collected_at,
    receiptNo: m.receipt_no,
    returnedAt: m.returned_at,
    note: m.note,
  };
}

function toFile(f: FileRow): ProxyFile {
  return {
    id: f.id,
    kind: f.kind,
    materialId: f.material_id,
    fileName: f.file_name,
    contentType: f.content_type,
    size: f.size,
    createdAt: f.created_at,
  };
}

function parseData(data: string | null): Record<string, unknown> | null {
  if (data === null) return null;
  try {
    const value: unknown = JSON.parse(data);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function eventKind(kind: string): ProxyEventKind | null {
  return (proxyEventKinds as readonly string[]).includes(kind) ? (kind as ProxyEventKind) : null;
}

function toEvent(e: EventRow): ProxyEvent[] {
  const kind = eventKind(e.kind);
  return kind === null
    ? []
    : [{ id: e.id, kind, note: e.note, data: parseData(e.data), at: e.at, byName: e.by_name }];
}

export function toRequest(
  row: RequestRow,
  parts: { materials: MaterialRow[]; files: FileRow[]; events: EventRow[] },
  now: Date,
): ProxyRequest {
  return {
    ...toSummary(row, now),
    itemVersion: row.item_version,
    residentId: row.resident_id,
    description: row.description,
    warnedAt: row.warned_at,
    assignedAt: row.assigned_at,
    authorisedAt: row.authorised_at,
    collectedAt: row.collected_at,
    submittedAt: row.submitted_at,
    unitReceiptNo: row.unit_receipt_no,
    resultAt: row.result_at,
    resultNote: row.result_note,
    deliveredAt: row.delivered_at,
    closedAt: row.closed_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    appealId: row.appeal_id,
    papersPurgedAt: row.papers_purged_at,
    materials: parts.materials.map(toMaterial),
    files: parts.files.map(toFile),
    events: parts.events.flatMap(toEvent),
  };
}
