import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { areasImportCommand } from '../../../cli/areas.command';
import { type CliIo, migrateCommand } from '../../../cli/commands';
import { loadConfig } from '../../../config';
import { openDatabase } from '../../../db/database';

const FIXTURE = fileURLToPath(new URL('../../../../test/fixtures/areas-610902.csv', import.meta.url));

// The command line on a fresh SQLite file, as an operator sets up a district's tree.
describe('lianxin areas import', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lianxin-areas-'));
  const lines: string[] = [];
  const io: CliIo = {
    config: loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'development' }),
    print: (line) => lines.push(line),
  };
  const output = () => lines.join('\n');
  const areaNames = async () => {
    const database = openDatabase({ file: io.config.sqliteFile });
    try {
      return (await database.db.selectFrom('areas').select(['code', 'name']).orderBy('code').execute()).map(
        (a) => `${a.code} ${a.name}`,
      );
    } finally {
      await database.close();
    }
  };
  beforeAll(() => migrateCommand(io), 60_000);
  beforeEach(() => {
    lines.length = 0;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('checks with --dry-run, then sets up an empty tree from the file, and a second run changes nothing', async () => {
    expect(await areasImportCommand(io, FIXTURE, true)).toBe(true);
    expect(output()).toContain('新建 create 4');
    expect(await areaNames()).toEqual([]);
    expect(await areasImportCommand(io, FIXTURE, false)).toBe(true);
    expect(await areaNames()).toEqual([
      '610902000000 汉滨区',
      '610902003000 五里镇',
      '610902003001 五里社区居委会',
      '610902003201 王家村村委会',
    ]);
    lines.length = 0;
    expect(await areasImportCommand(io, FIXTURE, false)).toBe(true);
    expect(output()).toContain('不变 unchanged 4');
    expect(output()).toContain('nothing changed');
  });

  it('prints every bad row with its number and writes nothing', async () => {
    const file = path.join(dataDir, 'bad.csv');
    writeFileSync(file, '代码,名称\n610902003202,李家村\n610902007001,无主村\n610902003,短码\n');
    const before = await areaNames();
    expect(await areasImportCommand(io, file, false)).toBe(false);
    expect(output()).toContain('2 个问题');
    expect(output()).toContain('第 3 行');
    expect(output()).toContain('第 4 行');
    expect(await areaNames()).toEqual(before);
  });

  it('refuses a file that is not there', async () => {
    await expect(areasImportCommand(io, path.join(dataDir, 'none.csv'), true)).rejects.toThrow(
      'does not exist',
    );
  });
});
