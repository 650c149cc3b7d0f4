import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { type HouseholdsFilter, type ImportMapping, importProblemMessage } from '@lianxin/common';
import { SingleBar } from 'cli-progress';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import { AppError } from '../../../platform/errors';
import { withTransaction } from '../../../platform/request-context';
import { type AreaScope, scopeOf } from '../../../platform/scope';
import type { Secrets } from '../../../platform/secrets';
import { findArea } from '../../areas';
import { findDistrict } from './roster.repository';
import { applyRoster } from './roster-apply';
import { auditExport, writeExport } from './roster-export';
import { type ImportContext, type Progress, planRoster } from './roster-plan';

export interface CliContext {
  db: Kysely<DB>;
  clock: Clock;
  secrets: Secrets;
  actor: Actor;
  /** The district: the command line acts over all of it. */
  scope: AreaScope;
  print(line: string): void;
}

function progressBar(label: string): { bar: SingleBar; progress: Progress } {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
  });
  let started = false;
  return {
    bar,
    progress: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.setTotal(Math.max(total, done));
      bar.update(done);
    },
  };
}

/** What the operator chose for a file: the village of a one-village roster, the column mapping. */
export interface RosterFileChoice {
  villageCode?: string | undefined;
  mapping?: ImportMapping | undefined;
}

/**
 * `lianxin import households FILE [--village CODE] [--mapping FILE] [--dry-run]`: checks the
 * roster and prints what it would do and every problem; without --dry-run, writes it whole (in
 * one transaction) if it has none. Returns false when the file has problems.
 */
export async function importRosterFile(
  ctx: CliContext,
  file: string,
  dryRun: boolean,
  choice: RosterFileChoice = {},
): Promise<boolean> {
  const content = await readFile(file);
  if (choice.villageCode && !(await findArea(ctx.db, ctx.scope, choice.villageCode))) {
    throw new AppError('AREA_UNKNOWN', { code: choice.villageCode });
  }
  const importContext: ImportContext = {
    clock: ctx.clock,
    secrets: ctx.secrets,
    scope: ctx.scope,
    caller: null,
    choice: { sheet: null, villageCode: choice.villageCode ?? null, mapping: choice.mapping ?? null },
  };
  const check = progressBar('检查 checking');
  const plan = await planRoster(ctx.db, importContext, content, check.progress);
  check.bar.stop();
  const { households: h, residents: r, rows } = plan.summary;
  if (plan.layout) {
    const { headerRows, ignored, sheets, sheet } = plan.layout;
    ctx.print(
      `表头 header: 第 ${headerRows.join('、')} 行 row(s)${sheets.length > 1 ? `，工作表 sheet「${sheets[sheet]?.name ?? ''}」` : ''}`,
    );
    if (ignored.length > 0) ctx.print(`未导入的列 ignored columns: ${ignored.join('、')}`);
  }
  ctx.print(`${rows} 行 rows`);
  ctx.print(`户 households: 新建 create ${h.create}, 更新 update ${h.update}, 不变 unchanged ${h.unchanged}`);
  ctx.print(`人 residents:  新建 create ${r.create}, 更新 update ${r.update}, 不变 unchanged ${r.unchanged}`);
  if (plan.problemCount > 0) {
    ctx.print(`${plan.problemCount} 个问题 problems; nothing was written:`);
    for (const p of plan.problems) {
      const where = p.row === 0 ? '文件' : `第 ${p.row} 行${p.column ? `「${p.column}」` : ''}`;
      ctx.print(`  ${where}: ${importProblemMessage(p.problem, p.params, 'zh-CN')}`);
    }
    return false;
  }
  if (dryRun) {
    ctx.print('dry run: nothing was written');
    return true;
  }
  const write = progressBar('写入 writing');
  await withTransaction(ctx, async (trx) => {
    // Checked again inside the transaction: what is written is what was checked.
    const fresh = await planRoster(trx, importContext, content);
    if (fresh.problemCount > 0)
      throw new Error('the registry changed while the roster was checked; run again');
    await applyRoster(trx, importContext, ctx.actor, fresh, file, write.progress);
  });
  write.bar.stop();
  ctx.print('imported');
  return true;
}

/** `lianxin export households --area CODE --out FILE`: the area's households as an .xlsx roster. */
export async function exportRosterFile(
  ctx: CliContext,
  filter: HouseholdsFilter,
  out: string,
): Promise<number> {
  if (filter.areaCode && !(await findArea(ctx.db, ctx.scope, filter.areaCode))) {
    throw new AppError('AREA_UNKNOWN', { code: filter.areaCode });
  }
  const exportContext = { ...ctx, caller: null };
  const stream = createWriteStream(out);
  const rows = await writeExport(ctx.db, exportContext, filter, stream);
  await finished(stream);
  // Audited once the file is written: an export that failed handed nothing out.
  await withTransaction(ctx, (trx) => auditExport(trx, exportContext, filter));
  return rows;
}

/** The district's scope, or null on a database where the areas are not loaded yet. */
export async function districtScope(db: Kysely<DB>): Promise<AreaScope | null> {
  const district = await findDistrict(db);
  return district ? scopeOf(district) : null;
}
