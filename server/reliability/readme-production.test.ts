import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AnyContract, areasApi, sessionApi, usersApi } from '@lianxin/common';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The README's production steps, run as written from an empty data directory (SQLite) or an empty
// PostgreSQL database: every line of the marked shell block goes through bash in the repository
// root, except the install-and-build line (the checkout under test is installed already) and
// `npm start`, which runs `npx lianxin serve` (what `npm start` runs once the build is current).
// Then the first administrator signs in and creates a town head, who signs in too.

const root = path.resolve(import.meta.dirname, '..', '..');
const PASSWORD = 'Hanbin mass-work 2026!';

/** The lines of the README's block between the production-steps markers, comments removed. */
function productionSteps(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const block =
    /<!-- production-steps:[^>]*-->\s*```bash\n([\s\S]*?)```\s*<!-- production-steps: end -->/.exec(readme);
  if (!block?.[1]) throw new Error('README.md has no production-steps block');
  return block[1]
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

function run(line: string, env: NodeJS.ProcessEnv, input = ''): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', line], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stdin.end(input);
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilReady(base: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${log()}`);
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not get ready: ${log()}`);
}

/** Signs in over HTTP and calls contracts with the session cookie and CSRF token. */
async function signIn(base: string, username: string) {
  const login = await fetch(`${base}/api/v1${sessionApi.login.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(login.status, `${username} signs in`).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (contract: AnyContract, input: { params?: Record<string, string>; body?: unknown } = {}) => {
    const url = contract.path.replace(/:(\w+)/g, (_, name: string) => input.params?.[name] ?? '');
    const response = await fetch(`${base}/api/v1${url}`, {
      method: contract.method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(input.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
}

describe("the README's production steps", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lianxin-readme-'));
  const postgres = process.env.TEST_DATABASE_URL || '';
  const database = `readme_${randomBytes(6).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LIANXIN_LOCALE: 'en',
  };
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    if (!postgres) return;
    // An empty database of its own, as `createdb` makes it.
    const admin = new pg.Client({ connectionString: postgres });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(postgres);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
    env.SECRET_KEY = randomBytes(32).toString('base64');
  });

  afterAll(async () => {
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await new Promise((resolve) => server?.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
    if (!postgres) return;
    const admin = new pg.Client({ connectionString: postgres });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  });

  it('set up a district from nothing: areas imported, first administrator, a town head who signs in', async () => {
    const steps = productionSteps();
    expect(steps[0]).toBe('export NODE_ENV=production');
    expect(steps).toContain('npm start');
    let base = '';
    for (const line of steps) {
      const exported = /^export (\w+)=(.*)$/.exec(line);
      if (exported?.[1]) {
        env[exported[1]] = exported[2];
        continue;
      }
      if (line.startsWith('npm ci')) continue;
      if (line === 'npm start') {
        const port = await freePort();
        base = `http://127.0.0.1:${port}`;
        let log = '';
        server = spawn('npx', ['lianxin', 'serve'], { cwd: root, env: { ...env, PORT: String(port) } });
        server.stdout?.on('data', (chunk: Buffer) => {
          log += chunk.toString();
        });
        server.stderr?.on('data', (chunk: Buffer) => {
          log += chunk.toString();
        });
        await waitUntilReady(base, server, () => log);
        // Production: an account exists, so no set-up link and never a password in the banner.
        expect(log).not.toContain('/setup?token=');
        continue;
      }
      // `lianxin setup` reads the password twice from the terminal (here: standard input).
      const result = await run(line, env, `${PASSWORD}\n${PASSWORD}\n`);
      expect(result.code, `${line}\n${result.out}`).toBe(0);
    }
    expect(base, 'the steps start the server').not.toBe('');

    const admin = await signIn(base, 'admin');
    const village = await admin(areasApi.get, { params: { code: '610902104201' } });
    expect(village.status).toBe(200);
    expect(village.json.name).toBe('关庙村委会');
    const created = await admin(usersApi.create, {
      body: {
        username: 'guanmiao-head',
        name: '关庙镇负责人',
        role: 'town_head',
        areaCode: '610902104000',
        password: PASSWORD,
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);

    const townHead = await signIn(base, 'guanmiao-head');
    // The town head reaches the town's villages and not another town's.
    expect((await townHead(areasApi.get, { params: { code: '610902104202' } })).status).toBe(200);
    expect((await townHead(areasApi.get, { params: { code: '610902001001' } })).status).toBe(404);
  });
});
