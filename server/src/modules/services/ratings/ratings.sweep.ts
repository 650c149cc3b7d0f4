import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Clock } from '../../../platform/clock';
import type { JobWorker } from '../../../platform/jobs/jobs.worker';
import { withTransaction } from '../../../platform/request-context';
import { unratedDelivered } from './ratings.repository';
import { closeUnrated } from './ratings.service';

const BATCH = 500;

/** Closes the delivered requests not rated within the rating period, in batches; returns how many. */
export async function sweepUnrated(db: Kysely<DB>, clock: Clock): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await withTransaction({ db }, (trx) =>
      closeUnrated(trx, clock, (before) => unratedDelivered(trx, before, BATCH)),
    );
    total += n;
    if (n < BATCH) return total;
  }
}

export function registerRatingJobs(jobs: JobWorker): void {
  jobs
    .handleLong('services.ratings.sweep', async ({ db, clock }) => {
      await sweepUnrated(db, clock);
    })
    .every('services.ratings.sweep', 3_600_000);
}
