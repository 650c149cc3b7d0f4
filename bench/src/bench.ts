// npm run bench — every module's budgets on the district data set: SQLite always, PostgreSQL
// too when BENCH_DATABASE_URL is set. Writes bench/results/latest.json and the table in
// BENCHMARKS.md. BENCH_RUNS (default 5) runs per figure; the median is reported.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import type { Database } from '../../server/src/db/database';
import { appealsBench } from './appeals.bench';
import { assessmentBench } from './assessment.bench';
import { assistanceBench } from './assistance.bench';
import { BENCH_DIR, benchClock, benchSecrets, type Engine, openDataset } from './dataset';
import { departmentsBench } from './departments.bench';
import { loadBench } from './load.bench';
import type { Metric } from './measure';
import { open311Bench } from './open311.bench';
import { registryBench } from './registry.bench';
import { servicesCatalogueBench } from './services-catalogue.bench';
import { servicesRequestsBench } from './services-requests.bench';
import { sharedBench } from './shared.bench';
import { warningsBench } from './warnings.bench';

async function engineVersion(database: Database): Promise<string> {
  if (database.sqlite) {
    return String((database.sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v);
  }
  const result = await database.pool?.query<{ server_version: string }>('show server_version');
  return result?.rows[0]?.server_version ?? '';
}

const runs = Number(process.env.BENCH_RUNS ?? 5);
const log = (line: string) => process.stdout.write(`${line}\n`);
// BENCH_ENGINES=postgres measures one engine and keeps the other's last figures.
const engines = (
  process.env.BENCH_ENGINES?.split(',') ??
  (process.env.BENCH_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'])
).filter((e): e is Engine => e === 'sqlite' || e === 'postgres');
const benches = {
  registry: registryBench,
  appeals: appealsBench,
  load: loadBench,
  assistance: assistanceBench,
  assessment: assessmentBench,
  shared: sharedBench,
  warnings: warningsBench,
  open311: open311Bench,
  departments: departmentsBench,
  servicesCatalogue: servicesCatalogueBench,
  servicesRequests: servicesRequestsBench,
};
// BENCH_MODULES=appeals measures one module and keeps the others' last figures.
const modules = process.env.BENCH_MODULES?.split(',') ?? Object.keys(benches);
const latest = path.join(BENCH_DIR, 'results/latest.json');
const results: Record<string, Metric> = {};
if (existsSync(latest)) {
  for (const [key, m] of Object.entries(JSON.parse(readFileSync(latest, 'utf8')) as Record<string, Metric>)) {
    const [engine, name] = key.split(':');
    const measuredNow =
      engines.includes(engine as Engine) && modules.some((mod) => name?.startsWith(`${mod}.`));
    if (!measuredNow) results[key] = m;
  }
}
const versions: Record<string, string> = {};

for (const engine of engines) {
  log(`== ${engine}`);
  const database = await openDataset('district', engine, log);
  versions[engine] = await engineVersion(database);
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'silent',
      // The load scenario sends every submission from one address and phone.
      PUBLIC_SUBMISSIONS_PER_IP_PER_HOUR: '1000000000',
      PUBLIC_SUBMISSIONS_PER_PHONE_PER_DAY: '1000000000',
    }),
    secretKey: undefined,
  };
  const app = await buildApp({
    database,
    config,
    clock: benchClock,
    logger: false,
    secrets: benchSecrets,
    webDist: '/nonexistent',
  });
  await app.ready();
  try {
    for (const [module, bench] of Object.entries(benches)) {
      if (!modules.includes(module)) continue;
      for (const [name, m] of Object.entries(await bench(database, app, runs, log))) {
        results[`${engine}:${name}`] = m;
      }
    }
  } finally {
    await app.close();
    await database.close();
  }
}

mkdirSync(path.join(BENCH_DIR, 'results'), { recursive: true });
writeFileSync(latest, `${JSON.stringify(results, null, 2)}\n`);

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}, Node ${process.version}, ${Object.entries(
  versions,
)
  .map(([e, v]) => `${e === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${v}`)
  .join(', ')}`;
const rows = Object.entries(results).map(([key, m]) => {
  const [engine, name] = key.split(':');
  const budget = m.budget === null ? '—' : `${m.budgetKind === 'min' ? '≥' : '≤'} ${m.budget} ${m.unit}`;
  const met =
    m.budget === null
      ? ''
      : (m.budgetKind === 'min' ? m.value >= m.budget : m.value <= m.budget)
        ? 'met'
        : '**not met**';
  const baseline = m.baseline === null ? '—' : `${m.baseline} ${m.unit} (${m.baselineWhat})`;
  return `| ${name} | ${engine} | ${m.value} ${m.unit} | ${budget} | ${met} | ${baseline} | ${m.ratio ?? '—'} |`;
});
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; district data set (300,000 households); median of ${runs} runs.`,
  '',
  '| metric | engine | value | budget | | baseline | ratio |',
  '|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
const file = path.join(BENCH_DIR, '..', 'BENCHMARKS.md');
const text = readFileSync(file, 'utf8');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
const next = text.includes(start)
  ? `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`
  : `${text.trimEnd()}\n\n## Budgets (\`npm run bench\`)\n\n${start}\n${table}\n${end}\n`;
writeFileSync(file, next);
log(table);
