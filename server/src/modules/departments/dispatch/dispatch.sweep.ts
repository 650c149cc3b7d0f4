import type { Kysely } from 'kysely';
import type { Db } from '../../../db/dialect';
import type { DB } from '../../../db/schema';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import type { JobWorker } from '../../../platform/jobs/jobs.worker';
import { enqueueNotifications } from '../../../platform/notifications/notifications.service';
import { withTransaction } from '../../../platform/request-context';
import { appendToTimeline } from '../../appeals';
import { takeDueWarnings, takeOverdue, withdrawSettled } from './dispatch.repository';

const BATCH = 500;
const system = { id: null, name: null, ip: null };

async function warnBatch(trx: Db, clock: Clock): Promise<number> {
  const rows = await takeDueWarnings(trx, clock.now().toISOString(), BATCH);
  for (const row of rows) {
    await appendToTimeline(trx, { clock, actor: system }, row.appeal_id, {
      kind: 'dispatch_warned',
      note: `${row.unit_name}的派单即将到期`,
    });
  }
  await enqueueNotifications(
    trx,
    clock,
    rows.map((row) => ({
      kind: 'dispatch.warning' as const,
      areaCode: row.dispatcher_area_code,
      recipient: row.unit_name,
      message: `派单 ${row.tracking_code}「${row.title}」即将到期，请抓紧${row.role === 'lead' ? '办结' : '反馈协办意见'}`,
      appealId: row.appeal_id,
    })),
  );
  return rows.length;
}

async function superviseBatch(trx: Db, clock: Clock): Promise<number> {
  const rows = await takeOverdue(trx, clock.now().toISOString(), BATCH);
  for (const row of rows) {
    await appendToTimeline(trx, { clock, actor: system }, row.appeal_id, {
      kind: 'supervised',
      note: `${row.unit_name}超时未${row.role === 'lead' ? '办结' : '反馈'}，转入督办`,
    });
    await recordAudit(trx, clock, system, {
      action: 'dispatch.supervise',
      objectType: 'appeal',
      objectId: row.appeal_id,
      areaCode: row.village_code,
      after: { dispatch: row.id, unit: row.unit_id, dueAt: row.due_at },
    });
  }
  await enqueueNotifications(
    trx,
    clock,
    rows.flatMap((row) => [
      {
        kind: 'dispatch.supervised' as const,
        areaCode: row.dispatcher_area_code,
        recipient: `督办 ${row.dispatcher_area_code}`,
        message: `督办：${row.unit_name}${row.role === 'lead' ? '主办' : '协办'}的 ${row.tracking_code}「${row.title}」已超时`,
        appealId: row.appeal_id,
      },
      {
        kind: 'dispatch.supervised' as const,
        areaCode: row.dispatcher_area_code,
        recipient: row.unit_name,
        message: `派单 ${row.tracking_code}「${row.title}」已超时，已转入督办，请立即办理`,
        appealId: row.appeal_id,
      },
    ]),
  );
  return rows.length;
}

/**
 * The dispatch sweep (every minute): dispatches of appeals settled otherwise are withdrawn; an
 * active dispatch is warned at the warning share of its time and put under the dispatcher's
 * supervision (督办) when due, each once — the marks are
 * taken by conditional updates, so two sweeps at once change each dispatch once.
 */
export async function sweepDispatches(
  db: Kysely<DB>,
  clock: Clock,
): Promise<{ warned: number; supervised: number; withdrawn: number }> {
  const result = { warned: 0, supervised: 0, withdrawn: 0 };
  result.withdrawn = await withTransaction({ db }, (trx) => withdrawSettled(trx));
  for (;;) {
    const n = await withTransaction({ db }, (trx) => superviseBatch(trx, clock));
    result.supervised += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await withTransaction({ db }, (trx) => warnBatch(trx, clock));
    result.warned += n;
    if (n < BATCH) break;
  }
  return result;
}

export function registerDispatchJobs(jobs: JobWorker): void {
  jobs
    .handleLong('dispatch.sweep', async ({ db, clock }) => {
      await sweepDispatches(db, clock);
    })
    .every('dispatch.sweep', 60_000);
}
