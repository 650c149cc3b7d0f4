import type { Config } from '../config';
import { deleteExpiredSessions, deleteOldFailures } from './auth/auth.repository';
import { refreshPlannerStatistics } from './housekeeping.repository';
import { purgeFinishedJobs } from './jobs/jobs.repository';
import type { JobWorker } from './jobs/jobs.worker';

const HOUR = 3_600_000;

/** Hourly clean-up of ended sessions, old login failures and finished jobs. */
export function registerHousekeeping(worker: JobWorker, config: Config): void {
  worker
    .handle('platform.housekeeping', async ({ trx, clock }) => {
      const now = clock.now();
      await deleteExpiredSessions(
        trx,
        now.toISOString(),
        new Date(now.getTime() - config.session.idleMinutes * 60_000).toISOString(),
      );
      await deleteOldFailures(trx, new Date(now.getTime() - 24 * HOUR).toISOString());
      await purgeFinishedJobs(trx, new Date(now.getTime() - 30 * 24 * HOUR));
      // The planner's statistics follow the data.
      await refreshPlannerStatistics(trx);
    })
    .every('platform.housekeeping', HOUR);
}
