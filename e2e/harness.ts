import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SCREENSHOTS = path.join(ROOT, 'e2e', 'screenshots');
// The server is started with it (DEMO_PASSWORD), as a demo otherwise gets a random password.
export const DEMO_PASSWORD = 'lianxin-e2e-demo';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningConsole {
  base: string;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * Builds the console if needed, starts `lianxin serve` on a fresh copy of the run's demo database
 * (loaded once by global-setup.ts) and opens Chromium.
 */
export async function startConsole(): Promise<RunningConsole> {
  if (!existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) {
    const build = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('web build failed');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lianxin-e2e-'));
  cpSync(inject('demoTemplate'), dataDir, { recursive: true });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'development',
    DEMO_PASSWORD,
  };
  delete env.DATABASE_URL;
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'server', 'bin', 'lianxin.mjs'), 'serve'],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('演示账号')) resolve();
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    base,
    browser,
    stop: async () => {
      await browser.close();
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A phone of the size residents and village cadres use (390 × 844, touch), in Chinese. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
}

export async function signIn(
  page: Page,
  base: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  // Wait for the answer: a test that navigates at once would abort the sign-in on its way.
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login')),
    page.getByRole('button', { name: /登\s*录/ }).click(),
  ]);
}

/** The display name of a demo account, as the API reports it. */
export async function displayName(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { user: { name: string } };
  return body.user.name;
}
