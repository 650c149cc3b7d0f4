import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../../server/src/db/database';
import { listening, loadRun, type Metric, metric, signIn } from './measure';

/**
 * Throughput of the staff console's busiest read under load: a town head paging the household
 * list, over loopback with autocannon, beside a bare Fastify route answering the same JSON.
 * (The public submission load is in the appeals bench, with its budget.)
 */
export async function loadBench(
  database: Database,
  app: FastifyInstance,
  _runs: number,
  log: (line: string) => void,
): Promise<Record<string, Metric>> {
  const engine = database.engine;
  const town = await database.db
    .selectFrom('areas')
    .select('code')
    .where('kind', '=', 'town')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const { cookie } = await signIn(app, 'town1-head');
  const path = `/api/v1/households?areaCode=${town.code}&tier=priority&limit=20`;
  const sample = await app.inject({ method: 'GET', url: path, cookies: { lx_session: cookie } });
  if (sample.statusCode !== 200) throw new Error(`household list: ${sample.statusCode} ${sample.body}`);
  const address = await listening(app);
  const bare = Fastify();
  bare.get('/api/v1/households', async (_request, reply) => reply.type('application/json').send(sample.body));
  const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 });
  try {
    const measured = await loadRun({ url: `${address}${path}`, headers: { cookie: `lx_session=${cookie}` } });
    const baseline = await loadRun({ url: `${bareAddress}${path}` });
    log(
      `  household list under load: ${measured.rps} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms (${measured.non2xx} non-2xx); bare route ${baseline.rps} req/s`,
    );
    const what = 'a bare Fastify route answering the same JSON, same load';
    return {
      'load.households_list.req_per_s': metric(
        engine,
        measured.rps,
        'req/s',
        null,
        { value: baseline.rps, what },
        1,
      ),
      'load.households_list.p50_ms': metric(
        engine,
        measured.p50,
        'ms',
        null,
        { value: baseline.p50, what },
        1,
      ),
      'load.households_list.p99_ms': metric(
        engine,
        measured.p99,
        'ms',
        null,
        { value: baseline.p99, what },
        1,
      ),
    };
  } finally {
    await bare.close();
  }
}
