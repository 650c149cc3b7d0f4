import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importAreas, operatorAreaScope } from '../modules/areas';
import { systemClock } from '../platform/clock';
import { withTransaction } from '../platform/request-context';
import type { CliIo } from './commands';
import { withDatabase } from './database';
import { CliFailure } from './failure';

const CLI_ACTOR = { id: null, name: 'lianxin cli', ip: null };

/**
 * `lianxin areas import FILE [--dry-run]`: checks an area list (代码, 名称) against the tree and
 * prints what it would create, rename or leave, and every problem; without --dry-run writes it
 * in one transaction when it has none. False when the file has problems (nothing is written).
 */
export async function areasImportCommand(io: CliIo, file: string, dryRun: boolean): Promise<boolean> {
  if (!existsSync(file)) throw new CliFailure(`${file} does not exist.`, `${file} 不存在。`);
  const content = await readFile(file);
  return withDatabase(io.config, async (database) => {
    const plan = await withTransaction(database, async (trx) =>
      importAreas(trx, systemClock, CLI_ACTOR, await operatorAreaScope(trx), content, {
        dryRun,
        fileName: path.basename(file),
        locale: 'zh-CN',
      }),
    );
    const { create, rename, unchanged } = plan.summary;
    io.print(
      `${plan.rows} 行 rows: 新建 create ${create}, 改名 rename ${rename}, 不变 unchanged ${unchanged}`,
    );
    for (const item of plan.items) {
      if (item.action === 'rename')
        io.print(`  改名 rename ${item.code}: ${item.previousName} → ${item.name}`);
    }
    if (plan.problemCount > 0) {
      io.print(`${plan.problemCount} 个问题 problems; nothing was written:`);
      for (const p of plan.problems) {
        const sheet = p.sheet > 1 ? `工作表 sheet ${p.sheet} ` : '';
        io.print(`  ${p.row === 0 ? '文件 file' : `${sheet}第 ${p.row} 行 row`}: ${p.message}`);
      }
      return false;
    }
    if (!plan.applied) io.print('dry run: nothing was written');
    else io.print(create + rename === 0 ? '没有变化 nothing changed' : 'imported');
    return true;
  });
}
