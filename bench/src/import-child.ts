// One import run in its own process, so that its memory is measured alone:
//   tsx bench/src/import-child.ts <sqlite|postgres> <roster.xlsx> [<preview.xlsx>]
// Prints one JSON line: { parseMs, layoutMs, previewMs, importMs, rows, peakRssMb }: the header
// detection and column mapping of the file on their own, and the preview (the check, nothing
// written) of a smaller roster, after the import.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { openDatabase } from '../../server/src/db/database';
import { migrateToLatest } from '../../server/src/db/migrator';
import { applyRoster } from '../../server/src/modules/households/import/roster-apply';
import { planRoster } from '../../server/src/modules/households/import/roster-plan';
import { findLayout } from '../../server/src/modules/households/import/roster-read';
import { scopeOf } from '../../server/src/platform/scope';
import { benchClock, benchSecrets } from './dataset';
import { DISTRICT_CODE, generateDistrict } from './generate';

const [engine, file, previewFile] = process.argv.slice(2);
if (!file) throw new Error('usage: import-child.ts <sqlite|postgres> <file>');

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);

// The sampler cannot run while the synchronous SQLite driver writes; on Linux the kernel keeps the
// process's peak (VmHWM), which writing 5 to clear_refs resets to the current size.
function resetKernelPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the sampler alone.
  }
}

function kernelPeakBytes(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

// The baseline: the same file through a bare streaming parse, every cell read, nothing checked.
const parseStart = performance.now();
let parsed = 0;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache' });
for await (const sheet of reader) {
  for await (const row of sheet) if ((row.values as unknown[]).length > 0) parsed++;
  break;
}
const parseMs = performance.now() - parseStart;

const dir = mkdtempSync(path.join(tmpdir(), 'lianxin-bench-'));
const url = process.env.BENCH_DATABASE_URL;
const schema = `bench_import_${process.pid}`;
if (engine === 'postgres') {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
}
const database =
  engine === 'postgres' && url
    ? openDatabase({ url, schema, poolSize: 4 })
    : openDatabase({ file: path.join(dir, 'import.db') });
try {
  await migrateToLatest(database.db);
  await generateDistrict(database.db, {
    scale: 'district',
    seed: 1,
    clock: benchClock,
    secrets: benchSecrets,
    households: false,
  });
  peak = 0;
  resetKernelPeak();
  const content = readFileSync(file);
  const ctx = {
    clock: benchClock,
    secrets: benchSecrets,
    scope: scopeOf({ code: DISTRICT_CODE, kind: 'district' }),
    caller: null,
  };
  const importStart = performance.now();
  // As the server's commit job does it: check and write in one transaction.
  const rows = await database.db.transaction().execute(async (trx) => {
    const plan = await planRoster(trx, ctx, content);
    if (plan.problemCount > 0)
      throw new Error(`roster has problems: ${JSON.stringify(plan.problems.slice(0, 3))}`);
    await applyRoster(trx, ctx, { id: null, name: 'bench', ip: null }, plan, path.basename(file));
    return plan.summary.rows;
  });
  const importMs = performance.now() - importStart;
  clearInterval(sampler);
  peak = Math.max(peak, kernelPeakBytes());
  // Measured after the import, so that its memory is the import's alone.
  // Header detection and mapping alone: the first rows of the sheet, whatever the file's length.
  const layoutStart = performance.now();
  await findLayout(content, { sheet: null, villageCode: null, mapping: null }, async () => null);
  const layoutMs = performance.now() - layoutStart;
  let previewMs: number | null = null;
  if (previewFile) {
    const previewContent = readFileSync(previewFile);
    const previewStart = performance.now();
    const preview = await planRoster(database.db, ctx, previewContent);
    previewMs = performance.now() - previewStart;
    if (preview.problemCount > 0) throw new Error('the preview roster has problems');
  }
  process.stdout.write(
    `${JSON.stringify({ parseMs, parsedRows: parsed - 1, layoutMs, previewMs, importMs, rows, peakRssMb: peak / 1024 / 1024 })}\n`,
  );
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
