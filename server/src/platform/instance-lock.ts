import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import type { Database } from '../db/database';

/**
 * The running server's hold on its database, so that `lianxin restore` does not replace a
 * database under a live server. SQLite: a lock file next to the database with the server's pid
 * (a file left by a server that died is taken over). PostgreSQL: a SHARED session advisory lock,
 * held on one connection as long as the server runs: the instances of one district share the
 * database and each holds it, while anything that must have the database alone (an exclusive
 * hold of the same key) is refused as long as one instance runs.
 */
export interface InstanceLock {
  release(): Promise<void>;
}

/** Another live server holds the database. */
export class InstanceLocked extends Error {
  constructor(readonly holder: string) {
    super(`the database is in use by a running server (${holder})`);
  }
}

/** Key of the advisory lock on PostgreSQL, fixed for the project. */
export const ADVISORY_KEY = '21514263357097294';

export function lockFilePath(config: Config): string {
  return path.join(config.dataDir, 'lianxin.lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of the live server holding the SQLite database, or null. */
export function sqliteLockHolder(config: Config): number | null {
  let text: string;
  try {
    text = readFileSync(lockFilePath(config), 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

/** Takes the database for this process; throws InstanceLocked when another live server has it. */
export async function acquireInstanceLock(config: Config, database: Database): Promise<InstanceLock> {
  if (database.pool) {
    const client = await database.pool.connect();
    const { rows } = await client.query<{ locked: boolean }>(
      'select pg_try_advisory_lock_shared($1) as locked',
      [ADVISORY_KEY],
    );
    if (!rows[0]?.locked) {
      client.release();
      throw new InstanceLocked('PostgreSQL advisory lock');
    }
    return {
      release: async () => {
        await client.query('select pg_advisory_unlock_shared($1)', [ADVISORY_KEY]).catch(() => undefined);
        client.release();
      },
    };
  }
  const holder = sqliteLockHolder(config);
  if (holder !== null && holder !== process.pid) throw new InstanceLocked(`pid ${holder}`);
  const file = lockFilePath(config);
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(file, `${process.pid}\n`);
  return {
    release: async () => {
      if (sqliteLockHolder(config) === process.pid) rmSync(file, { force: true });
    },
  };
}
