import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/src/db/database';
import { scanWarningsIn } from '../../server/src/modules/warnings';
import { benchClock } from './dataset';
import { type Metric, median, metric, raw, rolledBack, time } from './measure';

const DAY = 86_400_000;

/**
 * Early warning's budget (issue 18): the scan over the last 30 days of the district's appeals,
 * in a transaction rolled back afterwards. `first` starts from no warnings, so every cluster,
 * repeat and risk word it finds is raised with its evidence and notices; `again` is the next run
 * on what the first raised (the steady state of the ten-minute job: nothing new). The baseline is
 * the candidate reads alone on the raw driver: the cluster window's appeals (7 days) with their
 * text, and the residents with three appeals or more in the repeat window (30 days).
 */
export async function warningsBench(
  database: Database,
  _app: FastifyInstance,
  runs: number,
  log: (line: string) => void,
): Promise<Record<string, Metric>> {
  const engine = database.engine;
  const since = new Date(benchClock.now().getTime() - 30 * DAY).toISOString();
  const first: number[] = [];
  const again: number[] = [];
  const baseline: number[] = [];
  const select = `select a.id, a.title, a.description, a.village_code,
      case when v.kind = 'village' then v.parent_code else a.village_code end as town_code,
      a.category_code, a.received_at, a.household_id, a.reporter_resident_id, a.reporter_phone_hash
    from appeals a left join areas v on v.code = a.village_code`;
  const since7 = new Date(benchClock.now().getTime() - 7 * DAY).toISOString();
  const grouped = `select coalesce(reporter_resident_id, reporter_phone_hash) as reporter from appeals
    where received_at >= ? and status != 'merged' and (reporter_resident_id is not null or reporter_phone_hash is not null)
    group by 1 having count(*) >= 3`;
  // The scan's candidate reads by hand: the cluster window's appeals with their text, and who
  // appealed three times or more in the 30 days.
  const candidateReads = async () => {
    const rows = await raw(
      database,
      `${select} where a.received_at >= ? and a.status != 'merged'`,
      `${select} where a.received_at >= $1 and a.status != 'merged'`,
      [since7],
    );
    const reporters = await raw(database, grouped, grouped.replace('?', '$1'), [since]);
    return { rows: rows.length, reporters: reporters.length };
  };
  let counts = { rows: 0, reporters: 0 };
  for (let r = 0; r < runs; r++) {
    counts = await candidateReads();
    baseline.push(await time(candidateReads));
    await rolledBack(database, async (trx) => {
      let raised = { raised: 0, updated: 0 };
      first.push(
        await time(async () => {
          raised = await scanWarningsIn(trx, benchClock);
        }),
      );
      let next = { raised: 0, updated: 0 };
      again.push(
        await time(async () => {
          next = await scanWarningsIn(trx, benchClock);
        }),
      );
      if (r === 0)
        log(
          `  warnings.scan: ${counts.rows} appeals in 7 days, ${counts.reporters} frequent reporters in 30; first run raised ${raised.raised}, next run raised ${next.raised} and grew ${next.updated}`,
        );
    });
  }
  const base = { value: median(baseline), what: 'the candidate reads alone, raw driver' };
  return {
    'warnings.scan_first_ms': metric(engine, median(first), 'ms', { value: 2000, kind: 'max' }, base, runs),
    'warnings.scan_again_ms': metric(engine, median(again), 'ms', { value: 2000, kind: 'max' }, base, runs),
  };
}
