import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, login, type TestDatabase, testConfig } from '../../test/harness';
import { buildApp } from '../app';
import { ManualClock } from '../platform/clock';
import { issueSetupToken } from '../platform/setup';
import type { CliIo } from './commands';
import { type Ask, setupCommand } from './setup.command';

/** The operator's answers, in the order the command asks. */
function answers(...lines: string[]): Ask {
  return async () => lines.shift() ?? '';
}

describe('lianxin setup', () => {
  let database: TestDatabase;
  const lines: string[] = [];
  const io: CliIo = { config: testConfig(), print: (line) => lines.push(line) };
  // The command closes what it opens; the test keeps the database for its own checks.
  const open = async () => ({ ...database, close: async () => {} });
  beforeEach(async () => {
    database = await createTestDatabase();
    lines.length = 0;
  });
  afterEach(async () => database.dispose());

  it('creates the district and the first administrator from the answers, who then signs in', async () => {
    const password = 'a-long-enough-password';
    await setupCommand(
      io,
      { username: 'first.admin' },
      { ask: answers('610902000000', '示例区', '区管理员', password, password), open },
    );
    expect(lines.join('\n')).toContain('first.admin');
    expect(lines.join('\n')).toContain('SECRET_KEY');
    const app = await buildApp({
      database,
      config: io.config,
      clock: new ManualClock(new Date()),
      logger: false,
      webDist: '/nonexistent',
    });
    await app.ready();
    await login(app, 'first.admin', password);
    await app.close();
    // Once an account exists: no printed link, and the command refuses.
    expect(await issueSetupToken(database.db, new ManualClock(new Date()))).toBeNull();
    await expect(
      setupCommand(io, {}, { ask: answers('610902000000', 'x', 'y', 'z', password, password), open }),
    ).rejects.toThrow(/account exists/);
  });

  it('refuses a weak password, passwords that differ and a bad district code', async () => {
    const options = {
      districtCode: '610902000000',
      districtName: '示例区',
      username: 'admin1',
      name: '管理员',
    };
    await expect(setupCommand(io, options, { ask: answers('short', 'short'), open })).rejects.toThrow(/10\+/);
    await expect(
      setupCommand(io, options, { ask: answers('a-long-enough-password', 'another-long-password'), open }),
    ).rejects.toThrow(/differ/);
    await expect(
      setupCommand(io, { ...options, districtCode: '6109' }, { ask: answers(), open }),
    ).rejects.toThrow(/District/);
  });
});
