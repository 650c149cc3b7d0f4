import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { isStrongPassword, SetupAdmin, SetupDistrict } from '@lianxin/common';
import type { z } from 'zod';
import type { Database } from '../db/database';
import { systemClock } from '../platform/clock';
import { withTransaction } from '../platform/request-context';
import { loadSecrets } from '../platform/secrets';
import { createFirstAdmin, existingDistrict, isSetupNeeded } from '../platform/setup';
import { openConfiguredDatabase } from '../runtime';
import { CliFailure, type CliIo } from './commands';

export interface SetupOptions {
  districtCode?: string;
  districtName?: string;
  username?: string;
  name?: string;
}

/** Asks the operator one question; `hidden` answers are not echoed (passwords). */
export type Ask = (question: string, hidden?: boolean) => Promise<string>;

export interface SetupDeps {
  ask: Ask;
  open: () => Promise<Database>;
}

/**
 * Questions on the terminal (node:readline). Lines are queued as they come, so answers piped in
 * ahead of the questions are not lost; typing is muted while a hidden answer is read.
 */
function terminalAsk(): { ask: Ask; close: () => void } {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY === true });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let ended = false;
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const next of waiting.splice(0)) next('');
  });
  const ask: Ask = (question, hidden = false) => {
    process.stdout.write(question);
    muted = hidden;
    const answered = (line: string) => {
      if (hidden) process.stdout.write('\n');
      muted = false;
      return line.trim();
    };
    const queued = lines.shift();
    if (queued !== undefined) return Promise.resolve(answered(queued));
    if (ended) return Promise.resolve(answered(''));
    return new Promise((resolve) => waiting.push((line) => resolve(answered(line))));
  };
  return { ask, close: () => rl.close() };
}

function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new CliFailure(`${what} 不正确 (${what} is not valid): ${problems}`);
}

/**
 * `lianxin setup`: the first run on a headless server — the district (unless one was imported) and
 * the first district administrator, asked for on the terminal where the options leave them out.
 * Refuses once any account exists.
 */
export async function setupCommand(io: CliIo, options: SetupOptions, deps: SetupDeps): Promise<void> {
  // In production on PostgreSQL this refuses to go on without SECRET_KEY; otherwise the key file.
  loadSecrets(io.config);
  const database = await deps.open();
  try {
    if (!(await isSetupNeeded(database.db))) {
      throw new CliFailure(
        '已有账号，无需初始设置；请登录控制台或用 lianxin user add 添加账号 (an account exists already: sign in, or add accounts with lianxin user add).',
      );
    }
    const found = await existingDistrict(database.db);
    let district: SetupDistrict | undefined;
    if (found) {
      io.print(`区县 District: ${found.name} ${found.code} (已导入 imported)`);
    } else {
      district = checked(
        SetupDistrict,
        {
          code: options.districtCode ?? (await deps.ask('区县行政区划代码 District code (12 digits): ')),
          name: options.districtName ?? (await deps.ask('区县名称 District name: ')),
        },
        '区县 District',
      );
    }
    const username = options.username ?? (await deps.ask('管理员用户名 Administrator username: '));
    const name = options.name ?? (await deps.ask('管理员姓名 Administrator name: '));
    const password = await deps.ask('密码 Password (10+ characters): ', true);
    if (!isStrongPassword(password, username)) {
      throw new CliFailure(
        '密码至少 10 个字符且不能与用户名相同 (the password needs 10+ characters, not the username).',
      );
    }
    if ((await deps.ask('再次输入密码 Password again: ', true)) !== password) {
      throw new CliFailure('两次输入的密码不一致 (the passwords differ).');
    }
    const admin = checked(SetupAdmin, { username, name, password }, '管理员 Administrator');
    const done = await withTransaction(database, (trx) =>
      createFirstAdmin(
        trx,
        { clock: systemClock, config: io.config },
        { id: null, name: 'lianxin setup', ip: null },
        { district, admin },
      ),
    );
    io.print(
      `已创建区级管理员 Created the district administrator ${done.username} (${done.district.name} ${done.district.code}).`,
    );
    io.print(
      `请备份密钥 Back up the secret key: ${done.secretKey.file ?? 'SECRET_KEY (environment)'} — without it the encrypted personal data is lost.`,
    );
  } finally {
    await database.close();
  }
}

/** `lianxin setup`: the set-up on this terminal, against the configured database. */
export async function terminalSetup(io: CliIo, options: SetupOptions): Promise<void> {
  const terminal = terminalAsk();
  try {
    await setupCommand(io, options, { ask: terminal.ask, open: () => openConfiguredDatabase(io.config) });
  } finally {
    terminal.close();
  }
}
