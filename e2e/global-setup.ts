import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEMO_PASSWORD } from './harness';

const ROOT = path.resolve(import.meta.dirname, '..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory with the demo district loaded, copied by each test file's console. */
    demoTemplate: string;
  }
}

/**
 * Loads the demo district once for the whole run (`lianxin migrate`, then `lianxin demo`): each
 * test file's console starts on a copy of it instead of loading the demo again.
 */
export function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'lianxin-e2e-demo-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, NODE_ENV: 'development', DEMO_PASSWORD };
  delete env.DATABASE_URL;
  for (const command of ['migrate', 'demo']) {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'server', 'bin', 'lianxin.mjs'), command], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`lianxin ${command} failed: ${run.stdout}${run.stderr}`);
  }
  project.provide('demoTemplate', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
