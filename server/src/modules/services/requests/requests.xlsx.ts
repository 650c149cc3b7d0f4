import type { Writable } from 'node:stream';
import { type Locale, type ProxyRequestsListQuery, uiMessages } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { Scope } from '../../../platform/scope';
import { SpreadsheetWriter } from '../../../platform/spreadsheet-writer';
import { isOverdue } from './requests.model';
import { listRequests } from './requests.repository';

const PAGE = 1000;
/** An export holds at most this many rows (three years of a district's requests fit). */
const MAX_ROWS = 200_000;

/** China time to the minute, as the sheet shows it. */
function chinaMinute(iso: string | null): string {
  if (iso === null) return '';
  const at = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}

/**
 * Writes the list (same filters, same reach) as a workbook, page by page by the list's own
 * keyset; every typed text (names, notes) goes through the one writer, so "=…" stays text.
 */
export async function writeRequestsWorkbook(
  db: Db,
  who: { scope: Scope; userId: string; locale: Locale },
  query: ProxyRequestsListQuery,
  now: Date,
  out: Writable,
): Promise<void> {
  const t = uiMessages[who.locale];
  const workbook = new SpreadsheetWriter(out);
  const sheet = workbook.sheet(
    t['proxy.export.sheet'],
    [
      { header: t['proxy.export.trackingCode'], key: 'code', width: 14, text: true },
      { header: t['proxy.export.item'], key: 'item', width: 28 },
      { header: t['proxy.export.applicant'], key: 'applicant', width: 12 },
      { header: t['proxy.export.phone'], key: 'phone', width: 14, text: true },
      { header: t['proxy.export.village'], key: 'village', width: 16 },
      { header: t['proxy.export.station'], key: 'station', width: 20 },
      { header: t['proxy.export.unit'], key: 'unit', width: 20 },
      { header: t['proxy.export.agent'], key: 'agent', width: 12 },
      { header: t['proxy.export.channel'], key: 'channel', width: 10 },
      { header: t['proxy.export.status'], key: 'status', width: 12 },
      { header: t['proxy.export.createdAt'], key: 'created', width: 17 },
      { header: t['proxy.export.dueAt'], key: 'due', width: 17 },
      { header: t['proxy.export.overdue'], key: 'overdue', width: 8 },
    ],
    { frozenRows: 1 },
  );
  let after: [string, string] | null = null;
  let written = 0;
  for (;;) {
    const rows = await listRequests(db, who.scope, who.userId, query, now.toISOString(), after, PAGE);
    for (const r of rows) {
      sheet.add({
        code: r.tracking_code,
        item: r.item_name,
        applicant: r.applicant_name,
        phone: r.phone_masked,
        village: r.village_name,
        station: r.station_name,
        unit: r.unit_name,
        agent: r.agent_name ?? '',
        channel: t[`proxy.channel.${r.channel}`],
        status: t[`proxy.status.${r.status}`],
        created: chinaMinute(r.created_at),
        due: chinaMinute(r.due_at),
        overdue: isOverdue(r.status, r.due_at, now) ? '是' : '',
      });
    }
    written += rows.length;
    const last = rows.at(-1);
    if (rows.length < PAGE || !last || written >= MAX_ROWS) break;
    after = [last.due_at ?? '', last.id];
  }
  sheet.commit();
  await workbook.finish();
}
