import { addWorkingDays } from '@lianxin/common';
import type { Kysely } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { DB } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import { workingCalendar } from '../../../platform/calendar';
import type { Clock } from '../../../platform/clock';
import type { JobWorker } from '../../../platform/jobs/jobs.worker';
import { enqueueNotifications } from '../../../platform/notifications/notifications.service';
import { withTransaction } from '../../../platform/request-context';
import {
  insertEvent,
  overdueUnmarked,
  purgeablePapers,
  purgePapers,
  takeDueWarnings,
} from './request-writes.repository';
import { serviceSettings } from './requests.model';
import { stationHeads } from './requests.repository';

const BATCH = 500;
const system = { id: null, name: null, ip: null };

type Due = Awaited<ReturnType<typeof takeDueWarnings>>[number];

/** China date of an instant: 12-07. */
const chinaDay = (iso: string | null) =>
  iso === null ? '' : new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(5, 10);

/** The agent and the station head(s) are told (the outbox; sent after the commit). */
async function tell(trx: Db, clock: Clock, rows: Due[], kind: 'proxy.warning' | 'proxy.overdue') {
  for (const row of rows) {
    const message =
      kind === 'proxy.warning'
        ? `【代办临期】${row.tracking_code}「${row.item_name}」承诺 ${chinaDay(row.due_at)} 办结，请抓紧办理`
        : `【代办超期】${row.tracking_code}「${row.item_name}」已超过承诺时限（${chinaDay(row.due_at)}），请立即办理`;
    const heads = await stationHeads(trx, row.station_id);
    await enqueueNotifications(trx, clock, [
      ...(row.agent_name
        ? [{ kind, areaCode: row.area_code, recipient: `代办员 ${row.agent_name}`, message }]
        : []),
      ...heads.map((h) => ({ kind, areaCode: row.area_code, recipient: `站长 ${h.name}`, message })),
    ]);
    await insertEvent(trx, {
      requestId: row.id,
      kind: kind === 'proxy.warning' ? 'warned' : 'overdue',
      note: row.due_at,
      at: clock.now().toISOString(),
      by: null,
    });
  }
  return rows.length;
}

/**
 * The 代办 sweep: warns the agent and the station head of an open request the set working days
 * before its promised date (warned_at, once), and again when it is overdue (its timeline's mark,
 * once); deletes the papers of requests closed or cancelled the set days ago (papers_purged_at).
 */
export async function sweepProxyRequests(
  db: Kysely<DB>,
  clock: Clock,
): Promise<{ warned: number; overdue: number; purged: number }> {
  const result = { warned: 0, overdue: 0, purged: 0 };
  const settings = await serviceSettings(db);
  const calendar = await workingCalendar(db);
  const now = clock.now();
  const cutoff = addWorkingDays(calendar, now, settings.warnWorkingDaysBefore).toISOString();
  for (;;) {
    const n = await withTransaction({ db }, async (trx) =>
      tell(trx, clock, await takeDueWarnings(trx, cutoff, now.toISOString(), BATCH), 'proxy.warning'),
    );
    result.warned += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await withTransaction({ db }, async (trx) =>
      tell(trx, clock, await overdueUnmarked(trx, now.toISOString(), BATCH), 'proxy.overdue'),
    );
    result.overdue += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await withTransaction({ db }, async (trx) => {
      const rows = await purgeablePapers(trx, now.toISOString(), BATCH);
      for (const row of rows) {
        const files = await purgePapers(trx, row.id, now.toISOString());
        await insertEvent(trx, {
          requestId: row.id,
          kind: 'papers_purged',
          data: { files },
          at: now.toISOString(),
          by: null,
        });
        await recordAudit(trx, clock, system, {
          action: 'proxy_request.papers_purge',
          objectType: 'proxy_request',
          objectId: row.id,
          areaCode: row.area_code,
          after: { files },
        });
      }
      return rows.length;
    });
    result.purged += n;
    if (n < BATCH) break;
  }
  return result;
}

export function registerProxyRequestJobs(jobs: JobWorker): void {
  jobs
    .handleLong('services.proxy.sweep', async ({ db, clock }) => {
      await sweepProxyRequests(db, clock);
    })
    .every('services.proxy.sweep', 15 * 60_000);
}
